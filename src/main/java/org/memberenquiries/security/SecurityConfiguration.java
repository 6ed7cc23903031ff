package org.memberenquiries.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Two doors:
 * <ul>
 *   <li>the APIs ({@code /api/**}, {@code /engine-rest/**}, {@code /actuator/**}): stateless HTTP Basic, problem-detail
 *       401/403, no session so no CSRF exposure;
 *   <li>the browser ({@code /enquiries/**} pages for Members, {@code /camunda/**} webapps for staff):
 *       form login with a session and CSRF protection (the Camunda webapps bring their own CSRF
 *       filter).
 * </ul>
 * Finer rules (a Member's own enquiries, an officer's own department) are checked in the services
 * and by Camunda's authorizations ({@link CamundaAuthorizations}).
 */
@Configuration
public class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain apis(HttpSecurity http, ProblemResponses problems) throws Exception {
    return http
        .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"), path("/actuator/**")))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path(HttpMethod.GET, "/api/calendar/**"), path(HttpMethod.GET, "/actuator/health"))
                .permitAll()
            // Operational metrics (R16) for the administrators' monitoring, e.g. a Prometheus scrape.
            .requestMatchers(path("/actuator/**")).hasRole(Roles.ADMIN)
            .requestMatchers(path("/engine-rest/**")).hasRole(Roles.STAFF)
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain browser(HttpSecurity http) throws Exception {
    SavedRequestAwareAuthenticationSuccessHandler home = new SavedRequestAwareAuthenticationSuccessHandler();
    home.setDefaultTargetUrl("/");
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path("/login"), path("/css/**"), path("/error"),
                path("/v3/api-docs/**"), path("/swagger-ui/**"), path("/swagger-ui.html")).permitAll()
            .requestMatchers(path("/camunda/**")).hasRole(Roles.STAFF)
            .requestMatchers(path("/admin/**")).hasRole(Roles.ADMIN)
            .requestMatchers(path("/enquiries"), path("/enquiries/**"), path("/document-requests"),
                path("/document-requests/**")).hasRole(Roles.MEMBER)
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").successHandler(home).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        // The Camunda webapps protect their API with their own CSRF token filter.
        .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
        .build();
  }

  /**
   * A path pattern on the whole request path. The engine REST API and the webapps' API are Jersey
   * servlets, not Spring MVC, so patterns must not be resolved against Spring MVC's servlet.
   */
  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }
}
