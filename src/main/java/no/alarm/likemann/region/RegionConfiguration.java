package no.alarm.likemann.region;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each new instance gets its region as its tenant ({@link RegionTenantIdProvider}); work on another region's task is
 * refused with 403 ({@link RegionBoundaryInterceptor}).
 */
@Configuration
public class RegionConfiguration {

  @Bean
  ProcessEnginePlugin regionTenantsPlugin(Regions regions) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(new RegionTenantIdProvider(regions));
        no.alarm.likemann.CommandInterceptors.addInside(configuration, new RegionBoundaryInterceptor());
      }
    };
  }

}
