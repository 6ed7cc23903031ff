package org.memberenquiries.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.department.Departments;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Item 5 over real HTTP: a Member chooses email or page-only (API and page), nobody else has a
 * preference; the administrators' list of email to Members, for administrators only.
 */
@WebAppTest
class MailPagesTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired MailPreferences preferences;
  @Autowired MailOutbox outbox;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void users() {
    TestUsers.seed(identity, departments);
  }

  @AfterEach
  void emailAgain() {
    preferences.choose("cllr.lovelace", true, Instant.now());
  }

  @Test
  @DisplayName("Item 5 API: a Member reads and changes their choice; the address comes from their identity record")
  void preferenceApi() throws Exception {
    HttpResponse<String> read = api("cllr.lovelace", "GET", null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains("\"email\":true").contains("\"address\":\"cllr.lovelace@council.example\"");

    HttpResponse<String> pageOnly = api("cllr.lovelace", "PUT", "{\"email\":false}");
    assertThat(pageOnly.statusCode()).isEqualTo(200);
    assertThat(pageOnly.body()).contains("\"email\":false");
    assertThat(preferences.wantsEmail("cllr.lovelace")).isFalse();

    assertThat(api("cllr.lovelace", "PUT", "{}").statusCode()).isEqualTo(400);
    assertThat(api("cllr.lovelace", "PUT", "{\"email\":\"sometimes\"}").statusCode()).isEqualTo(400);
    assertThat(api("officer.highways", "GET", null).statusCode()).isEqualTo(403);
    assertThat(http.send(HttpRequest.newBuilder(URI.create(base() + "/api/mail-preference")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("Item 5 page: a Member switches to page-only and back")
  void preferencePage() {
    Session lovelace = new Session("cllr.lovelace");
    HttpResponse<String> page = lovelace.get("/enquiries/email");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("cllr.lovelace@council.example");

    assertThat(lovelace.post("/enquiries/email", "email=false").statusCode()).isEqualTo(302);
    assertThat(preferences.wantsEmail("cllr.lovelace")).isFalse();
    assertThat(lovelace.get("/enquiries/email?saved").body()).contains("Your choice is saved.");
    assertThat(lovelace.post("/enquiries/email", "email=true").statusCode()).isEqualTo(302);
    assertThat(preferences.wantsEmail("cllr.lovelace")).isTrue();

    assertThat(new Session("officer.highways").get("/enquiries/email").statusCode()).isEqualTo(403);
  }

  @Test
  @DisplayName("The list of email to Members (the demo mail catcher page) is for administrators only")
  void adminMailList() {
    outbox.add("pi-admin-page", "ME-ADMIN1", CommunicationKind.ACKNOWLEDGEMENT, "Received.", null,
        Instant.now(), "cllr.lovelace", "cllr.lovelace", "cllr.lovelace@council.example");

    HttpResponse<String> list = new Session("admin").get("/admin/mail");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("cllr.lovelace@council.example").contains("ME-ADMIN1").contains("Waiting");

    assertThat(new Session("cllr.lovelace").get("/admin/mail").statusCode()).isEqualTo(403);
    assertThat(new Session("officer.highways").get("/admin/mail").statusCode()).isEqualTo(403);
  }

  private HttpResponse<String> api(String user, String method, String json) throws Exception {
    String basic = Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/mail-preference"))
        .header("Authorization", "Basic " + basic).header("Content-Type", "application/json");
    request = json == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(json));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String base() {
    return "http://localhost:" + port;
  }

  /** A signed-in browser session: cookies kept, redirects not followed, CSRF token sent with each form. */
  private final class Session {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf;

    Session(String user) {
      csrf = csrf(get("/login").body());
      post("/login", "username=" + encode(user) + "&password=" + encode(TestUsers.PASSWORD));
      csrf = null;
    }

    HttpResponse<String> get(String path) {
      HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
      String token = csrf(response.body());
      if (token != null) {
        csrf = token;
      }
      return response;
    }

    HttpResponse<String> post(String path, String form) {
      if (csrf == null) {
        get("/enquiries");
      }
      return send(HttpRequest.newBuilder(URI.create(base() + path))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + encode(csrf))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    private static String csrf(String html) {
      Matcher token = CSRF.matcher(html);
      return token.find() ? token.group(1) : null;
    }

    private static String encode(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
  }
}
