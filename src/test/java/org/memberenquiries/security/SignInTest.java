package org.memberenquiries.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.department.Departments;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signing in over real HTTP: a wrong password costs nothing on its own, guessing is throttled by
 * client (the proxy's X-Forwarded-For, which the test profile trusts) without locking the account
 * for others, the wait ends by itself (the engine clock is moved, nothing sleeps), Camunda's own
 * permanent lockout is off, and no other door checks passwords.
 */
@WebAppTest
class SignInTest {

  static final String PASSWORD = "a-long-enough-passphrase";
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired SignInThrottleProperties throttling;
  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void setUp() {
    TestUsers.seed(identity, departments);
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A Member of its own, so the failures here touch no other test's users. */
  String member(String id) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(id, Groups.MEMBERS);
    }
    return id;
  }

  HttpResponse<String> api(String user, String password, String client) {
    String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/enquiries"))
        .header("Authorization", "Basic " + basic).header("X-Forwarded-For", client).GET().build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("The right password works straight after a wrong one (Camunda refused it for up to a minute)")
  void rightAfterWrong() {
    String user = member("throttle.typo");
    assertThat(api(user, "a-long-enough-passfrase", "198.51.100.1").statusCode()).isEqualTo(401);
    assertThat(api(user, PASSWORD, "198.51.100.1").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("Many wrong passwords from one client make that client wait (429, Retry-After); the account still works for others, and the wait ends by itself")
  void guessingThrottlesTheClientOnly() {
    String user = member("throttle.target");
    for (int i = 0; i < throttling.clientFreeFailures(); i++) {
      assertThat(api(user, "guess-" + i, "198.51.100.66").statusCode()).isEqualTo(401);
    }
    // Now even the right password from that client is refused unchecked, so a guess teaches nothing.
    HttpResponse<String> refused = api(user, PASSWORD, "198.51.100.66");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).contains("1");
    assertThat(refused.body()).contains("Too many failed sign-ins");

    assertThat(api(user, PASSWORD, "198.51.100.7").statusCode()).isEqualTo(200);

    ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(1)));
    assertThat(api(user, PASSWORD, "198.51.100.66").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("The sign-in page says so when the sign-in is throttled")
  void throttledSignInPage() {
    String user = member("throttle.page");
    HttpSession browser = new HttpSession(port);
    String client = "198.51.100.99";
    for (int i = 0; i < throttling.clientFreeFailures(); i++) {
      assertThat(login(browser, user, "guess-" + i, client)).endsWith("/login?error");
    }
    assertThat(login(browser, user, PASSWORD, client)).endsWith("/login?throttled");
    assertThat(browser.get("/login?throttled").body()).contains("too many failed sign-ins");
  }

  String login(HttpSession browser, String user, String password, String client) {
    String csrf = browser.csrfTokenOf("/login");
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", client)
        .header("Cookie", browser.cookie())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + HttpSession.encode(password)
            + "&_csrf=" + HttpSession.encode(csrf))).build())
        .headers().firstValue("Location").orElse("");
  }

  @Test
  @DisplayName("Camunda's lockout is off: twelve wrong passwords do not lock the account (Camunda locked it until an admin unlocked it)")
  void noPermanentLockout() {
    String user = member("throttle.camunda");
    for (int i = 0; i < 12; i++) {
      assertThat(identity.checkPassword(user, "guess-" + i)).isFalse();
    }
    assertThat(identity.checkPassword(user, PASSWORD)).isTrue();
  }

  @Test
  @DisplayName("No side door checks passwords outside the throttle: the engine's identity/verify and the webapps' own login are refused")
  void noPasswordOracles() {
    String basic = Base64.getEncoder().encodeToString("officer.highways:demo".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> verify = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/identity/verify"))
        .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"demo\"}")).build());
    assertThat(verify.statusCode()).isEqualTo(403);
    assertThat(verify.body()).doesNotContain("authenticated");

    HttpSession officer = new HttpSession(port);
    officer.login("officer.highways", TestUsers.PASSWORD);
    HttpResponse<String> login = officer.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
        "username=admin&password=demo");
    assertThat(login.statusCode()).isEqualTo(403);
  }
}
