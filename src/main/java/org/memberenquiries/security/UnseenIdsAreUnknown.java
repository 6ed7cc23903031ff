package org.memberenquiries.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * R11: the engine API (and the webapps' twin of it) does not tell a caller whether a task or a case
 * they may not see exists. A request on {@code /task/{id}}, {@code /process-instance/{id}},
 * {@code /execution/{id}} or {@code /history/process-instance/{id}} whose id the caller cannot see
 * (another department's, or none at all) is answered with the same 404, before the engine answers
 * 403 for one and 404 or another error for the other.
 */
@Configuration
public class UnseenIdsAreUnknown {

  private static final Pattern ADDRESSED = Pattern.compile(
      "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)"
          + "/(task|process-instance|execution|history/process-instance)/([^/]+)(?:/.*)?$");

  /** Collection operations that share the path shape of an id. */
  private static final Map<String, Set<String>> NOT_IDS = Map.of(
      "task", Set.of("count", "create", "report"),
      "process-instance", Set.of("count", "suspended", "delete", "job-retries", "job-retries-historic-query-based",
          "variables-async", "message-async", "set-removal-time", "delete-historic-query-based"),
      "execution", Set.of("count"),
      "history/process-instance", Set.of("count", "report", "delete", "set-removal-time", "duration-report"));

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> unseenIdsAreUnknownFilter(ObjectProvider<ProcessEngine> engine) {
    // The engine is looked up on the first request: a servlet filter is made before the database is migrated.
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(engine));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 50); // after Spring Security and the engine's own login
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private final ObjectProvider<ProcessEngine> engine;

    Filter(ObjectProvider<ProcessEngine> engine) {
      this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Matcher addressed = ADDRESSED.matcher(request.getRequestURI().substring(request.getContextPath().length()));
      Principal user = request.getUserPrincipal();
      if (user != null && addressed.matches() && !NOT_IDS.get(addressed.group(1)).contains(addressed.group(2))
          && !visible(user.getName(), addressed.group(1), addressed.group(2))) {
        String kind = addressed.group(1).endsWith("task") ? "task" : "case";
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"type\":\"NotFound\",\"message\":\"No " + kind + " with id "
            + addressed.group(2).replaceAll("[^A-Za-z0-9._:-]", "?") + " that you can see\"}");
        return;
      }
      chain.doFilter(request, response);
    }

    /** Whether the engine, asked as this user (with their groups), shows them the task or case. */
    private boolean visible(String userId, String resource, String id) {
      ProcessEngine engine = this.engine.getObject();
      IdentityService identity = engine.getIdentityService();
      Authentication before = identity.getCurrentAuthentication();
      List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
      identity.setAuthentication(userId, groups);
      try {
        return switch (resource) {
          case "task" -> engine.getTaskService().createTaskQuery().taskId(id).count() > 0;
          case "process-instance" -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0;
          case "execution" -> engine.getRuntimeService().createExecutionQuery().executionId(id).count() > 0;
          default -> engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).count() > 0;
        };
      } finally {
        if (before == null) {
          identity.clearAuthentication();
        } else {
          identity.setAuthentication(before);
        }
      }
    }
  }
}
