package org.memberenquiries.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.department.Departments;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Tasklist queues (saved filters), read over the engine REST API exactly as Tasklist reads them:
 * each group sees its own queue only, most urgent first, with the case's reference, subject and Member.
 */
@WebAppTest
class TaskQueuesTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;

  ApiClient api;

  @BeforeEach
  void setUp() {
    TestUsers.seed(identity, departments);
    api = new ApiClient(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  List<String> queueNames(String user) {
    ApiClient.Response filters = api.get(user, "/engine-rest/filter?resourceType=Task");
    assertThat(filters.status()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    filters.body().forEach(filter -> names.add(filter.get("name").asText()));
    return names;
  }

  @Test
  @DisplayName("Each group sees its own queue in Tasklist and no other")
  void eachGroupSeesItsOwnQueue() {
    assertThat(queueNames("officer.highways")).containsExactly("Highways and Transport: officers");
    assertThat(queueNames("manager.planning")).containsExactly("Planning and Environment: managers");
    assertThat(queueNames("support")).containsExactly("Member Support");
    assertThat(queueNames("monitoring")).containsExactly("Monitoring officer");
    assertThat(queueNames("chief")).containsExactly("Chief executive");
    assertThat(queueNames("admin"))
        .contains("Highways and Transport: officers", "Finance: managers", "Member Support",
            "Executive directors", "Chief financial officer");
  }

  @Test
  @DisplayName("R4: the officers' queue lists the most urgent task first, showing reference, subject and Member")
  void mostUrgentFirstWithTheCaseOnEachRow() throws Exception {
    // Received Wednesday 18 November 2026: acknowledgement owed by 5pm Thursday 19 November.
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2026-11-18T10:00:00Z")));
    String later = submit("Potholes on Station Road");
    // Logged on the Member's behalf as received Monday 16 November: owed by 5pm Tuesday 17 November.
    Map<String, Object> earlierBody = new HashMap<>(EnquiryApiTest.enquiry());
    earlierBody.put("subject", "Flooding at the ford");
    earlierBody.put("memberId", "cllr.lovelace");
    earlierBody.put("receivedAt", "2026-11-16T10:00:00Z");
    ApiClient.Response logged = api.post("support", "/api/enquiries", earlierBody);
    assertThat(logged.status()).as(logged.raw().body()).isEqualTo(201);
    String earlier = logged.body().get("reference").asText();

    String queue = filterId("officer.highways");
    HttpRequest.Builder list = HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/filter/" + queue + "/list?firstResult=0&maxResults=1000"))
        .header("Accept", "application/hal+json")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}"));
    ApiClient.Response tasks = api.send("officer.highways", list);
    assertThat(tasks.status()).isEqualTo(200);

    JsonNode embedded = tasks.body().get("_embedded");
    List<String> references = new ArrayList<>();
    List<String> dues = new ArrayList<>();
    Map<String, Map<String, String>> rows = new HashMap<>();
    for (JsonNode task : embedded.get("task")) {
      if (!task.get("due").isNull()) {
        dues.add(task.get("due").asText());
      }
      Map<String, String> shown = new HashMap<>();
      for (JsonNode variable : task.get("_embedded").get("variable")) {
        shown.put(variable.get("name").asText(), variable.get("value").asText());
      }
      references.add(shown.get("reference"));
      rows.put(shown.get("reference"), shown);
    }
    assertThat(dues).as("most urgent first").isSorted();
    assertThat(references).containsSubsequence(earlier, later);
    assertThat(rows.get(earlier)).containsEntry("subject", "Flooding at the ford")
        .containsKey("memberName").doesNotContainKey("enquiryText");
    assertThat(rows.get(later)).containsEntry("subject", "Potholes on Station Road");
    assertThat(rows.get(later).get("memberName")).isNotBlank();
  }

  private String submit(String subject) {
    Map<String, Object> body = new HashMap<>(EnquiryApiTest.enquiry());
    body.put("subject", subject);
    ApiClient.Response created = api.post("cllr.lovelace", "/api/enquiries", body);
    assertThat(created.status()).isEqualTo(201);
    return created.body().get("reference").asText();
  }

  private String filterId(String user) {
    return api.get(user, "/engine-rest/filter?resourceType=Task").body().get(0).get("id").asText();
  }
}
