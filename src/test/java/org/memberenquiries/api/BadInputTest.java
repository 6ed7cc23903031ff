package org.memberenquiries.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.memberenquiries.department.Departments;
import org.memberenquiries.security.HttpSession;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 7 items 8, 9 and 10: ordinary bad input is a 4xx with a message, on the Members' API, the
 * pages and the engine REST API, never a 500; error bodies name no exception class.
 */
@WebAppTest
class BadInputTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ProcessEngine engine;

  ApiClient api;

  @BeforeEach
  void setUp() {
    TestUsers.seed(identity, departments);
    api = new ApiClient(port);
  }

  static void noClassNames(ApiClient.Response response) {
    assertThat(response.raw().body()).as("error body")
        .doesNotContainPattern("[A-Za-z]+Exception\\b").doesNotContain("java.").doesNotContain("org.camunda");
  }

  /** Every POST operation of the OpenAPI document, with its path parameters filled in. */
  List<String> postPaths() {
    List<String> paths = new ArrayList<>();
    api.get(null, "/v3/api-docs").body().get("paths").properties().forEach(path -> {
      if (path.getValue().has("post")) {
        paths.add(path.getKey().replaceAll("\\{[^}]+}", "ME-000001"));
      }
    });
    assertThat(paths).contains("/api/enquiries", "/api/document-requests");
    return paths;
  }

  @ParameterizedTest(name = "Content-Type {0}")
  @ValueSource(strings = {"*/*", "application/*", "multipart/form-data", "multipart/form-data; boundary=", "text/*; q=1"})
  @DisplayName("Item 9: a wildcard Content-Type or a multipart one without a boundary is a 4xx on every POST")
  void contentTypes(String contentType) {
    for (String path : postPaths()) {
      ApiClient.Response response = api.post("cllr.lovelace", path, EnquiryApiTest.enquiry(), Map.of("Content-Type", contentType));
      assertThat(response.status()).as(path).isBetween(400, 499);
      noClassNames(response);
    }
  }

  @ParameterizedTest(name = "receivedAt {0}")
  @ValueSource(strings = {"0000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "1999-12-31T12:00:00Z"})
  @DisplayName("Item 9: a receipt time outside the calendar's years is a 400 naming receivedAt, on the calendar and on submission")
  void extremeDates(String receivedAt) {
    ApiClient.Response calendar = api.get(null, "/api/calendar/deadlines?receivedAt=" + URLEncoder.encode(receivedAt, StandardCharsets.UTF_8));
    assertThat(calendar.status()).isEqualTo(400);
    assertThat(calendar.body().get("parameter").asText()).isEqualTo("receivedAt");

    Map<String, Object> logged = EnquiryApiTest.with("memberId", "cllr.lovelace");
    logged.put("receivedAt", receivedAt);
    ApiClient.Response submitted = api.post("support", "/api/enquiries", logged);
    assertThat(submitted.status()).isEqualTo(400);
    assertThat(submitted.body().get("errors").get(0).get("field").asText()).isEqualTo("receivedAt");
  }

  @Test
  @DisplayName("Item 9: /error asked for directly is not an error of the server")
  void errorPage() {
    assertThat(api.get(null, "/error").status()).isEqualTo(404);
    assertThat(api.get("cllr.lovelace", "/error").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("Item 8: a NUL character is a 400 naming the field: API body, query parameter, engine REST, login form")
  void nulCharacters() {
    ApiClient.Response body = api.post("cllr.lovelace", "/api/enquiries", EnquiryApiTest.with("subject", "Street\u0000lights"));
    assertThat(body.status()).isEqualTo(400);
    assertThat(body.body().get("errors").get(0).get("field").asText()).isEqualTo("subject");
    assertThat(body.body().get("detail").asText()).contains("'subject'").contains("NUL");

    ApiClient.Response reply = api.post("cllr.lovelace", "/api/enquiries/ME-000001/clarification", Map.of("reply", "\u0000"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().get("errors").get(0).get("field").asText()).isEqualTo("reply");

    ApiClient.Response query = api.get("officer.highways", "/engine-rest/task?assignee=%00");
    assertThat(query.status()).isEqualTo(400);
    assertThat(query.body().get("errors").get(0).get("field").asText()).isEqualTo("assignee");

    ApiClient.Response variables = api.post("officer.highways", "/engine-rest/task/any/complete",
        Map.of("variables", Map.of("acknowledgementText", Map.of("value", "Thanks\u0000"))));
    assertThat(variables.status()).isEqualTo(400);
    assertThat(variables.body().get("errors").get(0).get("field").asText()).isEqualTo("variables.acknowledgementText.value");

    HttpResponse<String> login = api.send(null, HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=admin%00&password=x"))).raw();
    assertThat(login.statusCode()).isEqualTo(400);
    assertThat(login.body()).contains("username");
  }

  @Test
  @DisplayName("Item 8: a NUL character in a page's form is a 400, shown at the field")
  void nulCharactersOnPages() {
    HttpSession browser = new HttpSession(port);
    browser.login("cllr.lovelace", TestUsers.PASSWORD);
    String csrf = browser.csrfTokenOf("/enquiries/new");
    HttpResponse<String> page = browser.postForm("/enquiries", "subject=" + HttpSession.encode("Street\u0000lights")
        + "&text=Out&capacity=COUNTY_COUNCILLOR&ward=Mill&department=highways&purpose=Surgery&idempotencyKey=k1&_csrf="
        + HttpSession.encode(csrf));

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("NUL character").contains("subject");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("%").list())
        .noneMatch(instance -> runtime.getVariable(instance.getId(), "subject") instanceof String s && s.contains("\u0000"));

    // Error pages name no exception class either.
    for (String path : List.of("/enquiries/ME-999999", "/enquiries/%E2%80%AE", "/enquiries?page=-1&state=NONE", "/no-such-page")) {
      HttpResponse<String> error = browser.get(path);
      assertThat(error.statusCode()).as(path).isBetween(200, 499);
      assertThat(error.body()).as(path).doesNotContainPattern("[A-Za-z]+Exception\\b").doesNotContain("java.");
    }
  }

  @Test
  @DisplayName("Item 7: 20,000-character texts through the API and Tasklist's engine REST path are kept whole")
  void longTextsOverHttp() {
    String text = "Lights out on Mill Lane — résidents écrivent. ".repeat(500).substring(0, 19_999) + "!";
    ApiClient.Response created = api.post("cllr.lovelace", "/api/enquiries", EnquiryApiTest.with("text", text));
    assertThat(created.status()).isEqualTo(201);
    String reference = created.body().get("reference").asText();
    assertThat(api.get("cllr.lovelace", "/api/enquiries/" + reference).body().get("text").asText()).isEqualTo(text);

    String triage = tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
    assertThat(api.post("officer.highways", "/engine-rest/task/" + triage + "/complete", Map.of("variables", Map.of(
        "requestKind", Map.of("value", "QUESTION"), "capacity", Map.of("value", "COUNTY_COUNCILLOR")))).status()).isEqualTo(204);
    String acknowledge = tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
    String acknowledgement = text.replace('L', 'A');
    assertThat(api.post("officer.highways", "/engine-rest/task/" + acknowledge + "/complete", Map.of("variables",
        Map.of("acknowledgementText", Map.of("value", acknowledgement)))).status()).isEqualTo(204);
    assertThat(api.get("cllr.lovelace", "/api/enquiries/" + reference).raw().body()).contains(acknowledgement);
  }

  @Test
  @DisplayName("Item 10: unknown task or process instance ids on the engine REST API are 404s with a message, no class names")
  void unknownIds() {
    List<String[]> routes = List.of(
        new String[] {"GET", "/engine-rest/task/no-such-task/variables"},
        new String[] {"GET", "/engine-rest/task/no-such-task/identity-links"},
        new String[] {"GET", "/engine-rest/task/no-such-task/deployed-form"},
        new String[] {"GET", "/engine-rest/task/no-such-task/form-variables"},
        new String[] {"GET", "/engine-rest/process-instance/no-such-instance/variables"},
        new String[] {"POST", "/engine-rest/task/no-such-task/claim"},
        new String[] {"POST", "/engine-rest/task/no-such-task/unclaim"},
        new String[] {"POST", "/engine-rest/task/no-such-task/delegate"},
        new String[] {"POST", "/engine-rest/task/no-such-task/resolve"},
        new String[] {"POST", "/engine-rest/task/no-such-task/identity-links"},
        new String[] {"POST", "/engine-rest/task/no-such-task/variables"},
        new String[] {"POST", "/engine-rest/process-instance/no-such-instance/variables"});
    for (String[] route : routes) {
      ApiClient.Response response = route[0].equals("GET") ? api.get("officer.highways", route[1])
          : api.post("officer.highways", route[1], Map.of("userId", "officer.highways", "type", "candidate",
              "modifications", Map.of("x", Map.of("value", 1))));
      assertThat(response.status()).as(route[0] + " " + route[1]).isIn(400, 404);
      assertThat(response.body().get("message").asText()).as(route[1]).isNotBlank();
      noClassNames(response);
    }
  }

  @Test
  @DisplayName("Item 10: firstResult below 0 is a 400")
  void negativePaging() {
    ApiClient.Response response = api.get("officer.highways", "/engine-rest/task?firstResult=-5&maxResults=10");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("message").asText()).contains("firstResult");
    assertThat(api.get("officer.highways", "/engine-rest/history/task?maxResults=-1").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("Item 10: a Java-serialized variable is refused with a 400, nothing starts; Java serialization stays off")
  void javaSerializedVariable() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isJavaSerializationFormatEnabled())
        .isFalse();
    long before = runtime.createProcessInstanceQuery().count();
    ApiClient.Response started = api.post("support", "/engine-rest/process-definition/key/member-enquiry/start",
        Map.of("variables", Map.of("x", Map.of("value", "rO0ABXQAA2FiYw==", "type", "Object", "valueInfo",
            Map.of("objectTypeName", "java.lang.String", "serializationDataFormat", "application/x-java-serialized-object")))));

    assertThat(started.status()).isEqualTo(400);
    assertThat(started.body().get("message").asText()).contains("Java serialization format is prohibited");
    noClassNames(started);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }
}
