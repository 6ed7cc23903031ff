package org.memberenquiries.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memberenquiries.department.Departments;
import org.memberenquiries.security.HttpSession;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 8 item 4: the staff search (GET /api/enquiries/search) over the read model: each filter, paging,
 * and who sees what (R11): a department's officers and managers their department's enquiries, Member
 * Support, the monitoring officer and administrators every department's; Members and others nothing.
 * Every enquiry here is in a ward unique to the run, so enquiries of other tests never match.
 */
@WebAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnquirySearchTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired TaskService tasks;

  ApiClient api;
  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String ward = "Ward " + run;
  final List<String> highways = new ArrayList<>(); // lovelace's three, newest last
  String planning;
  String babbages;

  @BeforeAll
  void enquiries() {
    TestUsers.seed(identity, departments);
    api = new ApiClient(port);
    highways.add(submit("cllr.lovelace", "Alpha " + run, "Lamps out.", "highways"));
    highways.add(submit("cllr.lovelace", "Beta " + run, "A pothole, needle-" + run + ", by the school.", "highways"));
    highways.add(submit("cllr.lovelace", "Gamma " + run, "Gritting.", "highways"));
    planning = submit("cllr.lovelace", "Delta " + run, "An extension.", "planning");
    babbages = submit("cllr.babbage", "Epsilon " + run, "Bus stop.", "highways");
    // The Beta enquiry is triaged and acknowledged (R4).
    String beta = highways.get(1);
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(beta).taskDefinitionKey("TriageEnquiry")
        .singleResult().getId(), Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR"));
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(beta).taskDefinitionKey("AcknowledgeEnquiry")
        .singleResult().getId(), Map.of("acknowledgementText", "Thank you."));
  }

  String submit(String member, String subject, String text, String department) {
    Map<String, Object> body = new HashMap<>();
    body.put("subject", subject);
    body.put("text", text);
    body.put("capacity", "COUNTY_COUNCILLOR");
    body.put("ward", ward);
    body.put("department", department);
    body.put("purpose", "Ward surgery.");
    ApiClient.Response created = api.post(member, "/api/enquiries", body);
    assertThat(created.status()).isEqualTo(201);
    return created.body().get("reference").asText();
  }

  ApiClient.Response search(String user, String query) {
    return api.get(user, "/api/enquiries/search?ward=" + encode(ward) + (query.isEmpty() ? "" : "&" + query));
  }

  List<String> found(String user, String query) {
    ApiClient.Response response = search(user, query);
    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    List<String> references = new ArrayList<>();
    response.body().get("items").forEach(item -> references.add(item.get("reference").asText()));
    return references;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0} finds {1}")
  @CsvSource({
      "officer.highways, 4", "manager.highways, 4", "officer.planning, 1", "support, 5", "monitoring, 5", "admin, 5"})
  @DisplayName("R11: officers and managers see their department's enquiries; Member Support, the monitoring officer and admins every one")
  void whoSeesWhat(String user, int count) {
    assertThat(found(user, "size=100")).hasSize(count);
    if (user.endsWith(".planning")) {
      assertThat(found(user, "")).containsExactly(planning);
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"cllr.lovelace, 403", "director, 403", "cfo, 403", "chief, 403", "owner, 403"})
  @DisplayName("R11: Members and the other roles may not search")
  void othersRefused(String user, int status) {
    assertThat(search(user, "").status()).isEqualTo(status);
    assertThat(search(null, "").status()).isEqualTo(401);
  }

  @Test
  @DisplayName("Each filter narrows the search: reference, Member, department, state, text (subject or the enquiry's words)")
  void filters() {
    assertThat(found("support", "reference=" + highways.get(0))).containsExactly(highways.get(0));
    assertThat(found("support", "reference=" + highways.get(0).toLowerCase())).containsExactly(highways.get(0));
    assertThat(found("support", "member=cllr.babbage")).containsExactly(babbages);
    assertThat(found("support", "department=planning")).containsExactly(planning);
    assertThat(found("officer.highways", "department=planning")).isEmpty(); // not theirs
    assertThat(found("support", "state=ACKNOWLEDGED")).containsExactly(highways.get(1));
    assertThat(found("support", "state=RECEIVED&department=highways")).containsExactly(
        babbages, highways.get(2), highways.get(0));
    assertThat(found("officer.highways", "text=" + encode("NEEDLE-" + run))).containsExactly(highways.get(1));
    assertThat(found("officer.highways", "text=gamma")).containsExactly(highways.get(2));
    // Wildcards are taken literally.
    assertThat(found("support", "text=%25")).isEmpty();
    assertThat(found("support", "text=_")).isEmpty();
    assertThat(found("support", "member=cllr.lovelace&department=highways&state=RECEIVED"))
        .containsExactly(highways.get(2), highways.get(0));
  }

  @Test
  @DisplayName("R10 R11: the monitoring officer's text search covers subjects, never what the Member wrote")
  void monitoringOfficerSearchesSubjectsOnly() {
    assertThat(found("monitoring", "text=" + encode("needle-" + run))).isEmpty();
    assertThat(found("monitoring", "text=beta")).containsExactly(highways.get(1));
    JsonNode item = search("monitoring", "text=beta").body().get("items").get(0);
    assertThat(item.has("text")).isFalse();
  }

  @Test
  @DisplayName("A search is paged, newest first, with the totals; each line has the Member, department, state and next date owed")
  void paged() {
    JsonNode first = search("officer.highways", "size=3").body();
    JsonNode second = search("officer.highways", "size=3&page=1").body();
    assertThat(first.get("totalItems").asLong()).isEqualTo(4);
    assertThat(first.get("totalPages").asInt()).isEqualTo(2);
    List<String> all = new ArrayList<>();
    first.get("items").forEach(item -> all.add(item.get("reference").asText()));
    second.get("items").forEach(item -> all.add(item.get("reference").asText()));
    assertThat(all).containsExactly(babbages, highways.get(2), highways.get(1), highways.get(0));
    JsonNode line = first.get("items").get(0);
    assertThat(line.get("memberId").asText()).isEqualTo("cllr.babbage");
    assertThat(line.get("department").asText()).isEqualTo("highways");
    assertThat(line.get("ward").asText()).isEqualTo(ward);
    assertThat(line.get("state").asText()).isEqualTo("RECEIVED");
    assertThat(line.get("nextDeadline").asText()).isNotBlank(); // the acknowledgement (R4)
    assertThat(search("officer.highways", "size=3&page=2").body().get("items")).isEmpty();
  }

  @Test
  @DisplayName("The page Find an enquiry shows the same search to staff, filtered and paged, with the filters kept")
  void page() {
    HttpSession officer = new HttpSession(port);
    officer.login("officer.highways", TestUsers.PASSWORD);
    java.net.http.HttpResponse<String> first = officer.get("/staff/enquiries?ward=" + encode(ward) + "&state=RECEIVED");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains(babbages, highways.get(2), highways.get(0)).doesNotContain(highways.get(1), planning)
        .contains("3 enquiries found").contains("value=\"" + ward + "\"");
    java.net.http.HttpResponse<String> text = officer.get("/staff/enquiries?ward=" + encode(ward) + "&text="
        + encode("needle-" + run) + "&state=NONSENSE&page=x");
    assertThat(text.statusCode()).isEqualTo(200);
    assertThat(text.body()).contains(highways.get(1)).doesNotContain(highways.get(0));
    HttpSession member = new HttpSession(port);
    member.login("cllr.lovelace", TestUsers.PASSWORD);
    assertThat(member.get("/staff/enquiries").statusCode()).isEqualTo(403);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"size=0", "size=101", "page=-1", "state=LOST", "page=x"})
  @DisplayName("Bad paging or filters are a 400, never a 5xx")
  void badInput(String query) {
    assertThat(search("support", query).status()).isEqualTo(400);
    assertThat(search("support", "reference=" + "x".repeat(201)).status()).isEqualTo(400);
  }
}
