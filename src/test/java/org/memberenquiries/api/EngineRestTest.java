package org.memberenquiries.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.department.Departments;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The engine REST API as Tasklist uses it: a rule a task's input breaks is a 400 naming the rule. */
@WebAppTest
class EngineRestTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired TaskService tasks;

  ApiClient api;

  @BeforeEach
  void setUp() {
    TestUsers.seed(identity, departments);
    api = new ApiClient(port);
  }

  String deployedForm(String user, String path) {
    ApiClient.Response form = api.get(user, path);
    assertThat(form.status()).as(path).isEqualTo(200);
    return form.body().get("id").asText();
  }

  String taskId(String reference, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key).singleResult().getId();
  }

  @Test
  @DisplayName("Tasklist opens each task's Camunda Form: the start form and every task's form are deployed and linked")
  void formsOpenInTasklist() {
    assertThat(deployedForm("support", "/engine-rest/process-definition/key/member-enquiry/deployed-start-form"))
        .isEqualTo("start-enquiry");
    String reference = api.post("cllr.lovelace", "/api/enquiries", EnquiryApiTest.enquiry()).body().get("reference").asText();

    assertThat(deployedForm("officer.highways", "/engine-rest/task/" + taskId(reference, "TriageEnquiry") + "/deployed-form"))
        .isEqualTo("triage-enquiry");
    tasks.complete(taskId(reference, "TriageEnquiry"), Map.of("requestKind", "SERVICE_REQUEST", "capacity", "COUNTY_COUNCILLOR"));
    assertThat(deployedForm("officer.highways", "/engine-rest/task/" + taskId(reference, "ReferElsewhere") + "/deployed-form"))
        .isEqualTo("refer-enquiry");

    String second = api.post("cllr.lovelace", "/api/enquiries", EnquiryApiTest.enquiry()).body().get("reference").asText();
    tasks.complete(taskId(second, "TriageEnquiry"), Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR"));
    assertThat(deployedForm("officer.highways", "/engine-rest/task/" + taskId(second, "AcknowledgeEnquiry") + "/deployed-form"))
        .isEqualTo("acknowledge-enquiry");
    tasks.complete(taskId(second, "AcknowledgeEnquiry"), Map.of("acknowledgementText", "Thanks."));
    assertThat(deployedForm("officer.highways", "/engine-rest/task/" + taskId(second, "RespondToEnquiry") + "/deployed-form"))
        .isEqualTo("respond-to-enquiry");
    tasks.complete(taskId(second, "RespondToEnquiry"), Map.of("responseType", "BURDEN", "burdenReason", "Years of data."));
    assertThat(deployedForm("manager.highways", "/engine-rest/task/" + taskId(second, "DiscussBurden") + "/deployed-form"))
        .isEqualTo("discuss-burden");
  }

  @Test
  @DisplayName("R1 R2: completing triage with an unknown request kind through /engine-rest is a 400 with the rule's message")
  void refusalIsBadRequest() {
    String reference = api.post("cllr.lovelace", "/api/enquiries", EnquiryApiTest.enquiry()).body().get("reference").asText();
    String task = tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();

    ApiClient.Response refused = api.post("officer.highways", "/engine-rest/task/" + task + "/complete",
        Map.of("variables", Map.of("requestKind", Map.of("value", "GOSSIP"), "capacity", Map.of("value", "COUNTY_COUNCILLOR"))));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("message").asText()).startsWith("R1, R2: 'requestKind' must be one of");

    ApiClient.Response completed = api.post("officer.highways", "/engine-rest/task/" + task + "/complete",
        Map.of("variables", Map.of("requestKind", Map.of("value", "QUESTION"), "capacity", Map.of("value", "COUNTY_COUNCILLOR"))));
    assertThat(completed.status()).isEqualTo(204);
    ApiClient.Response unknownTask = api.post("officer.highways", "/engine-rest/task/no-such-task/complete", Map.of());
    assertThat(unknownTask.status()).isEqualTo(404);
  }
}
