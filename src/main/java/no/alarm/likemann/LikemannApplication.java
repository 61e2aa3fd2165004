package no.alarm.likemann;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LikemannApplication {

  /** Timers, due dates and "today" are Norwegian dates, whatever the host says. */
  public static final String ZONE = "Europe/Oslo";

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
    SpringApplication.run(LikemannApplication.class, args);
  }
}
