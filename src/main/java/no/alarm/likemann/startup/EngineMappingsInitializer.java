package no.alarm.likemann.startup;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts reading the engine's SQL mappings ({@link EngineMappings}) as soon as the application context exists, for
 * the database its {@code spring.datasource.url} names, and registers the reading with the context so that
 * {@link EngineMappingsConfiguration} gives it to the engine. Registered in {@code META-INF/spring.factories}, so it
 * runs for {@code spring-boot:run}, the packaged jar and the tests alike. Set
 * {@code likemann.startup.read-engine-mappings-early=false} to leave the reading to the engine.
 */
public class EngineMappingsInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final String BEAN = "likemannEngineMappings";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment env = context.getEnvironment();
    if (!env.getProperty("likemann.startup.read-engine-mappings-early", Boolean.class, true)
        || context.getBeanFactory().containsSingleton(BEAN)) {
      return;
    }
    Binder binder = Binder.get(env);
    String type = binder.bind("camunda.bpm.database.type", String.class)
        .orElse(EngineMappings.databaseTypeOf(env.getProperty("spring.datasource.url")).orElse(null));
    if (type == null) {
      return;
    }
    var settings = new EngineMappings.Settings(type,
        binder.bind("camunda.bpm.database.table-prefix", String.class).orElse(""),
        binder.bind("camunda.bpm.database.jdbc-batch-processing", Boolean.class).orElse(true),
        null);
    context.getBeanFactory().registerSingleton(BEAN, EngineMappings.startReading(settings));
  }
}
