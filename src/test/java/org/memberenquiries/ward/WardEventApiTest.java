package org.memberenquiries.ward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.department.Departments;
import org.memberenquiries.security.HttpSession;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R14 over real HTTP: the register's CSV import (a clear 400 for bad input, all or nothing), recording and
 * withholding an event through the API, who reads the reason withheld, and a Member's page showing the
 * events of their wards only.
 */
@WebAppTest
class WardEventApiTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired WardEventNotices notices;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void register() throws Exception {
    TestUsers.seed(identity, departments);
    HttpResponse<String> imported = csv("admin", "ward,member\nMill Ward,cllr.lovelace\nCastle Ward,cllr.babbage\n");
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    assertThat(imported.body()).contains("\"imported\":2");
  }

  @Test
  @DisplayName("R14: a bad register file is a 400 naming each bad line, and the register stays as it was")
  void csvImportBadInput() throws Exception {
    HttpResponse<String> bad = csv("admin", "ward,member\nMill Ward,cllr.lovelace\nMill Ward;cllr.babbage\nCastle Ward,nobody\n");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(bad.body());
    assertThat(problem.get("title").asText()).isEqualTo("Invalid ward register");
    assertThat(problem.get("problems")).extracting(JsonNode::asText).containsExactly(
        "Line 3: expected 2 columns (ward, member), found 1", "Line 4: 'nobody' is not a Member's user id");
    assertThat(csv("admin", "").statusCode()).isEqualTo(400);
    assertThat(csv("admin", "\u0000\u0001binary,\"").statusCode()).isEqualTo(400);
    assertThat(csv("admin", "ward,member\n" + "x".repeat(201) + ",cllr.lovelace").statusCode()).isEqualTo(400);
    HttpResponse<String> json = send("admin", "PUT", "/api/ward-register", "application/json", "{}");
    assertThat(json.statusCode()).isEqualTo(415);
    assertThat(csv("officer.highways", "ward,member\n").statusCode()).isEqualTo(403);

    HttpResponse<String> register = send("admin", "GET", "/api/ward-register", null, null);
    assertThat(register.body()).contains("\"ward\":\"Mill Ward\",\"memberId\":\"cllr.lovelace\"")
        .contains("\"ward\":\"Castle Ward\",\"memberId\":\"cllr.babbage\"");
    assertThat(JSON.readTree(register.body())).hasSize(2);
  }

  @Test
  @DisplayName("R14: an officer records an event; bad input is a 400; the Member's page shows their wards' events only")
  void recordAndShowOnTheMembersPage() throws Exception {
    String tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1).toString();
    String title = "Bin collection changes " + System.nanoTime();
    HttpResponse<String> created = send("officer.highways", "POST", "/api/ward-events", "application/json", """
        {"kind":"DECISION","title":"%s","description":"Collections move to Tuesdays.",
         "startsOn":"%s","wards":["Mill Ward"]}""".formatted(title, tomorrow));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String reference = JSON.readTree(created.body()).get("reference").asText();
    assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/api/ward-events/" + reference);

    for (String body : List.of("{}", "{\"kind\":\"PARTY\"}",
        "{\"kind\":\"EVENT\",\"title\":\"T\",\"description\":\"D\",\"startsOn\":\"2020-01-01\",\"wards\":[\"Mill Ward\"]}",
        "{\"kind\":\"EVENT\",\"title\":\"T\",\"description\":\"D\",\"startsOn\":\"" + tomorrow + "\",\"wards\":[\"Atlantis\"]}",
        "{\"kind\":\"EVENT\",\"title\":\"T\",\"description\":\"D\",\"startsOn\":\"" + tomorrow + "\",\"wards\":[]}",
        "{\"kind\":\"EVENT\",\"title\":\"T\",\"description\":\"D\",\"startsOn\":\"99999-01-01\",\"wards\":[\"Mill Ward\"]}")) {
      HttpResponse<String> refused = send("officer.highways", "POST", "/api/ward-events", "application/json", body);
      assertThat(refused.statusCode()).as(body + ": " + refused.body()).isEqualTo(400);
    }

    // Tomorrow is well inside 5 working days: the notice is due at once.
    assertThat(notices.tellDue()).isGreaterThanOrEqualTo(1);
    HttpSession lovelace = new HttpSession(port);
    lovelace.login("cllr.lovelace", TestUsers.PASSWORD);
    HttpResponse<String> page = lovelace.get("/wards");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(title).contains("Collections move to Tuesdays.").contains("Mill Ward");
    HttpSession babbage = new HttpSession(port);
    babbage.login("cllr.babbage", TestUsers.PASSWORD);
    assertThat(babbage.get("/wards").body()).contains("Castle Ward").doesNotContain(title);
    assertThat(send("cllr.lovelace", "GET", "/api/my-wards", null, null).body()).contains(title);
    assertThat(send("cllr.babbage", "GET", "/api/my-wards", null, null).body()).doesNotContain(title);
    assertThat(JSON.readTree(send("officer.planning", "GET", "/api/ward-events/" + reference, null, null).body())
        .get("told")).extracting(told -> told.get("memberId").asText()).containsExactly("cllr.lovelace");
  }

  @Test
  @DisplayName("R14: the reason an event is withheld is read by the monitoring officer and admins, not by officers")
  void withheldReasonForTheMonitoringOfficer() throws Exception {
    String inAMonth = LocalDate.now(ZoneId.of("Europe/London")).plusDays(30).toString();
    String reason = "Injunction in force " + System.nanoTime();
    HttpResponse<String> created = send("manager.highways", "POST", "/api/ward-events", "application/json", """
        {"kind":"WORKS","title":"Depot demolition","description":"Site clearance.","startsOn":"%s","wards":["Castle Ward"]}"""
        .formatted(inAMonth));
    String reference = JSON.readTree(created.body()).get("reference").asText();
    HttpResponse<String> withheld = send("officer.highways", "POST", "/api/ward-events/" + reference + "/withholding",
        "application/json", "{\"basis\":\"LEGAL\",\"reason\":\"" + reason + "\"}");
    assertThat(withheld.statusCode()).as(withheld.body()).isEqualTo(200);
    assertThat(send("officer.highways", "POST", "/api/ward-events/" + reference + "/withholding", "application/json",
        "{\"basis\":\"LEGAL\",\"reason\":\"Again.\"}").statusCode()).isEqualTo(409);

    for (String user : List.of("monitoring", "admin")) {
      assertThat(send(user, "GET", "/api/ward-events/" + reference, null, null).body()).as(user).contains(reason);
      assertThat(send(user, "GET", "/api/ward-events", null, null).body()).as(user).contains(reason);
    }
    for (String user : List.of("officer.highways", "manager.highways", "support", "director")) {
      HttpResponse<String> view = send(user, "GET", "/api/ward-events/" + reference, null, null);
      assertThat(view.statusCode()).isEqualTo(200);
      assertThat(view.body()).as(user).contains("\"withheld\":true").doesNotContain(reason);
      assertThat(send(user, "GET", "/api/ward-events", null, null).body()).as(user).doesNotContain(reason);
    }
    HttpSession monitoring = new HttpSession(port);
    monitoring.login("monitoring", TestUsers.PASSWORD);
    assertThat(monitoring.get("/staff/ward-events/" + reference).body()).contains(reason);
    HttpSession officer = new HttpSession(port);
    officer.login("officer.highways", TestUsers.PASSWORD);
    assertThat(officer.get("/staff/ward-events/" + reference).body()).contains("Withheld").doesNotContain(reason);
    HttpResponse<String> unknownPage = officer.get("/staff/ward-events/WE-999999");
    assertThat(unknownPage.statusCode()).isEqualTo(404);
    assertThat(unknownPage.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(send("officer.highways", "GET", "/api/ward-events/WE-999999", null, null).statusCode()).isEqualTo(404);
    assertThat(send("officer.highways", "GET", "/api/ward-events/nonsense", null, null).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("R14 page: an officer records an event through the form (CSRF); errors are shown, not a 5xx")
  void recordThroughThePage() {
    HttpSession officer = new HttpSession(port);
    officer.login("officer.highways", TestUsers.PASSWORD);
    String csrf = officer.csrfTokenOf("/staff/ward-events/new");
    HttpResponse<String> errors = officer.postForm("/staff/ward-events", "kind=&title=&startsOn=soon&_csrf="
        + HttpSession.encode(csrf));
    assertThat(errors.statusCode()).isEqualTo(200);
    assertThat(errors.body()).contains("There is a problem").contains("Select what it is")
        .contains("Enter the day as year-month-day").contains("Enter a title").contains("Describe it")
        .contains("Select the wards or divisions it affects");
    String tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1).toString();
    HttpResponse<String> recorded = officer.postForm("/staff/ward-events", "kind=EVENT&title=Street+party"
        + "&description=On+Mill+Lane&startsOn=" + tomorrow + "&wards=Mill+Ward&withheldBasis=NONE&_csrf="
        + HttpSession.encode(csrf));
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(302);
    String location = recorded.headers().firstValue("Location").orElse("");
    assertThat(location).matches(".*/staff/ward-events/WE-\\d{6}\\?recorded");
    assertThat(officer.postForm("/staff/ward-events", "kind=EVENT&title=Street+party&description=x&startsOn="
        + tomorrow + "&wards=Mill+Ward").statusCode()).isEqualTo(403); // no CSRF token
  }

  HttpResponse<String> csv(String user, String body) throws Exception {
    return send(user, "PUT", "/api/ward-register", "text/csv", body);
  }

  HttpResponse<String> send(String user, String method, String path, String contentType, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    if (body != null) {
      request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
