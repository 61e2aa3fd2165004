package no.alarm.likemann.security.login;

import java.time.Clock;
import java.time.Duration;

import no.alarm.likemann.operations.ScheduleLocks;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/** Logging in: failed logins throttled per address, and Camunda's lock after failed logins that expires. */
@Configuration
public class LoginConfiguration {

  @Bean
  LoginThrottle loginThrottle(JdbcTemplate jdbc, @Value("${likemann.login.failures-per-address:10}") int limit,
                              @Value("${likemann.login.window:PT15M}") Duration window, Clock clock) {
    return new LoginThrottle(jdbc, limit, window, clock);
  }

  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
    var registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
    registration.setName("likemann-login-throttle");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/admin/auth/*");
    // before Camunda's authentication filter checks the password
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  LockExpiry lockExpiry(JdbcTemplate jdbc, IdentityService identity, ProcessEngine engine,
                        @Value("${likemann.login.lock-expires-after:PT15M}") Duration after, Clock clock) {
    int maxAttempts = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getLoginMaxAttempts();
    return new LockExpiry(jdbc, identity, maxAttempts, after, clock);
  }

  /**
   * Every minute: a lock is open again at most a minute after it has expired, and the failed logins older than the
   * throttle's window are removed.
   */
  @Bean
  LockExpirySchedule lockExpirySchedule(LockExpiry expiry, LoginThrottle throttle) {
    return new LockExpirySchedule(expiry, throttle);
  }

  static class LockExpirySchedule {
    private final LockExpiry expiry;
    private final LoginThrottle throttle;

    LockExpirySchedule(LockExpiry expiry, LoginThrottle throttle) {
      this.expiry = expiry;
      this.throttle = throttle;
    }

    @Scheduled(fixedDelayString = "${likemann.login.lock-expiry-check:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = ScheduleLocks.LOGIN_LOCK_EXPIRY, lockAtMostFor = "PT1M", lockAtLeastFor = "PT30S")
    public void unlockExpired() {
      expiry.unlockExpired();
      throttle.sweep();
    }
  }
}
