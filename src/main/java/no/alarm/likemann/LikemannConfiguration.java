package no.alarm.likemann;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
public class LikemannConfiguration {

  @Bean
  Clock clock() {
    return Clock.system(ZoneId.of(LikemannApplication.ZONE));
  }
}
