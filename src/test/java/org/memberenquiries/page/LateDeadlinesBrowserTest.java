package org.memberenquiries.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.department.Departments;
import org.memberenquiries.enquiry.EnquirySubmission;
import org.memberenquiries.enquiry.NewEnquiry;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.testing.Accessibility;
import org.memberenquiries.testing.Browser;
import org.memberenquiries.testing.BrowserTest;
import org.memberenquiries.testing.Screenshots;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * R10, R16 (issue 13 item 8): late is visible. A deadline that passed without what was owed shows as
 * overdue on the Member's page, in their list and in the API's enquiry view, with what became of the
 * breach raised with Member Support; every date reads one way ("5pm, Monday 23 November 2026"), the
 * estimated date of a holding response too. Walked on real dates with the engine clock.
 */
@BrowserTest
@WebAppTest
class LateDeadlinesBrowserTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final String MEMBER = "cllr.lovelace";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired EnquirySubmission submission;

  @BeforeEach
  void setUp(Browser browser) {
    TestUsers.seed(identity, departments);
    browser.at("http://localhost:" + port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void clockAt(String london) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(london).atZone(LONDON).toInstant()));
  }

  String submitted(String subject) {
    NewEnquiry enquiry = new NewEnquiry(subject, "Residents report the lights have been out for a week.",
        Capacity.COUNTY_COUNCILLOR, "Mill Ward", "highways", "To answer residents.", null, null, null);
    return submission.submit(new Caller(MEMBER, Set.of(Groups.MEMBERS)), enquiry, null).reference();
  }

  Task task(String reference, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key).singleResult();
  }

  /** Runs the enquiry's timers due at the engine clock, as the job executor would. */
  int fireDueTimers(String processInstanceId) {
    int fired = 0;
    for (Job job : management.createJobQuery().processInstanceId(processInstanceId).executable()
        .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1)).list()) {
      management.executeJob(job.getId());
      fired++;
    }
    return fired;
  }

  Task escalationTask(String enquiryProcessInstanceId, String key) {
    String escalation = runtime.createProcessInstanceQuery().superProcessInstanceId(enquiryProcessInstanceId)
        .singleResult().getId();
    return tasks.createTaskQuery().processInstanceId(escalation).taskDefinitionKey(key).singleResult();
  }

  JsonNode api(String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            "http://localhost:" + port + path)).header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (MEMBER + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  static String text(Browser browser, By by) {
    return browser.text(by).replaceAll("\\s+", " ").trim();
  }

  @Test
  @DisplayName("R4 R10: a missed acknowledgement shows as overdue, raised with Member Support, then sent late, referred and decided, on the page, the list and the API")
  void missedAcknowledgementIsVisible(Browser browser) throws Exception {
    // Friday 20 November 2026, 11am: the acknowledgement is owed by 5pm on Monday 23 November.
    clockAt("2026-11-20T11:00");
    String reference = submitted("Street lights on Mill Lane " + System.nanoTime());
    Task triage = task(reference, "TriageEnquiry");
    String enquiry = triage.getProcessInstanceId();
    tasks.complete(triage.getId(), Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR"));

    browser.signIn(MEMBER);
    browser.open("/enquiries/" + reference);
    assertThat(browser.driver().findElements(By.id("late"))).as("nothing is late yet").isEmpty();

    // 5:01pm on Monday 23 November: the timer fires, the breach is recorded and raised with Member Support.
    clockAt("2026-11-23T17:01");
    assertThat(fireDueTimers(enquiry)).isEqualTo(1);

    browser.open("/enquiries/" + reference);
    String late = text(browser, By.id("late"));
    assertThat(late).contains("Missed deadlines")
        .contains("Overdue Acknowledgement overdue since 5pm, Monday 23 November 2026")
        .contains("This was raised with Member Support at 5:01pm, Monday 23 November 2026."
            + " They are working with the officers' team to put it right.");
    assertThat(text(browser, By.id("dates-owed")))
        .contains("Acknowledgement 5pm, Monday 23 November 2026 Overdue since 5pm, Monday 23 November 2026");
    assertThat(Accessibility.seriousViolations(browser)).as("axe-core on a late enquiry").isEmpty();
    Screenshots.save(browser, "enquiry-late");

    browser.open("/enquiries");
    assertThat(text(browser, By.cssSelector("tr[data-reference='" + reference + "']"))).contains("Received Late");

    JsonNode view = api("/api/enquiries/" + reference);
    assertThat(view.get("late")).hasSize(1);
    JsonNode missed = view.get("late").get(0);
    assertThat(missed.get("deadline").asText()).isEqualTo("ACKNOWLEDGEMENT");
    assertThat(Instant.parse(missed.get("overdueSince").asText())).isEqualTo(Instant.parse("2026-11-23T17:00:00Z"));
    assertThat(missed.get("stillOwed").asBoolean()).isTrue();
    assertThat(missed.hasNonNull("sentAt")).isFalse();
    assertThat(missed.get("escalation").get("status").asText()).isEqualTo("WITH_MEMBER_SUPPORT");
    assertThat(Instant.parse(missed.get("escalation").get("raisedAt").asText()))
        .isEqualTo(Instant.parse("2026-11-23T17:01:00Z"));
    // Existing fields stay as they were.
    assertThat(view.get("deadlines").get("acknowledgeBy").asText()).isNotBlank();
    assertThat(view.get("state").asText()).isEqualTo("RECEIVED");

    // Tuesday 24 November: the officer acknowledges at 10:30am; Member Support refers the breach on at 11am.
    clockAt("2026-11-24T10:30");
    tasks.complete(task(reference, "AcknowledgeEnquiry").getId(), Map.of("acknowledgementText", "Sorry for the delay."));
    clockAt("2026-11-24T11:00");
    tasks.complete(escalationTask(enquiry, "ResolveInformally").getId(), Map.of("resolutionNotes",
        "The Member wants it looked at formally.", "memberSatisfied", false, "referee", "monitoring-officer"));

    browser.open("/enquiries/" + reference);
    assertThat(text(browser, By.id("late")))
        .contains("Acknowledgement sent late, at 10:30am, Tuesday 24 November 2026. It was due by 5pm, Monday 23 November 2026")
        .contains("It was not resolved to your satisfaction, so it was referred to the monitoring officer,"
            + " who will decide whether the protocol was breached.")
        .doesNotContain("Overdue Acknowledgement");
    assertThat(text(browser, By.id("dates-owed"))).contains("Sent 10:30am, Tuesday 24 November 2026, late");
    browser.open("/enquiries");
    assertThat(text(browser, By.cssSelector("tr[data-reference='" + reference + "']"))).doesNotContain("Late");

    // Wednesday 25 November, 9am: the monitoring officer decides.
    clockAt("2026-11-25T09:00");
    tasks.complete(escalationTask(enquiry, "DecideBreachOutcome").getId(),
        Map.of("breachOutcome", "UPHELD", "outcomeNotes", "The acknowledgement was a day late."));
    browser.open("/enquiries/" + reference);
    assertThat(text(browser, By.id("late"))).contains(
        "It was referred to the monitoring officer, who decided at 9am, Wednesday 25 November 2026 that the protocol was breached.");
    JsonNode decided = api("/api/enquiries/" + reference).get("late").get(0);
    assertThat(decided.get("stillOwed").asBoolean()).isFalse();
    assertThat(Instant.parse(decided.get("sentAt").asText())).isEqualTo(Instant.parse("2026-11-24T10:30:00Z"));
    assertThat(decided.get("escalation").get("status").asText()).isEqualTo("UPHELD");
    assertThat(decided.get("escalation").get("referredTo").asText()).isEqualTo("monitoring-officer");
    Screenshots.save(browser, "enquiry-late-decided");
  }

  @Test
  @DisplayName("Every date reads one way: a holding response's estimated date is \"Friday 18 December 2026\", not \"2026-12-18\"")
  void holdingResponseDateReadsLikeEveryOther(Browser browser) throws Exception {
    clockAt("2026-11-20T11:00");
    String reference = submitted("Library opening hours " + System.nanoTime());
    tasks.complete(task(reference, "TriageEnquiry").getId(), Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR"));
    tasks.complete(task(reference, "AcknowledgeEnquiry").getId(), Map.of("acknowledgementText", "Received."));
    tasks.complete(task(reference, "RespondToEnquiry").getId(), Map.of("responseType", "HOLDING",
        "responseText", "We are looking into this.", "holdingExplanation", "The contractor is surveying the street.",
        "estimatedFullResponseDate", "2026-12-18"));

    browser.signIn(MEMBER);
    browser.open("/enquiries/" + reference);
    String holding = text(browser, By.cssSelector("#messages li[data-kind='HOLDING_RESPONSE']"));
    assertThat(holding).contains("Estimated full response by: Friday 18 December 2026").doesNotContain("2026-12-18");
    assertThat(browser.text(By.tagName("main"))).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    assertThat(api("/api/enquiries/" + reference).get("messages").toString())
        .contains("Estimated full response by: Friday 18 December 2026");
  }
}
