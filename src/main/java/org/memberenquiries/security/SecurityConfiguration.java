package org.memberenquiries.security;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
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

  /** The product's pages load their own style sheet and nothing else: no script, no inline style, no framing. */
  static final String PAGES_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

  /**
   * The webapps' "Log out" button. Their CSRF header must be there: a cross-site form cannot send it,
   * and without it the request goes on to the webapps' own CSRF filter, which refuses it.
   */
  private static final RequestMatcher WEBAPPS_LOGOUT = new AndRequestMatcher(
      path(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout"), new RequestHeaderRequestMatcher("X-XSRF-TOKEN"));

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
            // Issue 8 item 3: changing the working-day calendar moves every open enquiry's deadlines.
            .requestMatchers(path("/api/admin/**")).hasRole(Roles.ADMIN)
            // A password oracle outside the sign-in throttle: passwords are checked only by signing in.
            .requestMatchers(path("/engine-rest/identity/verify")).denyAll()
            .requestMatchers(path("/engine-rest/**")).hasRole(Roles.STAFF)
            // R14: officers and managers record (and withhold) ward events, staff read them, a Member reads
            // their wards'; administrators keep the ward register.
            .requestMatchers(path(HttpMethod.POST, "/api/ward-events/**")).hasAnyRole(Roles.OFFICER, Roles.MANAGER)
            .requestMatchers(path("/api/ward-events/**")).hasRole(Roles.STAFF)
            .requestMatchers(path("/api/my-wards")).hasRole(Roles.MEMBER)
            .requestMatchers(path("/api/ward-register")).hasRole(Roles.ADMIN)
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(API_CONTENT_SECURITY_POLICY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
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
            // The webapps' own login form would check passwords outside the sign-in throttle; staff sign in at /login.
            .requestMatchers(path("/camunda/api/admin/auth/user/*/login/**")).denyAll()
            .requestMatchers(path("/camunda/**")).hasRole(Roles.STAFF)
            .requestMatchers(path("/admin/**")).hasRole(Roles.ADMIN)
            .requestMatchers(path(HttpMethod.POST, "/staff/ward-events/**")).hasAnyRole(Roles.OFFICER, Roles.MANAGER)
            .requestMatchers(path("/staff/**")).hasRole(Roles.STAFF)
            .requestMatchers(path("/wards")).hasRole(Roles.MEMBER)
            .requestMatchers(path("/enquiries"), path("/enquiries/**"), path("/document-requests"),
                path("/document-requests/**")).hasRole(Roles.MEMBER)
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").successHandler(home).failureHandler(failure()).permitAll())
        // One sign-out for the product and the webapps, from either side: the product's form, or the
        // webapps' "Log out" (which otherwise only drops the webapps' own login and leaves the Spring
        // Security session that signs them straight back in). Both end the whole HTTP session.
        .logout(logout -> logout
            .logoutRequestMatcher(new OrRequestMatcher(path(HttpMethod.POST, "/logout"), WEBAPPS_LOGOUT))
            .defaultLogoutSuccessHandlerFor(new HttpStatusReturningLogoutSuccessHandler(), WEBAPPS_LOGOUT)
            .logoutSuccessUrl("/login?logout"))
        // The Camunda webapps protect their API with their own CSRF token filter.
        .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
        // HSTS (Spring Security's default) is sent on HTTPS requests only, which include those a trusted
        // proxy forwards with X-Forwarded-Proto: https when server.forward-headers-strategy is set.
        // The webapps send their own, looser Content-Security-Policy (Camunda's HeaderSecurityFilter);
        // Swagger UI needs inline styles and scripts.
        .headers(headers -> headers
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                new NegatedRequestMatcher(new OrRequestMatcher(path("/camunda/**"), path("/swagger-ui/**"),
                    path("/swagger-ui.html"))),
                new ContentSecurityPolicyHeaderWriter(PAGES_CONTENT_SECURITY_POLICY)))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        .build();
  }

  /** A wrong password back to the login form with an error; a throttled sign-in with its own message. */
  private static AuthenticationFailureHandler failure() {
    ExceptionMappingAuthenticationFailureHandler failure = new ExceptionMappingAuthenticationFailureHandler();
    failure.setExceptionMappings(Map.of(SignInThrottledException.class.getName(), "/login?throttled"));
    failure.setDefaultFailureUrl("/login?error");
    return failure;
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
