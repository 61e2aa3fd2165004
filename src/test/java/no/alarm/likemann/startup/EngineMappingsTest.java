package no.alarm.likemann.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.ibatis.session.SqlSessionFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

class EngineMappingsTest {

  @Test
  void theDatabaseTypeComesFromTheUrlForTheDatabasesWeRunOn() {
    assertThat(EngineMappings.databaseTypeOf("jdbc:h2:file:./data/likemann")).contains("h2");
    assertThat(EngineMappings.databaseTypeOf("JDBC:PostgreSQL://127.0.0.1:5432/test")).contains("postgres");
    assertThat(EngineMappings.databaseTypeOf("jdbc:mariadb://localhost/x")).isEmpty();
    assertThat(EngineMappings.databaseTypeOf(null)).isEmpty();
  }

  @Test
  void onlyAConfigurationThatReadsItsMappingsAsCamundaDoesIsGivenThem() {
    assertThat(EngineMappingsPlugin.readsMappingsAsCamundaDoes(SpringProcessEngineConfiguration.class)).isTrue();
    assertThat(EngineMappingsPlugin.readsMappingsAsCamundaDoes(OwnMappings.class)).isFalse();
  }

  @Test
  void theEngineRunsOnTheMappingsReadBeforeIt() {
    EngineMappings mappings = EngineMappings.startReading(new EngineMappings.Settings("h2", "", true, null));
    SqlSessionFactory read = mappings.factory();

    ProcessEngine engine = engine(mappings, "mappingsReadEarly");
    try {
      var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      assertThat(config.getSqlSessionFactory()).isSameAs(read);
      assertThat(read.getConfiguration().getEnvironment().getDataSource()).isSameAs(config.getDataSource());
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isZero();
    } finally {
      engine.close();
    }
  }

  @Test
  void mappingsReadForAnotherDatabaseAreReadAgainForTheOneItIs() {
    EngineMappings mappings = EngineMappings.startReading(new EngineMappings.Settings("postgres", "", true, null));
    SqlSessionFactory readForPostgres = mappings.factory();

    ProcessEngine engine = engine(mappings, "mappingsReadAgain");
    try {
      var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      assertThat(config.getDatabaseType()).isEqualTo("h2");
      assertThat(config.getSqlSessionFactory()).isNotSameAs(readForPostgres);
      assertThat(config.getDbSqlSessionFactory().getSqlSessionFactory()).isSameAs(config.getSqlSessionFactory());
      // a paged query uses the database's own limit syntax
      assertThat(engine.getRepositoryService().createDeploymentQuery().listPage(0, 5)).isEmpty();
    } finally {
      engine.close();
    }
  }

  @Test
  void otherSettingsLeaveTheReadingToTheEngine() {
    EngineMappings mappings = EngineMappings.startReading(new EngineMappings.Settings("h2", "", false, null));
    SqlSessionFactory read = mappings.factory();

    ProcessEngine engine = engine(mappings, "mappingsNotUsed");
    try {
      var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      assertThat(config.isJdbcBatchProcessing()).isTrue();
      assertThat(config.getSqlSessionFactory()).isNotSameAs(read);
    } finally {
      engine.close();
    }
  }

  private static ProcessEngine engine(EngineMappings mappings, String name) {
    var config = new StandaloneInMemProcessEngineConfiguration();
    config.setProcessEngineName(name);
    config.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
    config.setJobExecutorActivate(false);
    config.setDatabaseSchemaUpdate("create-drop");
    config.getProcessEnginePlugins().add(new EngineMappingsPlugin(mappings));
    return config.buildProcessEngine();
  }

  /** A configuration with mappings of its own. */
  static class OwnMappings extends StandaloneInMemProcessEngineConfiguration {
    @Override
    protected java.io.InputStream getMyBatisXmlConfigurationSteam() {
      return super.getMyBatisXmlConfigurationSteam();
    }
  }
}
