package no.alarm.likemann.reporting;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one setting for every figure that leaves the case level: the smallest count shown. */
@Configuration
public class SmallNumbersConfiguration {

  @Bean
  SmallNumbers smallNumbers(@Value("${likemann.reports.smallest-count-shown:5}") int smallestCountShown) {
    return new SmallNumbers(smallestCountShown);
  }
}
