package no.alarm.likemann.startup;

import java.util.Objects;

import org.apache.ibatis.session.SqlSessionFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the engine the SQL mappings {@link EngineMappings} read during the start, when its settings are the ones they
 * were read for; otherwise the engine reads its own, as it always does. Runs after every other plugin, so the
 * settings it compares are final.
 */
public class EngineMappingsPlugin extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EngineMappingsPlugin.class);

  private final EngineMappings mappings;
  private SqlSessionFactory given;

  public EngineMappingsPlugin(EngineMappings mappings) {
    this.mappings = mappings;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl config) {
    EngineMappings.Settings read = mappings.settings();
    boolean same = config.getSqlSessionFactory() == null
        && !config.isUseSharedSqlSessionFactory()
        && (config.getDatabaseType() == null || config.getDatabaseType().equals(read.databaseType()))
        && Objects.equals(config.getDatabaseTablePrefix(), read.tablePrefix())
        && config.isJdbcBatchProcessing() == read.jdbcBatchProcessing()
        && Objects.equals(config.getJdbcStatementTimeout(), read.statementTimeout())
        && readsMappingsAsCamundaDoes(config.getClass());
    if (!same) {
      log.info("The engine reads its SQL mappings itself: its settings differ from those they were read for at start");
      return;
    }
    try {
      given = mappings.factory();
    } catch (RuntimeException e) {
      log.warn("The SQL mappings read at start failed; the engine reads its own", e);
      return;
    }
    config.setSqlSessionFactory(given);
  }

  /** True unless the configuration class reads its mappings its own way. */
  static boolean readsMappingsAsCamundaDoes(Class<?> type) {
    for (Class<?> c = type; c != null && c != ProcessEngineConfigurationImpl.class; c = c.getSuperclass()) {
      for (var method : c.getDeclaredMethods()) {
        if (method.getParameterCount() == 0 && (method.getName().equals("initSqlSessionFactory")
            || method.getName().equals("getMyBatisXmlConfigurationSteam"))) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl config) {
    if (given == null || config.getSqlSessionFactory() != given) {
      return;
    }
    if (!mappings.settings().databaseType().equals(config.getDatabaseType())) {
      // the URL said one database, the connection another: read the mappings for the one it is
      log.info("The engine's database is {}, not {} as its URL says: reading the SQL mappings again",
          config.getDatabaseType(), mappings.settings().databaseType());
      SqlSessionFactory again = EngineMappings.read(new EngineMappings.Settings(config.getDatabaseType(),
          config.getDatabaseTablePrefix(), config.isJdbcBatchProcessing(), config.getJdbcStatementTimeout()));
      config.setSqlSessionFactory(again);
      config.getDbSqlSessionFactory().setSqlSessionFactory(again);
      given = again;
    }
    EngineMappings.connect(given, config.getTransactionFactory(), config.getDataSource());
  }
}
