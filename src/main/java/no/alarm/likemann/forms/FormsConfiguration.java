package no.alarm.likemann.forms;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link FormsOnlyInterceptor} into the engine's command chains, inside the command context. */
@Configuration
public class FormsConfiguration {

  @Bean
  ProcessEnginePlugin formsOnlyPlugin(DeployedForms deployedForms) {
    FormsOnlyInterceptor interceptor = new FormsOnlyInterceptor(deployedForms);
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPostCommandInterceptorsTxRequired(with(
            configuration.getCustomPostCommandInterceptorsTxRequired(), interceptor));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(with(
            configuration.getCustomPostCommandInterceptorsTxRequiresNew(), interceptor));
      }
    };
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor added) {
    List<CommandInterceptor> all = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    all.add(added);
    return all;
  }
}
