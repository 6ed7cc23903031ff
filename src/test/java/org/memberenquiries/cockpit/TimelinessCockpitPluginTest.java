package org.memberenquiries.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.memberenquiries.department.Departments;
import org.memberenquiries.security.HttpSession;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9 item 4 (R16, R11): the Cockpit plugin's REST resource through the real webapp, in a signed-in
 * session as Cockpit calls it. Three enquiries received on Monday 3 March 2031 (the engine's clock, far from
 * every other test's cases): two for Highways, one acknowledged the same day and one never, and one for
 * Planning, never acknowledged; it is then Thursday, past both acknowledgement deadlines (end of Tuesday, R4).
 */
@WebAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelinessCockpitPluginTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String FIGURES = "/camunda/api/cockpit/plugin/timeliness/default/figures?from=2031-03-03&to=2031-03-09";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired TaskService tasks;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void threeEnquiries() throws Exception {
    TestUsers.seed(identity, departments);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-03-03T10:00:00Z"))); // Monday, 10am GMT
    String acknowledged = submit("highways");
    submit("highways");
    submit("planning");
    complete(acknowledged, "TriageEnquiry", Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR"));
    complete(acknowledged, "AcknowledgeEnquiry", Map.of("acknowledgementText", "Thank you."));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-03-06T10:00:00Z"))); // Thursday
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("R4 R16: a director sees every department's on-time percentage and overdue count, as the report API gives them")
  void directorSeesEveryDepartment() throws Exception {
    HttpResponse<String> response = signedIn("director").get(FIGURES);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode figures = JSON.readTree(response.body());
    assertThat(figures.get("everyDepartment").asBoolean()).isTrue();
    assertThat(figures.get("target").asDouble()).isEqualTo(95.0);
    Map<String, JsonNode> lines = byDepartment(figures);
    assertThat(lines).containsOnlyKeys("highways", "planning");
    assertThat(lines.get("highways").get("received").asLong()).isEqualTo(2);
    assertThat(lines.get("highways").get("percentAcknowledgedOnTime").asDouble()).isEqualTo(50.0);
    assertThat(lines.get("highways").get("overdueNow").asLong()).isEqualTo(1);
    assertThat(lines.get("planning").get("percentAcknowledgedOnTime").asDouble()).isEqualTo(0.0);
    assertThat(lines.get("planning").get("overdueNow").asLong()).isEqualTo(1);
    assertThat(figures.get("total").get("received").asLong()).isEqualTo(3);
    assertThat(figures.get("total").get("percentAcknowledgedOnTime").asDouble()).isEqualTo(33.3);
    assertThat(figures.get("total").get("overdueNow").asLong()).isEqualTo(2);
    assertThat(figures.get("total").has("percentRespondedOnTime")).as("no response was due yet").isFalse();
    assertSameAsTheReportApi("director", figures);
    assertThat(response.body()).as("counts only: no reference or Member (R11)").doesNotContain("ME-", "lovelace");
  }

  @Test
  @DisplayName("R11: a department's manager sees their own department only")
  void managerSeesOwnDepartment() throws Exception {
    HttpResponse<String> response = signedIn("manager.highways").get(FIGURES);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode figures = JSON.readTree(response.body());
    assertThat(figures.get("everyDepartment").asBoolean()).isFalse();
    assertThat(byDepartment(figures)).containsOnlyKeys("highways");
    assertThat(figures.get("total").get("received").asLong()).isEqualTo(2);
    assertThat(figures.get("total").get("overdueNow").asLong()).isEqualTo(1);
    assertSameAsTheReportApi("manager.highways", figures);
    JsonNode planning = JSON.readTree(signedIn("manager.planning").get(FIGURES).body());
    assertThat(byDepartment(planning)).containsOnlyKeys("planning");
  }

  @Test
  @DisplayName("R11 R16: officers, the process owner and Members may not read the figures; nobody signed out")
  void othersRefused() {
    for (String user : List.of("officer.highways", "owner", "cfo", "chief")) {
      HttpResponse<String> refused = signedIn(user).get(FIGURES);
      assertThat(refused.statusCode()).as(user + ": " + refused.body()).isEqualTo(403);
      assertThat(refused.body()).as(user).contains("\"type\":\"Forbidden\"").doesNotContain("received");
    }
    assertThat(signedIn("cllr.lovelace").get(FIGURES).statusCode()).isEqualTo(403);
    HttpResponse<String> anonymous = new HttpSession(port).get(FIGURES);
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
  }

  @Test
  @DisplayName("A bad date is a 400 naming it, not a 5xx; without dates the default weeks up to today")
  void badAndDefaultDates() throws Exception {
    HttpResponse<String> bad = signedIn("director").get("/camunda/api/cockpit/plugin/timeliness/default/figures?from=2031-02-30");
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(bad.body()).contains("from");
    HttpResponse<String> reversed = signedIn("director").get(
        "/camunda/api/cockpit/plugin/timeliness/default/figures?from=2031-03-09&to=2031-03-03");
    assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(400);
    JsonNode byDefault = JSON.readTree(signedIn("director").get("/camunda/api/cockpit/plugin/timeliness/default/figures").body());
    assertThat(byDefault.get("to").asText()).isEqualTo("2031-03-06"); // today, by the engine's clock
    assertThat(byDefault.get("from").asText()).isEqualTo("2030-12-09"); // the Monday 13 weeks back (default)
    assertThat(byDefault.get("total").get("received").asLong()).isEqualTo(3);
  }

  @Test
  @DisplayName("Cockpit loads the plugin: its page lists it, and its front-end module is served on the dashboard plugin point")
  void cockpitLoadsThePlugin() {
    HttpSession manager = signedIn("manager.highways");
    assertThat(manager.get("/camunda/app/cockpit/default/").body()).contains("plugin/timeliness/static/app");
    HttpResponse<String> module = manager.get("/camunda/api/cockpit/plugin/timeliness/static/app/plugin.js");
    assertThat(module.statusCode()).isEqualTo(200);
    assertThat(module.body()).contains("pluginPoint: 'cockpit.dashboard'").contains("/plugin/timeliness/");
  }

  void assertSameAsTheReportApi(String user, JsonNode plugin) throws Exception {
    JsonNode report = JSON.readTree(basic(user, "/api/reports/timeliness?from=2031-03-03&to=2031-03-09").body());
    Map<String, JsonNode> lines = byDepartment(plugin);
    assertThat(report.get("rows")).hasSize(lines.size());
    for (JsonNode row : report.get("rows")) {
      JsonNode line = lines.get(row.get("group").asText());
      for (String figure : List.of("received", "percentAcknowledgedOnTime", "percentRespondedOnTime",
          "percentFullResponsesOnTime", "overdueNow", "openNow")) {
        assertThat(String.valueOf(line.get(figure))).as(user + " " + row.get("group") + " " + figure)
            .isEqualTo(String.valueOf(row.get(figure)));
      }
    }
    assertThat(plugin.get("total").get("overdueNow")).isEqualTo(report.get("total").get("overdueNow"));
  }

  static Map<String, JsonNode> byDepartment(JsonNode figures) {
    Map<String, JsonNode> lines = new HashMap<>();
    figures.get("departments").forEach(line -> lines.put(line.get("id").asText(), line));
    return lines;
  }

  HttpSession signedIn(String user) {
    HttpSession session = new HttpSession(port);
    session.login(user, TestUsers.PASSWORD);
    return session;
  }

  String submit(String department) throws Exception {
    String body = JSON.writeValueAsString(Map.of("subject", "Street lights", "text", "Out on Mill Lane",
        "capacity", "COUNTY_COUNCILLOR", "ward", "Mill Ward", "department", department, "purpose", "Ward surgery."));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/enquiries"))
        .header("Authorization", authorization("cllr.lovelace")).header("Content-Type", "application/json")
        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> created = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("reference").asText();
  }

  HttpResponse<String> basic(String user, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", authorization(user)).header("Accept", "application/json").GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }

  static String authorization(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  void complete(String reference, String taskKey, Map<String, Object> variables) {
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey)
        .singleResult().getId(), variables);
  }
}
