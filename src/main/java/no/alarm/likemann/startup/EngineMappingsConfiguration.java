package no.alarm.likemann.startup;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The plugin that gives the engine the mappings read at start ({@link EngineMappingsInitializer}), last of the
 * engine's plugins; a plugin that does nothing when they were not read.
 */
@Configuration(proxyBeanMethods = false)
public class EngineMappingsConfiguration {

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  ProcessEnginePlugin engineMappingsPlugin(ObjectProvider<EngineMappings> mappings) {
    EngineMappings read = mappings.getIfAvailable();
    return read == null ? new AbstractProcessEnginePlugin() {} : new EngineMappingsPlugin(read);
  }
}
