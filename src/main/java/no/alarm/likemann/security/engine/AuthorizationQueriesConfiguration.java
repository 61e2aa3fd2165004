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
 * is told how many authorizations carry each permission ({@link #PERMISSION_STATISTICS}) and has an index of the
 * grants a task's check reads ({@link #TASK_READS_INDEX}).
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

  /**
   * The rows a task's check can use: grants on tasks and on process definitions (what a Tasklist filter asks for each
   * task: the task's own, its definition's key's, and those on every resource). For each task of a page the check
   * looked at some 60 rows of the task, its key and {@code *}, nearly all of other kinds of resource; on this index it
   * looks at about 12. Measured at national size: 242 ms for the count of 11,655 tasks, 155-190 ms with it (ADR 13).
   * PostgreSQL uses it because the check's own condition implies the index's.
   */
  static final String TASK_READS_INDEX = "CREATE INDEX IF NOT EXISTS likemann_authorization_task_reads"
      + " ON ACT_RU_AUTHORIZATION (RESOURCE_ID_) WHERE TYPE_ < 2 AND RESOURCE_TYPE_ IN (6, 7)";

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
      boolean indexed = Boolean.TRUE.equals(jdbc.queryForObject("SELECT count(*) > 0 FROM pg_indexes"
          + " WHERE indexname = 'likemann_authorization_task_reads'", Boolean.class));
      if (!indexed) {
        jdbc.execute(TASK_READS_INDEX);
      }
      if (!made) {
        jdbc.execute(PERMISSION_STATISTICS);
      }
      if (!made || !indexed) {
        jdbc.execute("ANALYZE ACT_RU_AUTHORIZATION");
        LOG.info("PostgreSQL plans the authorization checks with statistics on the permissions and an index of the"
            + " task and definition grants (made now)");
      }
    } catch (RuntimeException e) {
      // another node made them at the same moment, or the database refuses: the checks are right, only slower
      LOG.warn("Statistics on the authorizations' permissions not made: {}", e.toString());
    }
  }
}
