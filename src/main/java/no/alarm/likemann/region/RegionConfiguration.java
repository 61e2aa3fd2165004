package no.alarm.likemann.region;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each new instance gets its region as its tenant ({@link RegionTenantIdProvider}). */
@Configuration
public class RegionConfiguration {

  @Bean
  ProcessEnginePlugin regionTenantsPlugin(Regions regions) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(new RegionTenantIdProvider(regions));
      }
    };
  }
}
