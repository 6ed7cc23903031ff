package org.memberenquiries.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.department.Departments;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Headers and cookies over real HTTP, directly and as a TLS-terminating proxy forwards them
 * (X-Forwarded-Proto: https; the test profile sets server.forward-headers-strategy=native, a
 * production start without it ignores the header, see FirstAdminTest).
 */
@WebAppTest
class SecurityHeadersTest {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void seed() {
    TestUsers.seed(identity, departments);
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder request(String path, boolean https) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    return https ? request.header("X-Forwarded-Proto", "https") : request;
  }

  static String sessionCookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
  }

  /** Signs in through the login form; returns the response of the sign-in (its session cookie is the new session). */
  HttpResponse<String> signIn(String user, boolean https) {
    HttpResponse<String> page = send(request("/login", https).GET());
    Matcher csrf = CSRF.matcher(page.body());
    assertThat(csrf.find()).isTrue();
    String cookie = sessionCookie(page).split(";")[0];
    return send(request("/login", https).header("Cookie", cookie)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + TestUsers.PASSWORD
            + "&_csrf=" + HttpSession.encode(csrf.group(1)))));
  }

  @Test
  @DisplayName("The product's pages: a strict Content-Security-Policy and Referrer-Policy; over plain HTTP no HSTS, and a session cookie that is HttpOnly and SameSite=Lax")
  void pagesOverHttp() {
    HttpResponse<String> login = send(request("/login", false).GET());
    assertThat(login.headers().allValues("Content-Security-Policy"))
        .containsExactly(SecurityConfiguration.PAGES_CONTENT_SECURITY_POLICY);
    assertThat(SecurityConfiguration.PAGES_CONTENT_SECURITY_POLICY).contains("script-src 'self'")
        .contains("style-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
    assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");
    assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(sessionCookie(login)).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");

    HttpResponse<String> signedIn = signIn("cllr.lovelace", false);
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(sessionCookie(signedIn)).contains("SameSite=Lax").doesNotContain("Secure");
  }

  @Test
  @DisplayName("Behind HTTPS (X-Forwarded-Proto: https from the proxy): HSTS, and the session cookie is Secure, before and after sign-in, and so is the webapps' CSRF cookie")
  void pagesBehindHttps() {
    HttpResponse<String> login = send(request("/login", true).GET());
    assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
        hsts -> assertThat(hsts).contains("max-age=31536000"));
    assertThat(sessionCookie(login)).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");

    HttpResponse<String> signedIn = signIn("officer.highways", true);
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("https://"));
    assertThat(sessionCookie(signedIn)).contains("Secure").contains("SameSite=Lax");

    String cookie = sessionCookie(signedIn).split(";")[0];
    HttpResponse<String> tasklist = send(request("/camunda/app/tasklist/default/", true).header("Cookie", cookie).GET());
    // The webapps' CSRF cookie too (Camunda can only make it Secure always or never).
    assertThat(tasklist.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("XSRF-TOKEN="))
        .singleElement().satisfies(xsrf -> assertThat(xsrf).contains("Secure"));
  }

  @Test
  @DisplayName("The Camunda webapps keep their own Content-Security-Policy (one header, not the product's); the APIs send a deny-all one")
  void webappsAndApis() {
    HttpResponse<String> signedIn = signIn("officer.highways", false);
    String cookie = sessionCookie(signedIn).split(";")[0];
    HttpResponse<String> tasklist = send(request("/camunda/app/tasklist/default/", false).header("Cookie", cookie).GET());
    assertThat(tasklist.statusCode()).isEqualTo(200);
    assertThat(tasklist.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("XSRF-TOKEN="))
        .singleElement().satisfies(xsrf -> assertThat(xsrf).doesNotContain("Secure")); // plain HTTP
    List<String> policies = tasklist.headers().allValues("Content-Security-Policy");
    assertThat(policies).hasSize(1);
    assertThat(policies.get(0)).isNotEqualTo(SecurityConfiguration.PAGES_CONTENT_SECURITY_POLICY);
    assertThat(tasklist.headers().firstValue("Referrer-Policy")).contains("same-origin");

    // Each webapp loads the script that sends its login route to the product's sign-in page, as a JavaScript module.
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      HttpResponse<String> config = send(request("/camunda/app/" + app + "/scripts/config.js", false).header("Cookie", cookie).GET());
      assertThat(config.body()).as(app).contains("customScripts: ['../sign-in-at-product'");
    }
    HttpResponse<String> script = send(request("/camunda/app/sign-in-at-product.js", false).header("Cookie", cookie).GET());
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    assertThat(script.body()).contains("/login?logout");

    String basic = Base64.getEncoder().encodeToString(("cllr.lovelace:" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> api = send(request("/api/enquiries", true).header("Authorization", "Basic " + basic).GET());
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.headers().allValues("Content-Security-Policy"))
        .containsExactly(SecurityConfiguration.API_CONTENT_SECURITY_POLICY);
    assertThat(api.headers().firstValue("Strict-Transport-Security")).isPresent();
  }
}
