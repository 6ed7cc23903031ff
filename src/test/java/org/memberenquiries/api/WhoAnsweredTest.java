package org.memberenquiries.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/** R15: what is sent to the Member names the officer who sent it, and their role; the Member's own replies do not. */
@WebAppTest
class WhoAnsweredTest {

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
  @DisplayName("R15: the acknowledgement names the officer who sent it and their role, on the Member's view of the enquiry")
  void acknowledgementNamesItsOfficer() {
    String reference = api.post("cllr.lovelace", "/api/enquiries", EnquiryApiTest.enquiry()).body().get("reference").asText();
    complete("officer.highways", reference, "TriageEnquiry",
        Map.of("requestKind", Map.of("value", "QUESTION"), "capacity", Map.of("value", "COUNTY_COUNCILLOR")));
    complete("officer.highways", reference, "AcknowledgeEnquiry",
        Map.of("acknowledgementText", Map.of("value", "Received, thank you.")));

    JsonNode messages = api.get("cllr.lovelace", "/api/enquiries/" + reference).body().get("messages");
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).get("kind").asText()).isEqualTo("ACKNOWLEDGEMENT");
    assertThat(messages.get(0).get("sentBy").get("name").asText()).isEqualTo("Officer Highways and Transport");
    assertThat(messages.get(0).get("sentBy").get("role").asText()).isEqualTo("Highways and Transport officers");
  }

  private void complete(String user, String reference, String key, Map<String, Object> variables) {
    String task = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key).singleResult().getId();
    ApiClient.Response done = api.post(user, "/engine-rest/task/" + task + "/complete", Map.of("variables", variables));
    assertThat(done.status()).as(String.valueOf(done.body())).isEqualTo(204);
  }
}
