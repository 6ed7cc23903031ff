package org.memberenquiries.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like HTTP session: cookies kept, redirects not followed, logged in through the /login form. */
public final class HttpSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;

  public HttpSession(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Signs in through the login form (with its CSRF token); returns where the login redirected. */
  public String login(String user, String password) {
    String csrf = csrfTokenOf("/login");
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password=" + encode(password)
            + "&_csrf=" + encode(csrf))));
    return response.headers().firstValue("Location").orElse("");
  }

  /** The session's cookies as a Cookie header, for requests sent by another client. */
  String cookie() {
    return String.join("; ", cookies.getCookieStore().getCookies().stream().map(Object::toString).toList());
  }

  public String csrfTokenOf(String path) {
    Matcher token = CSRF.matcher(get(path).body());
    if (!token.find()) {
      throw new IllegalStateException("No CSRF token on " + path);
    }
    return token.group(1);
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public HttpResponse<String> postForm(String path, String form) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
