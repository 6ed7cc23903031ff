package org.memberenquiries.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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
 * An officer's queue in the real Tasklist, in Chromium: their department's queue only, the most urgent
 * task first, each row with the case's reference, subject and Member.
 */
@BrowserTest
@WebAppTest
class TaskQueuesBrowserTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired EnquirySubmission submission;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  @BeforeEach
  void setUp(Browser browser) {
    TestUsers.seed(identity, departments);
    browser.at("http://localhost:" + port);
  }

  @Test
  @DisplayName("R4 R16: the Children and Families officer's Tasklist opens on their queue, most urgent first, showing reference, subject and Member")
  void mostUrgentFirst(Browser browser) {
    Caller support = new Caller("support", Set.of(Groups.MEMBER_SUPPORT));
    // Logged on the Members' behalf: received Monday 9 November 2026 (acknowledgement owed 5pm, Tuesday
    // 10 November), then Thursday 5 November (owed 5pm, Friday 6 November): the later-logged is more urgent.
    String later = submission.submit(support, enquiry("School transport for Mill Lane", "2026-11-09T10:00:00Z"), null)
        .reference();
    String urgent = submission.submit(support, enquiry("Respite care waiting list", "2026-11-05T10:00:00Z"), null)
        .reference();

    browser.signInOnTheWayTo("/camunda/app/tasklist/", "officer.children-and-families");
    browser.waitUntil(d -> d.findElements(By.cssSelector(".tasks-list .task")).size() >= 2, Duration.ofSeconds(60));
    assertThat(browser.text(By.cssSelector("[cam-tasklist-filters]"))).contains("Children and Families: officers")
        .doesNotContain("Highways");
    assertThat(browser.driver().getCurrentUrl()).contains("sorting=");

    List<String> rows = browser.driver().findElements(By.cssSelector(".tasks-list .task")).stream()
        // textContent: Tasklist folds the third column away until "Show more" is clicked
        .map(row -> row.getAttribute("textContent")).map(text -> text.replaceAll("\\s+", " ")).toList();
    int first = indexOf(rows, urgent);
    int second = indexOf(rows, later);
    assertThat(first).as("the most urgent first in %s", rows).isGreaterThanOrEqualTo(0).isLessThan(second);
    assertThat(rows.get(first)).contains("Triage enquiry").contains("Respite care waiting list")
        .contains("Cllr Ada Lovelace");
    Screenshots.save(browser, "tasklist-queue");
  }

  @Test
  @DisplayName("R10 (issue 13 items 1, 2): Member Support's queue names the missed deadline in words, never its code")
  void memberSupportQueueReadsWithoutCodes(Browser browser) {
    String reference = "ME-Q" + System.nanoTime();
    // Recorded in January 2019, its task is the most urgent of the queue (first page, whatever else is in it).
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2019-01-07T10:00:00Z")));
    try {
      startEscalation(reference);
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    browser.signInOnTheWayTo("/camunda/app/tasklist/", "support");
    browser.waitUntil(d -> d.findElements(By.cssSelector(".tasks-list .task")).stream()
        .anyMatch(row -> row.getAttribute("textContent").contains(reference)), Duration.ofSeconds(60));
    String row = browser.driver().findElements(By.cssSelector(".tasks-list .task")).stream()
        .map(r -> r.getAttribute("textContent").replaceAll("\\s+", " ")).filter(text -> text.contains(reference))
        .findFirst().orElseThrow();
    assertThat(row).contains("Acknowledgement (R4)").doesNotContain("ACKNOWLEDGEMENT");
    Screenshots.save(browser, "tasklist-member-support-queue");
  }

  private void startEscalation(String reference) {
    runtime.startProcessInstanceByKey("enquiry-escalation", reference, new java.util.HashMap<>(java.util.Map.of(
        "missedDeadline", "ACKNOWLEDGEMENT", "missedDeadlineDue", java.util.Date.from(Instant.parse("2026-11-10T17:00:00Z")),
        "subject", "Bus shelter on Station Road", "memberName", "Cllr Ada Lovelace", "department", "highways",
        "capacity", "COUNTY_COUNCILLOR")));
  }

  private static int indexOf(List<String> rows, String reference) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).contains(reference)) {
        return i;
      }
    }
    return -1;
  }

  private static NewEnquiry enquiry(String subject, String receivedAt) {
    return new NewEnquiry(subject, "Residents have asked me.", Capacity.COUNTY_COUNCILLOR, "Mill Ward",
        "children-and-families", "Ward surgery.", null, "cllr.lovelace",
        Instant.parse(receivedAt).atOffset(java.time.ZoneOffset.UTC));
  }
}
