package no.alarm.likemann.security.engine;

import java.util.ArrayList;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's authorization checks at the size of a national service (issue 16, ADR 13): the user's groups go to
 * the check without a query of their own ({@link KnownGroupsAuthorizationManager}), and on PostgreSQL the planner
 * is told how many authorizations carry each permission ({@link #PERMISSION_STATISTICS}).
 */
@Configuration
public class AuthorizationQueriesConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationQueriesConfiguration.class);

  /**
   * Statistics on the permission bits the checks test ({@code PERMS_ & 2 = 2}: READ, READ_TASK, CREATE_INSTANCE,
   * READ_INSTANCE, READ_HISTORY, TASK_WORK). Without them PostgreSQL guesses that half a percent of the rows match
   * such a test; with a row for every open task (all of them READ), it guessed 500 where there were 100,000, and
   * chose to scan them all for every task of a Tasklist page: 1.6 s for the coordinators' group filter, 16 ms with
   * the statistics. Made once, when the engine has its tables; the nodes of a cluster may both try.
   */
  static final String PERMISSION_STATISTICS = "CREATE STATISTICS IF NOT EXISTS likemann_authorization_perms"
      + " ON (PERMS_ & 2), (PERMS_ & 64), (PERMS_ & 256), (PERMS_ & 512), (PERMS_ & 4096), (PERMS_ & 16384)"
      + " FROM ACT_RU_AUTHORIZATION";

  @Bean
  ProcessEnginePlugin authorizationQueriesPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomSessionFactories() == null) {
          configuration.setCustomSessionFactories(new ArrayList<>());
        }
        configuration.getCustomSessionFactories().add(new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return AuthorizationManager.class;
          }

          @Override
          public Session openSession() {
            return new KnownGroupsAuthorizationManager();
          }
        });
      }

      @Override
      public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
            engine.getProcessEngineConfiguration();
        if ("postgres".equals(configuration.getDatabaseType())) {
          planWithPermissionStatistics(new JdbcTemplate(configuration.getDataSource()));
        }
      }
    };
  }

  static void planWithPermissionStatistics(JdbcTemplate jdbc) {
    try {
      boolean made = Boolean.TRUE.equals(jdbc.queryForObject("SELECT count(*) > 0 FROM pg_statistic_ext"
          + " WHERE stxname = 'likemann_authorization_perms'", Boolean.class));
      if (!made) {
        jdbc.execute(PERMISSION_STATISTICS);
        jdbc.execute("ANALYZE ACT_RU_AUTHORIZATION");
        LOG.info("PostgreSQL plans the authorization checks with statistics on the permissions (made now)");
      }
    } catch (RuntimeException e) {
      // another node made them at the same moment, or the database refuses: the checks are right, only slower
      LOG.warn("Statistics on the authorizations' permissions not made: {}", e.toString());
    }
  }
}
