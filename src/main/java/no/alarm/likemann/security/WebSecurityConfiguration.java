package no.alarm.likemann.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Login everywhere. The webapps (Tasklist, Cockpit, Admin) have their own login and reach the engine with the
 * session's user, so what a role may see there is decided by engine authorizations. The REST API at /engine-rest
 * asks for HTTP Basic credentials of an engine user; anonymous calls get 401.
 */
@Configuration
public class WebSecurityConfiguration {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("likemann-engine-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** The APIs' security headers, on every answer, refusals included ({@link ApiHeaders}). */
  @Bean
  FilterRegistrationBean<ApiHeaders> apiHeaders() {
    var registration = new FilterRegistrationBean<>(new ApiHeaders());
    registration.setName("likemann-api-headers");
    registration.addUrlPatterns("/api/*", "/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  /** Actuator: the bare liveness answer for anyone, the rest for administrators ({@link ActuatorAccess}). */
  @Bean
  FilterRegistrationBean<ActuatorAccess> actuatorAccess(RequestUsers users) {
    var registration = new FilterRegistrationBean<>(new ActuatorAccess(users));
    registration.setName("likemann-actuator-access");
    registration.addUrlPatterns("/actuator/*", "/actuator");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SetupEndpointBlocker> adminSetupBlocker() {
    var registration = new FilterRegistrationBean<>(new SetupEndpointBlocker());
    registration.setName("likemann-admin-setup-blocker");
    registration.addUrlPatterns("/camunda/api/admin/setup/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * No generated description of the REST API (Jersey's WADL at /engine-rest/application.wadl): nobody's work needs
   * it, any logged-in user could read it, and building it costs a JAXB start on the first REST request.
   */
  @Bean
  ResourceConfigCustomizer noRestApiDescription() {
    return config -> config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
  }

  /** Members of our admin group are engine administrators, beside Camunda's own group. */
  @Bean
  ProcessEnginePlugin adminGroupsPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<String> groups = new ArrayList<>(List.of(Roles.CAMUNDA_ADMIN, Roles.ADMIN));
        configuration.setAdminGroups(groups);
      }
    };
  }
}
