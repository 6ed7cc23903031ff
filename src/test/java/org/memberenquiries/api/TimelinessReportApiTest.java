package org.memberenquiries.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.department.Departments;
import org.memberenquiries.enquiry.EnquirySubmission;
import org.memberenquiries.enquiry.NewEnquiry;
import org.memberenquiries.report.GroupBy;
import org.memberenquiries.report.TimelinessCsv;
import org.memberenquiries.report.TimelinessFigures;
import org.memberenquiries.report.TimelinessReport;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9 item 2 (R16): GET /api/reports/timeliness answers exactly what {@link TimelinessReport} computes,
 * as JSON and as CSV ({@code Accept: text/csv} or {@code format=csv}); a department's manager gets their
 * department only (item 6); bad parameters are a 400 naming the parameter, never a 5xx. Three enquiries
 * received in March 2030 (a range no other test uses), the engine clock at noon on 20 March 2030.
 */
@WebAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelinessReportApiTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final String RANGE = "from=2030-03-01&to=2030-03-31";
  static final Caller LOVELACE = new Caller("cllr.lovelace", Set.of(Groups.MEMBERS));

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired EnquirySubmission submission;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TimelinessReport report;
  @Autowired ObjectMapper json;

  ApiClient api;

  @BeforeAll
  void enquiries() {
    TestUsers.seed(identity, departments);
    api = new ApiClient(port);
    // Planning: one triaged and acknowledged on the next working day (R4), one left untouched (overdue).
    String first = submit("planning", "2030-03-04T10:00");
    clock("2030-03-05T10:00");
    complete(first, "TriageEnquiry", Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR"));
    complete(first, "AcknowledgeEnquiry", Map.of("acknowledgementText", "Received, thank you."));
    submit("planning", "2030-03-05T11:00");
    // Finance: referred to the service request channel (R2).
    String third = submit("finance", "2030-03-06T10:00");
    clock("2030-03-06T11:00");
    complete(third, "TriageEnquiry", Map.of("requestKind", "SERVICE_REQUEST", "capacity", "COUNTY_COUNCILLOR"));
    complete(third, "ReferElsewhere", Map.of("referralReference", "HH-9", "referralMessage", "Passed to the hub."));
    ClockUtil.reset();
  }

  @BeforeEach
  void now() {
    clock("2030-03-20T12:00");
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "groupBy={0} as {1}")
  @CsvSource({"department,director", "officer,director", "month,admin", "team,support", "department,monitoring",
      "department,manager.planning", "officer,manager.planning"})
  @DisplayName("The JSON is the service's figures, field for field")
  void jsonIsTheServicesFigures(String groupBy, String user) throws Exception {
    ApiClient.Response response = api.get(user, "/api/reports/timeliness?" + RANGE + "&groupBy=" + groupBy);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    TimelinessFigures figures = report.figures(caller(user), LocalDate.of(2030, 3, 1), LocalDate.of(2030, 3, 31),
        GroupBy.ofParameter(groupBy));
    assertThat(response.body()).isEqualTo(json.readTree(json.writeValueAsString(figures)));
  }

  @Test
  @DisplayName("The figures themselves: received, acknowledged on time, referred, overdue now (3 of the 3)")
  void theFigures() {
    JsonNode total = api.get("director", "/api/reports/timeliness?" + RANGE).body().get("total");
    assertThat(total.get("received").asLong()).isEqualTo(3);
    assertThat(total.get("acknowledgedOnTime").asLong()).isEqualTo(1);
    assertThat(total.get("acknowledgementsDue").asLong()).isEqualTo(2);
    assertThat(total.get("referredToServiceRequests").asLong()).isEqualTo(1);
    // The first is past its response deadline (18 March), the second its acknowledgement (6 March).
    assertThat(total.get("overdueNow").asLong()).isEqualTo(2);
    assertThat(total.get("percentAcknowledgedOnTime").asDouble()).isEqualTo(50.0);
  }

  @Test
  @DisplayName("Item 6: the planning manager sees planning only; the overdue list names no Member and no text (R11)")
  void managerSeesTheirDepartment() {
    ApiClient.Response response = api.get("manager.planning", "/api/reports/timeliness?" + RANGE);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().get("everyDepartment").asBoolean()).isFalse();
    assertThat(response.body().get("rows")).hasSize(1);
    assertThat(response.body().get("rows").get(0).get("group").asText()).isEqualTo("planning");
    assertThat(response.body().get("total").get("received").asLong()).isEqualTo(2);
    assertThat(response.body().get("overdue")).hasSize(2);
    assertThat(response.raw().body()).doesNotContain("Case text").doesNotContain("cllr.lovelace")
        .doesNotContain("Lovelace").doesNotContain("Case subject");

    ApiClient.Response highways = api.get("manager.highways", "/api/reports/timeliness?" + RANGE);
    assertThat(highways.body().get("total").get("received").asLong()).isZero();
    assertThat(highways.body().get("overdue")).isEmpty();
  }

  @Test
  @DisplayName("CSV by Accept: text/csv or format=csv is TimelinessCsv of the service's figures; table=overdue lists the overdue")
  void csvIsTheServicesFigures() {
    TimelinessFigures figures = report.figures(caller("director"), LocalDate.of(2030, 3, 1), LocalDate.of(2030, 3, 31),
        GroupBy.MONTH);

    ApiClient.Response byHeader = api.send("director", HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/api/reports/timeliness?" + RANGE + "&groupBy=month"))
        .header("Accept", "text/csv").GET());
    ApiClient.Response byParameter = api.get("director", "/api/reports/timeliness?" + RANGE + "&groupBy=month&format=csv");
    ApiClient.Response overdue = api.get("director", "/api/reports/timeliness?" + RANGE + "&format=csv&table=overdue");

    for (ApiClient.Response response : java.util.List.of(byHeader, byParameter)) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("Content-Type")).startsWith("text/csv");
      assertThat(response.header("Content-Disposition")).contains("timeliness-month-2030-03-01-to-2030-03-31.csv");
      assertThat(response.raw().body()).isEqualTo(TimelinessCsv.figures(figures));
    }
    String[] lines = byParameter.raw().body().split("\r\n");
    assertThat(lines).hasSize(3); // header, March 2030, total
    assertThat(lines[0]).startsWith("group,label,received,referred,");
    assertThat(lines[1]).startsWith("2030-03,March 2030,3,1,");
    assertThat(lines[2]).startsWith("total,All enquiries,3,1,");
    assertThat(overdue.raw().body()).isEqualTo(TimelinessCsv.overdue(figures));
    assertThat(overdue.raw().body().split("\r\n")).hasSize(3);
  }

  @ParameterizedTest(name = "{0} -> 400 naming {1}")
  @CsvSource(delimiter = '|', value = {
      "to=2030-03-31|from",
      "from=2030-03-01|to",
      "from=2030-3-1&to=2030-03-31|from",
      "from=2030-03-31&to=2030-03-01|to",
      "from=1999-01-01&to=2030-03-01|from",
      "from=2010-01-01&to=2030-03-01|to",
      "from=2030-03-01&to=2030-03-31&groupBy=ward|groupBy",
      "from=2030-03-01&to=2030-03-31&format=xml|format",
      "from=2030-03-01&to=2030-03-31&format=csv&table=members|table"})
  @DisplayName("Bad parameters: 400 with a problem naming the parameter, never a 5xx")
  void badParameters(String query, String parameter) {
    for (String accept : java.util.List.of("application/json", "text/csv", "*/*")) {
      ApiClient.Response response = api.send("director", HttpRequest.newBuilder(
          URI.create("http://localhost:" + port + "/api/reports/timeliness?" + query)).header("Accept", accept).GET());
      assertThat(response.status()).as(query + " with Accept " + accept + ": " + response.raw().body()).isEqualTo(400);
      assertThat(response.raw().body()).as(accept).contains(parameter);
    }
  }

  Caller caller(String user) {
    return new Caller(user, Set.copyOf(identity.createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList()));
  }

  String submit(String department, String londonTime) {
    clock(londonTime);
    NewEnquiry enquiry = new NewEnquiry("Case subject", "Case text, private.", Capacity.COUNTY_COUNCILLOR, "Mill Ward",
        department, "Ward surgery.", null, null, null);
    return submission.submit(LOVELACE, enquiry, null).reference();
  }

  void complete(String reference, String taskKey, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).singleResult();
    tasks.claim(task.getId(), "officer.planning");
    tasks.complete(task.getId(), variables);
  }

  static void clock(String londonTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(londonTime).atZone(LONDON).toInstant()));
  }
}
