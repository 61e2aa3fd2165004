package no.alarm.likemann;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class LikemannConfiguration {

  @Bean
  Clock clock() {
    return Clock.system(ZoneId.of(LikemannApplication.ZONE));
  }
}
