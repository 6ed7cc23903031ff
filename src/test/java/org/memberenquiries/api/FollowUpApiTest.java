package org.memberenquiries.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.department.Departments;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Members' API after the answer over real HTTP (issue 10 item 4; R5, R10, R11): a follow-up and
 * dissatisfaction, only from the Member who made the enquiry, only within the window; clear errors.
 */
@WebAppTest
class FollowUpApiTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

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

  String submitted() {
    Map<String, Object> body = new HashMap<>();
    body.put("subject", "Street lighting on Mill Lane");
    body.put("text", "Residents report the lights have been out for a week.");
    body.put("capacity", "COUNTY_COUNCILLOR");
    body.put("ward", "Mill Ward");
    body.put("department", "highways");
    body.put("purpose", "To answer residents at Saturday's ward surgery.");
    ApiClient.Response created = api.post("cllr.lovelace", "/api/enquiries", body);
    assertThat(created.status()).isEqualTo(201);
    return created.body().get("reference").asText();
  }

  void complete(String reference, String key, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key).singleResult();
    tasks.complete(task.getId(), variables);
  }

  /** Triaged, acknowledged and answered in full on Friday 20 November: follow-ups until the end of Friday 27. */
  String answered() {
    String reference = submitted();
    complete(reference, "TriageEnquiry", Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR"));
    complete(reference, "AcknowledgeEnquiry", Map.of("acknowledgementText", "Received, thank you."));
    identity.setAuthentication("officer.highways", List.of("highways-officers"));
    try {
      complete(reference, "RespondToEnquiry", Map.of("responseType", "FULL", "responseText", "Repaired on Tuesday."));
    } finally {
      identity.clearAuthentication();
    }
    return reference;
  }

  List<String> mailKinds(String reference, String recipient) {
    return jdbc.sql("select kind from mail_outbox where reference = ? and recipient_id = ? order by id")
        .params(reference, recipient).query(String.class).list();
  }

  @Test
  @DisplayName("R5: the Member follows up within the window: 200, the follow-up's own deadline, an email saying so;"
      + " a second one while it is answered is 409")
  void followUp() {
    String reference = answered();
    String path = "/api/enquiries/" + reference + "/follow-up";
    ApiClient.Response read = api.get("cllr.lovelace", "/api/enquiries/" + reference);
    assertThat(read.body().at("/afterTheAnswer/open").asBoolean()).isTrue();
    assertThat(read.body().at("/afterTheAnswer/followUpsUntil").asText()).isEqualTo("2026-11-27T17:00:00Z");

    assertThat(api.post("cllr.babbage", path, Map.of("question", "And?")).status()).isEqualTo(404); // R11
    assertThat(api.post("officer.highways", path, Map.of("question", "And?")).status()).isEqualTo(403);
    assertThat(api.post(null, path, Map.of("question", "And?")).status()).isEqualTo(401);
    ApiClient.Response empty = api.post("cllr.lovelace", path, Map.of("question", " "));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(api.post("cllr.lovelace", path, Map.of()).status()).isEqualTo(400);

    // Monday 23 November: the answer is due by the end of Monday 7 December (10 working days, R5).
    ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2026-11-23T09:00:00Z")));
    ApiClient.Response asked = api.post("cllr.lovelace", path, Map.of("question", "Will the column at no. 4 be fixed?"));
    assertThat(asked.status()).isEqualTo(200);
    assertThat(asked.body().get("state").asText()).isEqualTo("FOLLOW_UP");
    assertThat(asked.body().at("/afterTheAnswer/followUpRespondBy").asText()).isEqualTo("2026-12-07T17:00:00Z");
    assertThat(asked.body().at("/afterTheAnswer/followUpsAsked").asInt()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("AnswerFollowUp")
        .singleResult().getDueDate()).isEqualTo(java.util.Date.from(java.time.Instant.parse("2026-12-07T17:00:00Z")));
    assertThat(mailKinds(reference, "cllr.lovelace")).endsWith("FULL_RESPONSE", "FOLLOW_UP");
    String text = jdbc.sql("select text_body from mail_outbox where reference = ? and kind = 'FOLLOW_UP'")
        .param(reference).query(String.class).single();
    assertThat(text).contains("We will answer it by: 5pm, Monday 7 December 2026");
    // The officer who answered is told it is back in their queue, with its deadline.
    Task followUp = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("AnswerFollowUp")
        .singleResult();
    assertThat(followUp.getAssignee()).isEqualTo("officer.highways");
    assertThat(jdbc.sql("select subject from mail_outbox where reference = ? and recipient_id = 'officer.highways'")
        .param(reference).query(String.class).list()).anyMatch(subject -> subject.contains("A follow-up in your queue"));

    ApiClient.Response again = api.post("cllr.lovelace", path, Map.of("question", "And another?"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().get("detail").asText()).contains("not open for follow-ups");
  }

  @Test
  @DisplayName("R10: the Member says they are not satisfied: Member Support's task, an email; not before the answer (409)")
  void notSatisfied() {
    String waiting = submitted();
    assertThat(api.post("cllr.lovelace", "/api/enquiries/" + waiting + "/not-satisfied",
        Map.of("reason", "No answer yet.")).status()).isEqualTo(409);

    String reference = answered();
    ApiClient.Response said = api.post("cllr.lovelace", "/api/enquiries/" + reference + "/not-satisfied",
        Map.of("reason", "The answer does not say when."));
    assertThat(said.status()).isEqualTo(200);
    assertThat(said.body().get("state").asText()).isEqualTo("NOT_SATISFIED");
    assertThat(said.body().at("/afterTheAnswer/informalResolutionBy").asText()).isEqualTo("2026-12-04T17:00:00Z");
    Task support = tasks.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("ResolveDissatisfaction").singleResult();
    assertThat(support.getDueDate()).isEqualTo(java.util.Date.from(java.time.Instant.parse("2026-12-04T17:00:00Z")));
    assertThat(tasks.getIdentityLinksForTask(support.getId())).anyMatch(link -> "member-support".equals(link.getGroupId()));
    assertThat(mailKinds(reference, "cllr.lovelace")).endsWith("NOT_SATISFIED");
    assertThat(api.post("cllr.lovelace", "/api/enquiries/" + reference + "/follow-up",
        Map.of("question", "And?")).status()).isEqualTo(409);
  }
}
