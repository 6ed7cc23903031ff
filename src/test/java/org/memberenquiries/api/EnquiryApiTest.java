package org.memberenquiries.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memberenquiries.department.Departments;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Members' API over real HTTP: submission, idempotency, validation, privacy (R3, R9, R11, R13). */
@WebAppTest
class EnquiryApiTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;

  ApiClient api;

  @BeforeEach
  void setUp() {
    TestUsers.seed(identity, departments);
    api = new ApiClient(port);
    // Friday 20 November 2026, 10:00 GMT.
    ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2026-11-20T10:00:00Z")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Map<String, Object> enquiry() {
    Map<String, Object> body = new HashMap<>();
    body.put("subject", "Street lighting on Mill Lane");
    body.put("text", "Residents report the lights have been out for a week.");
    body.put("capacity", "COUNTY_COUNCILLOR");
    body.put("ward", "Mill Ward");
    body.put("department", "highways");
    body.put("purpose", "To answer residents at Saturday's ward surgery.");
    return body;
  }

  static Map<String, Object> with(String field, Object value) {
    Map<String, Object> body = enquiry();
    body.put(field, value);
    return body;
  }

  ApiClient.Response submitted(String member) {
    ApiClient.Response created = api.post(member, "/api/enquiries", enquiry());
    assertThat(created.status()).isEqualTo(201);
    return created;
  }

  Task task(String reference, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key).singleResult();
  }

  @Test
  @DisplayName("R4 R5 R7 R13: a Member submits an enquiry: 201, Location, reference, state and the deadlines owed")
  void submit() {
    ApiClient.Response created = api.post("cllr.lovelace", "/api/enquiries", enquiry());

    assertThat(created.status()).isEqualTo(201);
    String reference = created.body().get("reference").asText();
    assertThat(reference).matches("ME-\\d{6}");
    assertThat(created.header("Location")).isEqualTo("/api/enquiries/" + reference);
    assertThat(created.body().get("state").asText()).isEqualTo("RECEIVED");
    assertThat(created.body().get("memberName").asText()).isEqualTo("Cllr Ada Lovelace");
    assertThat(created.body().get("purpose").asText()).isEqualTo("To answer residents at Saturday's ward surgery.");
    assertThat(created.body().at("/deadlines/acknowledgeBy").asText()).isEqualTo("2026-11-23T17:00:00Z");
    assertThat(created.body().at("/deadlines/respondBy").asText()).isEqualTo("2026-12-04T17:00:00Z");
    assertThat(created.body().at("/deadlines/fullResponseBy").asText()).isEqualTo("2026-12-18T17:00:00Z");
    assertThat(task(reference, "TriageEnquiry")).isNotNull();

    ApiClient.Response read = api.get("cllr.lovelace", "/api/enquiries/" + reference);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body().get("reference").asText()).isEqualTo(reference);
  }

  @Test
  @DisplayName("A retried submission with the same Idempotency-Key returns the same case; a different request under it is refused")
  void idempotency() {
    Map<String, String> key = Map.of("Idempotency-Key", "submit-" + System.nanoTime());
    ApiClient.Response first = api.post("cllr.lovelace", "/api/enquiries", enquiry(), key);
    ApiClient.Response retry = api.post("cllr.lovelace", "/api/enquiries", enquiry(), key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body().get("reference").asText()).isEqualTo(first.body().get("reference").asText());
    assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(first.body().get("reference").asText()).count())
        .isEqualTo(1);

    ApiClient.Response different = api.post("cllr.lovelace", "/api/enquiries", with("subject", "Another"), key);
    assertThat(different.status()).isEqualTo(422);
    assertThat(different.body().get("detail").asText()).contains("Idempotency-Key");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "missing subject        | subject    | ",
      "blank text             | text       | '   '",
      "unknown capacity       | capacity   | MAYOR",
      "unknown department     | department | parks",
      "missing purpose (R13)  | purpose    | ",
      "a Member's receivedAt  | receivedAt | 2026-11-19T09:00:00Z"})
  @DisplayName("Bad fields give 400 with a problem detail naming the field")
  void badFields(String name, String field, String value) {
    ApiClient.Response response = api.post("cllr.lovelace", "/api/enquiries", with(field, value));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body().at("/errors/0/field").asText()).isEqualTo(field);
    assertThat(response.body().at("/errors/0/pointer").asText()).isEqualTo("#/" + field);
  }

  @Test
  @DisplayName("An unknown field, an oversized text and malformed JSON are refused with 400")
  void unknownOversizedMalformed() {
    ApiClient.Response unknown = api.post("cllr.lovelace", "/api/enquiries", with("priority", "HIGH"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().at("/errors/0/field").asText()).isEqualTo("priority");

    ApiClient.Response oversized = api.post("cllr.lovelace", "/api/enquiries", with("text", "x".repeat(20_001)));
    assertThat(oversized.status()).isEqualTo(400);
    assertThat(oversized.body().at("/errors/0/field").asText()).isEqualTo("text");

    ApiClient.Response malformed = api.post("cllr.lovelace", "/api/enquiries", "{\"subject\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body().get("detail").asText()).contains("not valid JSON");

    ApiClient.Response size = api.get("cllr.lovelace", "/api/enquiries?size=500");
    assertThat(size.status()).isEqualTo(400);
    assertThat(size.body().get("parameter").asText()).isEqualTo("size");
    ApiClient.Response state = api.get("cllr.lovelace", "/api/enquiries?state=LOST");
    assertThat(state.status()).isEqualTo(400);
    assertThat(state.body().get("parameter").asText()).isEqualTo("state");
  }

  @Test
  @DisplayName("R11: another Member's enquiry is a 404, exactly like an unknown reference; no login is a 401")
  void othersEnquiriesAreInvisible() {
    String reference = submitted("cllr.lovelace").body().get("reference").asText();

    ApiClient.Response probe = api.get("cllr.babbage", "/api/enquiries/" + reference);
    ApiClient.Response unknown = api.get("cllr.babbage", "/api/enquiries/ME-999999");
    assertThat(probe.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(probe.body().get("title").asText()).isEqualTo(unknown.body().get("title").asText());
    assertThat(api.get("cllr.babbage", "/api/enquiries").body().get("items"))
        .noneMatch(item -> item.get("reference").asText().equals(reference));
    assertThat(api.post("cllr.babbage", "/api/enquiries/" + reference + "/clarification", Map.of("reply", "Hi")).status())
        .isEqualTo(404);
    assertThat(api.get(null, "/api/enquiries/" + reference).status()).isEqualTo(401);
    // An officer of another department does not handle it either.
    assertThat(api.get("officer.planning", "/api/enquiries/" + reference).status()).isEqualTo(404);
    assertThat(api.get("officer.highways", "/api/enquiries/" + reference).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("Member Support logs an enquiry on a Member's behalf with the time it really arrived, never in the future")
  void loggedOnBehalf() {
    Map<String, Object> body = with("memberId", "cllr.babbage");
    body.put("receivedAt", "2026-11-19T16:30:00Z"); // Thursday, before 17:00
    ApiClient.Response logged = api.post("support", "/api/enquiries", body);

    assertThat(logged.status()).isEqualTo(201);
    assertThat(logged.body().at("/deadlines/acknowledgeBy").asText()).isEqualTo("2026-11-20T17:00:00Z");
    String reference = logged.body().get("reference").asText();
    assertThat(api.get("cllr.babbage", "/api/enquiries").body().get("items"))
        .anyMatch(item -> item.get("reference").asText().equals(reference));

    body.put("receivedAt", "2026-11-21T09:00:00Z");
    assertThat(api.post("support", "/api/enquiries", body).body().at("/errors/0/field").asText()).isEqualTo("receivedAt");
    ApiClient.Response notAMember = api.post("support", "/api/enquiries", with("memberId", "officer.highways"));
    assertThat(notAMember.status()).isEqualTo(400);
    assertThat(notAMember.body().at("/errors/0/field").asText()).isEqualTo("memberId");
    assertThat(api.post("director", "/api/enquiries", with("memberId", "cllr.babbage")).status()).isEqualTo(403);
  }

  @Test
  @DisplayName("R3 R9 R13: the Member answers the capacity question through the API; answers show their purpose")
  void capacityQuestionAnswered() {
    String reference = submitted("cllr.lovelace").body().get("reference").asText();
    tasks.complete(task(reference, "TriageEnquiry").getId(), Map.of("requestKind", "QUESTION", "capacity", "UNCLEAR",
        "clarificationQuestion", "Do you ask as local councillor or as committee chair?"));
    tasks.complete(task(reference, "AcknowledgeEnquiry").getId(), Map.of("acknowledgementText", "Received, thank you."));

    ApiClient.Response waiting = api.get("cllr.lovelace", "/api/enquiries/" + reference);
    assertThat(waiting.body().get("state").asText()).isEqualTo("AWAITING_MEMBER");
    assertThat(waiting.body().at("/openQuestion/question").asText()).contains("committee chair");
    assertThat(waiting.body().at("/openQuestion/capacityQuestion").asBoolean()).isTrue();
    assertThat(waiting.body().at("/openQuestion/replyDueBy").asText()).isEqualTo("2026-12-04T17:00:00Z");
    assertThat(waiting.body().at("/messages/0/kind").asText()).isEqualTo("ACKNOWLEDGEMENT");
    assertThat(waiting.body().at("/messages/0/purpose").asText()).isEqualTo("To answer residents at Saturday's ward surgery.");

    ApiClient.Response noCapacity = api.post("cllr.lovelace", "/api/enquiries/" + reference + "/clarification",
        Map.of("reply", "As chair."));
    assertThat(noCapacity.status()).isEqualTo(400);
    assertThat(noCapacity.body().get("detail").asText()).contains("R3").contains("capacity");

    ApiClient.Response answered = api.post("cllr.lovelace", "/api/enquiries/" + reference + "/clarification",
        Map.of("reply", "As chair.", "capacity", "CABINET_OR_COMMITTEE_MEMBER"));
    assertThat(answered.status()).isEqualTo(200);
    assertThat(answered.body().get("state").asText()).isEqualTo("ACKNOWLEDGED");
    assertThat(answered.body().get("capacity").asText()).isEqualTo("CABINET_OR_COMMITTEE_MEMBER");
    assertThat(task(reference, "RespondToEnquiry")).isNotNull();

    ApiClient.Response again = api.post("cllr.lovelace", "/api/enquiries/" + reference + "/clarification",
        Map.of("reply", "Again."));
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  @DisplayName("R11: only the requesting Member shares; the shared copy lists every recipient")
  void sharing() {
    String reference = submitted("cllr.lovelace").body().get("reference").asText();
    String shares = "/api/enquiries/" + reference + "/shares";

    assertThat(api.get("cllr.babbage", "/api/enquiries/" + reference).status()).isEqualTo(404);
    assertThat(api.post("officer.highways", shares, Map.of("memberId", "cllr.babbage")).status()).isEqualTo(403);
    assertThat(api.post("cllr.lovelace", shares, Map.of("memberId", "support")).status()).isEqualTo(400);

    ApiClient.Response shared = api.post("cllr.lovelace", shares, Map.of("memberId", "cllr.babbage"));
    assertThat(shared.status()).isEqualTo(200);

    ApiClient.Response copy = api.get("cllr.babbage", "/api/enquiries/" + reference);
    assertThat(copy.status()).isEqualTo(200);
    assertThat(copy.body().get("recipients")).extracting(node -> node.asText())
        .containsExactly("cllr.lovelace", "cllr.babbage");
    assertThat(api.post("cllr.babbage", shares, Map.of("memberId", "cllr.babbage")).status()).isEqualTo(403);
    assertThat(api.post("cllr.babbage", "/api/enquiries/" + reference + "/clarification", Map.of("reply", "x")).status())
        .isEqualTo(403);
  }

  @Test
  @DisplayName("The list is the caller's own, paged and filtered by state")
  void listPagedAndFiltered() {
    List<String> references = List.of(submitted("cllr.babbage"), submitted("cllr.babbage"), submitted("cllr.babbage"))
        .stream().map(r -> r.body().get("reference").asText()).toList();
    tasks.complete(task(references.get(0), "TriageEnquiry").getId(), Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR"));
    tasks.complete(task(references.get(0), "AcknowledgeEnquiry").getId(), Map.of("acknowledgementText", "Thanks."));

    ApiClient.Response page = api.get("cllr.babbage", "/api/enquiries?size=2&page=0");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body().get("items")).hasSize(2);
    assertThat(page.body().get("totalItems").asLong()).isGreaterThanOrEqualTo(3);
    ApiClient.Response acknowledged = api.get("cllr.babbage", "/api/enquiries?state=ACKNOWLEDGED");
    assertThat(acknowledged.body().get("items")).extracting(item -> item.get("reference").asText())
        .contains(references.get(0)).doesNotContain(references.get(1), references.get(2));
    assertThat(acknowledged.body().get("items")).allMatch(item -> item.get("state").asText().equals("ACKNOWLEDGED"));
  }

  @Test
  @DisplayName("An enquiry logged from Tasklist's start form gets a reference and shows among the Member's enquiries")
  void loggedInTasklist() {
    Map<String, Object> variables = new HashMap<>(Map.of("memberId", "cllr.babbage", "memberName", "Cllr Charles Babbage",
        "subject", "Bus shelter", "enquiryText", "When will it be replaced?", "capacity", "COUNTY_COUNCILLOR",
        "ward", "Mill Ward", "department", "highways", "purpose", "Parish council meeting."));
    identity.setAuthentication("support", List.of("member-support")); // as Tasklist does
    String reference;
    try {
      reference = runtime.startProcessInstanceByKey("member-enquiry", variables).getBusinessKey();
    } finally {
      identity.clearAuthentication();
    }

    assertThat(reference).matches("ME-\\d{6}");
    ApiClient.Response read = api.get("cllr.babbage", "/api/enquiries/" + reference);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body().get("subject").asText()).isEqualTo("Bus shelter");

    variables.put("memberId", "officer.highways");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("member-enquiry", variables))
        .hasMessageContaining("is not a Member");
  }

  @Test
  @DisplayName("The API is documented with OpenAPI at /v3/api-docs")
  void openApi() {
    ApiClient.Response docs = api.get(null, "/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.body().at("/paths").has("/api/enquiries")).isTrue();
    assertThat(docs.body().at("/paths").has("/api/enquiries/{reference}/clarification")).isTrue();
  }
}
