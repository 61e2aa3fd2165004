package no.alarm.likemann.webapp;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** What the Camunda webapps need beside their own files under {@code META-INF/resources/webjars/camunda}. */
@Configuration(proxyBeanMethods = false)
public class WebappConfiguration {

  @Bean
  FilterRegistrationBean<NorwegianPages> norwegianPages() {
    var registration = new FilterRegistrationBean<>(new NorwegianPages());
    registration.setName("likemann-norwegian-pages");
    registration.addUrlPatterns("/camunda/app/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }
}
