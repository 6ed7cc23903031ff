package org.memberenquiries.webapps;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Issue 13 item 5: Cockpit's <em>Human Tasks</em> page is not offered. It counts open tasks per
 * candidate group with Camunda's task report, which needs READ on every task ({@code TASK "*"}): a
 * manager or the process owner would then see every department's tasks (R11), so the grant is not
 * made, and without it the page shows a red permission error. Cockpit leaves out the plugins named in
 * its page's {@code <base cam-exclude-plugins>} attribute (Camunda's documented plugin exclusion,
 * which config.js has no option for): this filter adds it to the Cockpit page as it is served, for the
 * menu entry and the page's dashboard. Cockpit's own "Open Human Tasks" count (history, filtered by
 * the caller's grants) stays.
 */
@Configuration
public class CockpitWithoutHumanTasks {

  /** Camunda's plugin point and id of the menu entry, and of the page's only dashboard plugin. */
  static final String EXCLUDED = "cockpit.navigation:tasks, cockpit.tasks.dashboard:task-dashboard";
  private static final String BASE = "<base href=";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> cockpitWithoutHumanTasksFilter(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
    Pattern cockpitPage = Pattern.compile(Pattern.quote(applicationPath) + "/app/cockpit/[^/]+/(index\\.html)?");
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected boolean shouldNotFilter(HttpServletRequest request) {
        return !cockpitPage.matcher(request.getRequestURI()).matches();
      }

      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, page);
        String type = page.getContentType();
        if (type == null || !type.startsWith("text/html")) {
          page.copyBodyToResponse();
          return;
        }
        byte[] body = withoutHumanTasks(new String(page.getContentAsByteArray(), StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);
        page.resetBuffer();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
      }
    });
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.addUrlPatterns(applicationPath + "/app/cockpit/*");
    return registration;
  }

  /** Cockpit's page with the Human Tasks plugins excluded on its (first, live) base element. */
  static String withoutHumanTasks(String html) {
    int base = html.indexOf(BASE);
    if (base < 0 || html.contains("cam-exclude-plugins=\"" + EXCLUDED)) {
      return html;
    }
    int end = html.indexOf('>', base);
    String tag = html.substring(base, end);
    String attribute = " cam-exclude-plugins=\"" + EXCLUDED + "\"";
    String closing = tag.endsWith("/") ? tag.substring(0, tag.length() - 1).stripTrailing() + attribute + " /"
        : tag + attribute;
    return html.substring(0, base) + closing + html.substring(end);
  }
}
