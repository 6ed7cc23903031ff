package org.memberenquiries.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.memberenquiries.department.Departments;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what (R3, R11-R13, R16), asserted for every role against every endpoint the application
 * exposes: the Members' API, the Members' pages, the engine REST API and the Camunda webapps. A
 * Member probing another Member's reference gets the same 404 as for an unknown one.
 */
@WebAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  /** Every role, by its demo user; "anonymous" sends no credentials. */
  static final List<String> USERS = List.of("anonymous", "cllr.lovelace", "cllr.babbage", "officer.highways",
      "officer.planning", "manager.highways", "support", "director", "monitoring", "cfo", "chief", "owner", "admin");

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ENQUIRY = """
      {"subject":"Potholes on Mill Lane","text":"How many were repaired this year?","capacity":"COUNTY_COUNCILLOR",
       "ward":"Mill Ward","department":"highways","purpose":"Ward newsletter."}""";
  static final String DOCUMENT_REQUEST = """
      {"documentTitle":"Lighting contract","basis":"COMMITTEE_MEMBER_FOR_SERVICE","confidential":false,
       "purpose":"Committee scrutiny."}""";
  static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
        targetNamespace="test"><process id="probe" isExecutable="true" camunda:historyTimeToLive="P1D">
        <startEvent id="s"/></process></definitions>""";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired TaskService tasks;

  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  final Map<String, HttpSession> sessions = new HashMap<>();
  String reference;
  String sharedReference;
  String documentRequest;

  @BeforeAll
  void enquiryOfLovelace() throws Exception {
    TestUsers.seed(identity, departments);
    if (identity.createUserQuery().userId("cllr.hopper").count() == 0) {
      User hopper = identity.newUser("cllr.hopper");
      hopper.setPassword(TestUsers.PASSWORD);
      identity.saveUser(hopper);
      identity.createMembership("cllr.hopper", Groups.MEMBERS);
    }
    reference = JSON.readTree(api("cllr.lovelace", "POST", "/api/enquiries", ENQUIRY).body()).get("reference").asText();
    sharedReference = JSON.readTree(api("cllr.lovelace", "POST", "/api/enquiries", ENQUIRY).body()).get("reference").asText();
    documentRequest = JSON.readTree(api("cllr.lovelace", "POST", "/api/document-requests", DOCUMENT_REQUEST).body())
        .get("reference").asText();
  }

  /** One row per endpoint: expected status for each user, in the order of {@link #USERS}. */
  Stream<Arguments> matrix() {
    List<Arguments> rows = new ArrayList<>();
    row(rows, "GET /api/calendar/deadlines?receivedAt=2026-11-20T10:00:00Z", 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    row(rows, "GET /v3/api-docs", 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    row(rows, "GET /actuator/health", 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    // R16 operational metrics: administrators (their monitoring) only.
    row(rows, "GET /actuator/prometheus", 401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    row(rows, "GET /swagger-ui/index.html", 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    row(rows, "PAGE /login", 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    row(rows, "GET /api/enquiries", 401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    // R11: the requesting Member and the officers handling it (department, Member Support, admin).
    row(rows, "GET /api/enquiries/{ref}", 401, 200, 404, 200, 404, 200, 200, 404, 404, 404, 404, 404, 200);
    row(rows, "GET /api/enquiries/ME-999999", 401, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404);
    // Members submit their own; Member Support and officers log on a Member's behalf (then memberId is required).
    row(rows, "POST /api/enquiries " + ENQUIRY, 401, 201, 201, 400, 400, 403, 400, 403, 403, 403, 403, 403, 403);
    // R9: only the requesting Member replies (nothing is asked yet: 409); others see nothing, or are refused.
    row(rows, "POST /api/enquiries/{ref}/clarification {\"reply\":\"Here you are.\"}",
        401, 409, 404, 403, 404, 403, 403, 404, 404, 404, 404, 404, 403);
    // R11: only the requesting Member permits sharing.
    row(rows, "POST /api/enquiries/{shared}/shares {\"memberId\":\"cllr.hopper\"}",
        401, 200, 404, 403, 404, 403, 403, 404, 404, 404, 404, 404, 403);
    // R12: only Members ask; the requesting Member and the deciders see a request; only the Member disputes.
    row(rows, "POST /api/document-requests " + DOCUMENT_REQUEST, 401, 201, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "GET /api/document-requests/{doc}", 401, 200, 404, 404, 404, 404, 404, 200, 200, 404, 200, 404, 200);
    row(rows, "POST /api/document-requests/{doc}/dispute {\"grounds\":\"I need it.\"}",
        401, 409, 404, 404, 404, 404, 404, 403, 403, 404, 403, 404, 403);
    // The engine REST API is for staff only, never anonymous; Camunda's authorizations decide the rest.
    row(rows, "GET /engine-rest/task", 401, 403, 403, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    row(rows, "GET /engine-rest/process-definition", 401, 403, 403, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    // Only process owners and administrators deploy.
    row(rows, "DEPLOY /engine-rest/deployment/create", 401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200);
    // Browser: the Members' pages for Members, the Camunda webapps for staff; anonymous goes to /login.
    row(rows, "PAGE /enquiries", 302, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "PAGE /enquiries/{ref}", 302, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "PAGE /enquiries/new", 302, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    // Form posts, with the session's CSRF token: a Member's submission redirects to the new enquiry.
    row(rows, "FORM /enquiries subject=Bins&text=Missed+collection&capacity=COUNTY_COUNCILLOR&ward=Mill+Ward"
        + "&department=highways&purpose=Newsletter", 302, 302, 302, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    // R9 on the page: only the requesting Member replies (nothing is asked: 409); another Member sees nothing.
    row(rows, "FORM /enquiries/{ref}/reply reply=Here+you+are", 302, 409, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    // R11 on the page: only the requesting Member shares.
    row(rows, "FORM /enquiries/{shared}/shares memberId=cllr.hopper", 302, 302, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    // R12 on the pages: Members ask; a request is the requesting Member's alone; nothing refused yet to dispute (409).
    row(rows, "PAGE /document-requests", 302, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "PAGE /document-requests/new", 302, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "PAGE /document-requests/{doc}", 302, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "FORM /document-requests documentTitle=Bins+contract&basis=LOCAL_MEMBER&purpose=Scrutiny",
        302, 302, 302, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "FORM /document-requests/{doc}/dispute grounds=I+need+it", 302, 409, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "PAGE /camunda/app/tasklist/default/", 302, 403, 403, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    // Camunda's own application authorizations: Cockpit for managers and process owners (R16), Admin for admins.
    row(rows, "PAGE /camunda/app/cockpit/default/", 302, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 200, 200);
    row(rows, "PAGE /camunda/app/admin/default/", 302, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    return rows.stream();
  }

  static void row(List<Arguments> rows, String endpoint, int... expected) {
    assertThat(expected).hasSize(USERS.size());
    for (int i = 0; i < USERS.size(); i++) {
      rows.add(Arguments.of(endpoint, USERS.get(i), expected[i]));
    }
  }

  @ParameterizedTest(name = "{0} as {1} -> {2}")
  @MethodSource("matrix")
  @DisplayName("R11 R16: role x endpoint")
  void allowedOrDenied(String endpoint, String user, int expected) throws Exception {
    String resolved = endpoint.replace("{ref}", reference).replace("{shared}", sharedReference)
        .replace("{doc}", documentRequest);
    String[] parts = resolved.split(" ", 3);
    String who = user.equals("anonymous") ? null : user;
    HttpResponse<String> response = switch (parts[0]) {
      case "PAGE" -> page(who, parts[1]);
      case "FORM" -> form(who, parts[1], parts[2]);
      case "DEPLOY" -> deploy(who);
      default -> api(who, parts[0], parts[1], parts.length > 2 ? parts[2] : null);
    };
    assertThat(response.statusCode()).as(resolved + " as " + user + ": " + response.body()).isEqualTo(expected);
    if (expected == 302) {
      String location = response.headers().firstValue("Location").orElse("");
      if (who == null) {
        assertThat(location).endsWith("/login");
      } else {
        // a Member's submitted (or shared) enquiry, or document request
        assertThat(location).matches(".*/(enquiries/ME|document-requests/DR)-\\d{6}(\\?sent)?");
      }
    }
  }

  @Test
  @DisplayName("An officer of another department cannot claim the task; the department's officer can")
  void claimOnlyInOwnDepartment() throws Exception {
    String task = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("TriageEnquiry")
        .singleResult().getId();

    assertThat(api("officer.planning", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"officer.planning\"}")
        .statusCode()).isEqualTo(403);
    assertThat(api("manager.highways", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"manager.highways\"}")
        .statusCode()).isEqualTo(403);
    assertThat(api("cllr.lovelace", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"cllr.lovelace\"}")
        .statusCode()).isEqualTo(403);
    assertThat(api("officer.highways", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"officer.highways\"}")
        .statusCode()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("officer.highways");
    tasks.setAssignee(task, null);

    JsonNode planningTasks = JSON.readTree(api("officer.planning", "GET", "/engine-rest/task?processInstanceBusinessKey="
        + reference, null).body());
    assertThat(planningTasks).isEmpty();
    JsonNode highwaysTasks = JSON.readTree(api("officer.highways", "GET", "/engine-rest/task?processInstanceBusinessKey="
        + reference, null).body());
    assertThat(highwaysTasks).hasSize(1);
  }

  @Test
  @DisplayName("Camunda grants each role its webapps: officers Tasklist; managers and process owners Cockpit too; admins all")
  void webappsPerRole() throws Exception {
    assertThat(authorizedApps("officer.highways")).contains("tasklist").doesNotContain("cockpit", "admin");
    assertThat(authorizedApps("support")).contains("tasklist").doesNotContain("cockpit", "admin");
    assertThat(authorizedApps("manager.highways")).contains("tasklist", "cockpit").doesNotContain("admin");
    assertThat(authorizedApps("owner")).contains("tasklist", "cockpit").doesNotContain("admin");
    assertThat(authorizedApps("admin")).contains("tasklist", "cockpit", "admin");
  }

  @Test
  @DisplayName("The login form is protected by CSRF, and a wrong password does not log in")
  void loginForm() {
    HttpSession session = new HttpSession(port);
    HttpResponse<String> withoutToken = session.postForm("/login", "username=cllr.babbage&password=demo");
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    // (cllr.hopper: a wrong password makes the identity service delay that user's next login.)
    assertThat(session.login("cllr.hopper", "wrong")).endsWith("/login?error");
    assertThat(new HttpSession(port).login("cllr.babbage", TestUsers.PASSWORD)).endsWith("/");
  }

  List<String> authorizedApps(String user) throws Exception {
    HttpResponse<String> response = session(user).get("/camunda/api/admin/auth/user/default");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> apps = new ArrayList<>();
    JSON.readTree(response.body()).get("authorizedApps").forEach(app -> apps.add(app.asText()));
    return apps;
  }

  HttpSession session(String user) {
    return sessions.computeIfAbsent(user, u -> {
      HttpSession session = new HttpSession(port);
      session.login(u, TestUsers.PASSWORD);
      return session;
    });
  }

  HttpResponse<String> form(String user, String path, String form) {
    HttpSession session = user == null ? new HttpSession(port) : session(user);
    String csrf = session.csrfTokenOf("/login");
    return session.postForm(path, form + "&idempotencyKey=" + java.util.UUID.randomUUID() + "&_csrf="
        + HttpSession.encode(csrf));
  }

  @Test
  @DisplayName("The front door sends Members to their enquiries and staff to Tasklist")
  void home() {
    assertThat(new HttpSession(port).get("/").headers().firstValue("Location").orElse("")).endsWith("/login");
    assertThat(session("cllr.lovelace").get("/").headers().firstValue("Location").orElse("")).endsWith("/enquiries");
    assertThat(session("officer.highways").get("/").headers().firstValue("Location").orElse(""))
        .endsWith("/camunda/app/tasklist/");
  }

  HttpResponse<String> page(String user, String path) {
    return user == null ? new HttpSession(port).get(path) : session(user).get(path);
  }

  HttpResponse<String> api(String user, String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json, text/plain;q=0.9"); // the Prometheus scrape is text
    if (body != null) {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(basic(request, user).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> deploy(String user) throws Exception {
    String boundary = "matrix" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"probe.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + BPMN + "\r\n--" + boundary + "--\r\n";
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return http.send(basic(request, user).build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpRequest.Builder basic(HttpRequest.Builder request, String user) {
    if (user != null) {
      String credentials = user + ":" + TestUsers.PASSWORD;
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }
}
