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
