package no.alarm.likemann.support;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/** In-memory engines for model tests: delegates come from {@code Mocks.register}, no Spring, no application code. */
public final class TestEngines {

  private static ProcessEngine engine;

  private TestEngines() {}

  public static synchronized ProcessEngine inMemory() {
    if (engine == null) {
      var cfg = new StandaloneInMemProcessEngineConfiguration();
      cfg.setProcessEngineName("model-tests");
      cfg.setJdbcUrl("jdbc:h2:mem:model-tests;DB_CLOSE_DELAY=-1");
      cfg.setHistory("full");
      cfg.setJobExecutorActivate(false);
      cfg.setDefaultSerializationFormat("application/json");
      cfg.setExpressionManager(new MockExpressionManager());
      cfg.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
      engine = cfg.buildProcessEngine();
    }
    return engine;
  }
}
