package org.memberenquiries.security;

import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Tasklist, Cockpit, Admin and the engine REST API trust the Spring Security login: the user that
 * Spring Security authenticated (the servlet request's principal) is the engine's authenticated
 * user, with its Camunda groups, so Camunda's authorization checks apply to them.
 */
@Configuration
public class CamundaSingleSignOn {

  private static final Map<String, String> CONTAINER_PROVIDER =
      Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());

  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappsSingleSignOn() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setInitParameters(CONTAINER_PROVIDER);
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100); // after Spring Security's filter chain
    return registration;
  }

  /** The engine REST API takes the groups and tenants from the login too ({@link SignedInEngineUser}). */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setInitParameters(
        Map.of("authentication-provider", SignedInEngineUser.class.getName()));
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }
}
