package no.alarm.likemann.readlog;

import java.time.Clock;
import java.time.Duration;

import no.alarm.likemann.CommandInterceptors;
import no.alarm.likemann.operations.ScheduleLocks;
import no.alarm.likemann.security.SystemWork;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.Scheduled;

/** The read log around every API and inside the engine, and its removal when the case's history goes. */
@Configuration
public class ReadLogConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(ReadLogConfiguration.class);

  @Bean
  FilterRegistrationBean<ReadLogFilter> readLogFilter(CaseReads reads, HistoryService history, SystemWork system,
                                                      Clock clock) {
    var registration = new FilterRegistrationBean<>(new ReadLogFilter(reads, history, system, clock));
    registration.setName("likemann-read-log");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*", "/api/*");
    // outside the engine's authentication: the answer is known when it comes back through here
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
    return registration;
  }

  /** Notes what the engine's answers show of a case, inside the command context where the person is known. */
  @Bean
  ProcessEnginePlugin engineReadsPlugin() {
    EngineReadsInterceptor interceptor = new EngineReadsInterceptor();
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptors.addInside(configuration, interceptor);
      }
    };
  }

  @Bean
  ReadLogRetention readLogRetention(CaseReads reads,
                                    @Value("${likemann.retention.keep-after-end:P1825D}") Duration keep) {
    return new ReadLogRetention(reads, keep);
  }

  /** Nightly, inside the history clean-up's window: the reads of cases whose history is gone go too. */
  static class ReadLogRetention {
    private final CaseReads reads;
    private final Duration keep;

    ReadLogRetention(CaseReads reads, Duration keep) {
      this.reads = reads;
      this.keep = keep;
    }

    @Scheduled(cron = "${likemann.read-log.cron:0 30 3 * * *}", zone = "Europe/Oslo")
    @SchedulerLock(name = ScheduleLocks.READ_LOG_RETENTION, lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    public void removeExpired() {
      int removed = reads.removeExpired(keep);
      LOG.info("Read log: removed {} reads of cases ended more than {} ago", removed, keep);
    }
  }
}
