package no.alarm.likemann.forms;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link FormsOnlyInterceptor} and {@link FormChoicesInterceptor} into the engine's command chains, inside the
 * command context.
 */
@Configuration
public class FormsConfiguration {

  @Bean
  ProcessEnginePlugin formsOnlyPlugin(DeployedForms deployedForms, FormChoices choices) {
    FormsOnlyInterceptor interceptor = new FormsOnlyInterceptor(deployedForms);
    FormChoicesInterceptor choicesInterceptor = new FormChoicesInterceptor(choices);
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        no.alarm.likemann.CommandInterceptors.addInside(configuration, interceptor);
        no.alarm.likemann.CommandInterceptors.addInside(configuration, choicesInterceptor);
      }
    };
  }
}
