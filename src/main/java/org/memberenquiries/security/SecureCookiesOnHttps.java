package org.memberenquiries.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On an HTTPS request (direct, or forwarded by a trusted proxy, see server.forward-headers-strategy)
 * every cookie is sent {@code Secure}: the server adds it to the session cookie itself, but the Camunda
 * webapps' CSRF cookie (XSRF-TOKEN) can only be made Secure always or never by configuration, which
 * would break plain-HTTP runs.
 */
@Configuration
public class SecureCookiesOnHttps {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> secureCookiesOnHttpsFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        chain.doFilter(request, request.isSecure() ? new SecureCookies(response) : response);
      }
    });
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  private static final class SecureCookies extends HttpServletResponseWrapper {

    SecureCookies(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addCookie(Cookie cookie) {
      cookie.setSecure(true);
      super.addCookie(cookie);
    }

    @Override
    public void addHeader(String name, String value) {
      super.addHeader(name, secure(name, value));
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, secure(name, value));
    }

    private static String secure(String name, String value) {
      if (value == null || !"Set-Cookie".equalsIgnoreCase(name)
          || value.toLowerCase(Locale.ROOT).matches("(?s).*;\\s*secure\\s*(;.*)?")) {
        return value;
      }
      return value + "; Secure";
    }
  }
}
