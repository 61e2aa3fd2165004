package no.alarm.likemann.operations;

import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the metrics may hold: counts and timings, never a case. The HTTP client's timings are tagged with the whole
 * address asked for (a closing report's reference among them); the application calls no HTTP service of its own, so
 * they are not kept at all. The server's own timings are tagged with the route's pattern, never its values.
 */
@Configuration
public class MetricsConfiguration {

  @Bean
  MeterFilter noHttpClientAddresses() {
    return MeterFilter.deny(id -> id.getName().startsWith("http.client.requests"));
  }
}
