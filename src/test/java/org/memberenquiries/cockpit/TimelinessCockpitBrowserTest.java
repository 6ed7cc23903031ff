package org.memberenquiries.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.department.Departments;
import org.memberenquiries.enquiry.EnquirySubmission;
import org.memberenquiries.enquiry.NewEnquiry;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.testing.Browser;
import org.memberenquiries.testing.BrowserTest;
import org.memberenquiries.testing.Screenshots;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9 item 4 (R16): management signs in to Cockpit and finds the timeliness figures on its dashboard.
 * Enquiries received on Monday 7 June 2033 (the engine's clock; no other test uses that year): two for
 * Highways, one acknowledged that day, and one for Planning; it is then Thursday 10 June, past the
 * acknowledgement deadlines (end of Tuesday, R4). Cockpit asks for the dashboard's default weeks up to today.
 */
@BrowserTest
@WebAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelinessCockpitBrowserTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired EnquirySubmission submission;
  @Autowired TaskService tasks;

  @BeforeAll
  void enquiries() {
    TestUsers.seed(identity, departments);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2033-06-06T09:00:00Z"))); // Monday, 10am BST
    String acknowledged = submit("highways");
    submit("highways");
    submit("planning");
    for (Map.Entry<String, Map<String, Object>> step : java.util.List.of(
        Map.entry("TriageEnquiry", Map.<String, Object>of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR")),
        Map.entry("AcknowledgeEnquiry", Map.<String, Object>of("acknowledgementText", "Received.")))) {
      tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(acknowledged)
          .taskDefinitionKey(step.getKey()).singleResult().getId(), step.getValue());
    }
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2033-06-09T09:00:00Z"))); // Thursday
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  @BeforeEach
  void at(Browser browser) {
    browser.at("http://localhost:" + port);
  }

  @Test
  @DisplayName("R4 R11 R16: a Highways manager sees Highways' on-time figures and overdue count on Cockpit's dashboard")
  void managerSeesFiguresInCockpit(Browser browser) {
    browser.signInOnTheWayTo("/camunda/app/cockpit/default/#/dashboard", "manager.highways");
    browser.waitUntil(d -> !d.findElements(By.id("timeliness-figures")).isEmpty(), Duration.ofSeconds(120));
    assertThat(browser.text(By.id("timeliness-period"))).contains("your departments").contains("95% on time");
    assertThat(browser.text(By.cssSelector("#timeliness-figures tbody tr[data-department='highways']")))
        .contains("Highways").contains("50.0%");
    assertThat(browser.driver().findElements(By.cssSelector("#timeliness-figures tbody tr[data-department='planning']")))
        .as("another department's figures (R11)").isEmpty();
    // Highways: received 2, acknowledged on time 1 of 2, answered: none due yet, overdue now 1.
    assertThat(browser.driver().findElements(By.cssSelector("#timeliness-figures tbody tr[data-department='highways'] td"))
        .stream().map(cell -> cell.getText()).toList())
        .containsExactly("2", "50.0%", "None due", "None due", "1");
    assertThat(browser.find(By.id("timeliness-dashboard-link")).getAttribute("href")).contains("/staff/timeliness?from=");
    Screenshots.save(browser, "cockpit-timeliness-manager-highways");
  }

  @Test
  @DisplayName("R11: the process owner uses Cockpit but is told the figures are not theirs to see")
  void processOwnerToldNotTheirs(Browser browser) {
    browser.signInOnTheWayTo("/camunda/app/cockpit/default/#/dashboard", "owner");
    browser.waitUntil(d -> !d.findElements(By.id("timeliness-unavailable")).isEmpty(), Duration.ofSeconds(120));
    assertThat(browser.text(By.id("timeliness-unavailable"))).contains("managers");
    assertThat(browser.driver().findElements(By.id("timeliness-figures"))).isEmpty();
  }

  String submit(String department) {
    return submission.submit(new Caller("cllr.lovelace", Set.of(Groups.MEMBERS)), new NewEnquiry("Street lights",
        "Out on Mill Lane.", Capacity.COUNTY_COUNCILLOR, "Mill Ward", department, "Ward surgery.", null, null, null),
        null).reference();
  }
}
