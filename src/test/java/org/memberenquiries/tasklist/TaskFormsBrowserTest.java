package org.memberenquiries.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.clarification.MemberReplies;
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
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The officers' forms in the real Tasklist, in Chromium (issue 13 items 2 and 3): read without a code
 * book (labels, not codes; dates as people write them, not ISO), with the case, its purpose (R13) and
 * the question and reply (R9) on them; a refused completion says the rule's own message.
 */
@BrowserTest
@WebAppTest
class TaskFormsBrowserTest {

  /** Friday 20 November 2026, 11:00 GMT. */
  static final Instant NOW = Instant.parse("2026-11-20T11:00:00Z");
  static final String PURPOSE = "To answer residents at Saturday's ward surgery.";
  /** An ISO date or date-time as the engine writes it, e.g. 2026-12-07 or 2026-12-07T17:00:00. */
  static final String ISO_DATE = ".*\\d{4}-\\d{2}-\\d{2}.*";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired TaskService tasks;
  @Autowired EnquirySubmission submission;
  @Autowired MemberReplies replies;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired org.memberenquiries.document.DocumentRequests documentRequests;

  @BeforeEach
  void setUp(Browser browser) {
    TestUsers.seed(identity, departments);
    browser.at("http://localhost:" + port);
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("R3 R9 R13: the reopened Respond to enquiry shows reference, Member, capacity, enquiry, purpose, the question and the reply, with labels and dates as people write them, never a code or an ISO date")
  void respondAfterAQuestion(Browser browser) {
    // Received Thursday 19 November 2026, 10:00 GMT: acknowledgement owed 5pm, Friday 20 November.
    String reference = logged("Street lights on Mill Lane", Capacity.COUNTY_COUNCILLOR, "2026-11-19T10:00:00Z");
    tasks.complete(task(reference, "TriageEnquiry").getId(), Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR"));
    tasks.complete(task(reference, "AcknowledgeEnquiry").getId(),
        Map.of("acknowledgementText", "Received, thank you.", "acknowledgementChecked", true));
    tasks.complete(task(reference, "RespondToEnquiry").getId(), Map.of("responseType", "CLARIFICATION",
        "clarificationQuestion", "Which end of Mill Lane do you mean?"));
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofHours(3))));
    replies.reply(reference, "The north end, by the school.", null);

    String form = openForm(browser, reference, "RespondToEnquiry");
    assertThat(form)
        .contains(reference)
        .contains("Cllr Ada Lovelace")
        .contains("County councillor for a constituent")
        .contains("Highways and Transport")
        .contains(PURPOSE)
        .contains("Received 10am, Thursday 19 November 2026")
        .contains("acknowledgement by 5pm, Friday 20 November 2026")
        .contains("Question sent 11am, Friday 20 November 2026")
        .contains("Reply received 2pm, Friday 20 November 2026")
        .doesNotContain("COUNTY_COUNCILLOR")
        .doesNotContain("(highways)")
        .doesNotMatch("(?s)" + ISO_DATE);
    assertThat(fieldValue(browser, "questionToMember")).isEqualTo("Which end of Mill Lane do you mean?");
    assertThat(fieldValue(browser, "memberReply")).isEqualTo("The north end, by the school.");
    assertThat(fieldValue(browser, "purpose")).isEqualTo(PURPOSE);
    screenshot(browser, "tasklist-form-respond-after-question");
  }

  @Test
  @DisplayName("R3: a completion the server refuses shows the rule's own message in Tasklist, not its generic error nor the engine's wrapping")
  void refusalSaysTheRule(Browser browser) {
    String reference = logged("Care home inspection report", Capacity.GENERAL_OR_PERSONAL, "2026-11-19T10:00:00Z");
    tasks.complete(task(reference, "TriageEnquiry").getId(), Map.of("requestKind", "QUESTION", "capacity", "GENERAL_OR_PERSONAL"));
    tasks.complete(task(reference, "AcknowledgeEnquiry").getId(),
        Map.of("acknowledgementText", "Received, thank you.", "acknowledgementChecked", true));

    String form = openForm(browser, reference, "RespondToEnquiry");
    assertThat(form).contains("General interest or personal").doesNotContain("GENERAL_OR_PERSONAL");
    click(browser, By.xpath("//label[normalize-space()='Full response']"));
    type(browser, "responseText", "The report is attached.");
    click(browser, By.xpath(field("councillorOnly")));
    complete(browser);

    String notice = notification(browser);
    screenshot(browser, "tasklist-form-refused");
    assertThat(notice).contains("An error happened while submitting the task form")
        .contains("R3: this response is marked councillor-only, but the Member asks as 'General interest or personal'")
        .doesNotContain("ENGINE-").doesNotContain("Exception");
    assertThat(task(reference, "RespondToEnquiry")).as("still open").isNotNull();
  }

  @Test
  @DisplayName("R4: the suggested acknowledgement does not go with one click: unticked, Tasklist names what is missing")
  void acknowledgementIsConfirmed(Browser browser) {
    String reference = logged("Bus shelter on the High Street", Capacity.COUNTY_COUNCILLOR, "2026-11-19T10:00:00Z");
    tasks.complete(task(reference, "TriageEnquiry").getId(), Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR"));

    String form = openForm(browser, reference, "AcknowledgeEnquiry");
    assertThat(form).contains("I have read this acknowledgement").doesNotMatch("(?s)" + ISO_DATE);
    complete(browser);
    String notice = notification(browser);
    screenshot(browser, "tasklist-form-acknowledge-unticked");
    assertThat(notice).contains("\"I have read this acknowledgement and it is right to send to the Member (R4)\": Field is required.");
    assertThat(task(reference, "AcknowledgeEnquiry")).as("still open").isNotNull();

    click(browser, By.xpath(field("acknowledgementChecked")));
    complete(browser);
    browser.waitUntil(d -> task(reference, "AcknowledgeEnquiry") == null, Duration.ofSeconds(20));
  }

  @Test
  @DisplayName("R6: the estimated date's picker is in UK format (dd/mm/yyyy) and does not take a day in the past")
  void estimatedDateNotInThePast(Browser browser) {
    String reference = logged("Gritting routes", Capacity.COUNTY_COUNCILLOR, "2026-11-19T10:00:00Z");
    tasks.complete(task(reference, "TriageEnquiry").getId(), Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR"));
    tasks.complete(task(reference, "AcknowledgeEnquiry").getId(),
        Map.of("acknowledgementText", "Received, thank you.", "acknowledgementChecked", true));

    openForm(browser, reference, "RespondToEnquiry");
    click(browser, By.xpath("//label[normalize-space()='Holding response: the enquiry is complicated']"));
    By estimate = By.xpath("//input[@id=//label[contains(normalize-space(), 'Estimated date of the full response')]/@for]");
    WebElement date = browser.find(estimate);
    assertThat(date.getAttribute("placeholder")).as("UK order, whatever the browser's language").isEqualTo("dd/mm/yyyy");
    date.sendKeys("01/02/2020", org.openqa.selenium.Keys.TAB);
    assertThat(browser.find(estimate).getAttribute("value")).as("a past day is not taken").isNotEqualTo("01/02/2020");
    screenshot(browser, "tasklist-form-estimated-date");
    assertThat(formText(browser)).doesNotContain("01/02/2020");
  }

  @Test
  @DisplayName("Issue 13 item 2: every form of every process, opened in Tasklist by the role that works it, reads without a code or an ISO date")
  void everyFormReadsWithoutCodes(Browser browser) {
    String reference = logged("Potholes on Church Street", Capacity.COUNTY_COUNCILLOR, "2026-11-19T10:00:00Z");
    readable(browser, reference, "TriageEnquiry", "officer.highways");
    tasks.complete(task(reference, "TriageEnquiry").getId(), Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR"));
    readable(browser, reference, "AcknowledgeEnquiry", "officer.highways");
    tasks.complete(task(reference, "AcknowledgeEnquiry").getId(),
        Map.of("acknowledgementText", "Received, thank you.", "acknowledgementChecked", true));
    readable(browser, reference, "RespondToEnquiry", "officer.highways");
    tasks.complete(task(reference, "RespondToEnquiry").getId(), Map.of("responseType", "HOLDING", "responseText",
        "We are looking into it.", "holdingExplanation", "A survey is booked.", "estimatedFullResponseDate", "2026-12-10"));
    readable(browser, reference, "SendFullResponse", "officer.highways");
    tasks.complete(task(reference, "SendFullResponse").getId(), Map.of("fullResponseOutcome", "DELAYED",
        "delayReasons", "The contractor needs a road closure.", "revisedFullResponseDate", "2027-01-08"));
    readable(browser, reference, "SendFullResponseByRevisedDate", "officer.highways");
    management.executeJob(management.createJobQuery().processInstanceId(task(reference, "SendFullResponseByRevisedDate")
        .getProcessInstanceId()).activityId("ProgressUpdateDue").singleResult().getId());
    readable(browser, reference, "SendProgressUpdate", "officer.highways");
    tasks.complete(task(reference, "SendFullResponseByRevisedDate").getId(), Map.of("fullResponseOutcome", "BURDEN",
        "burdenReason", "Every street in the division."));
    readable(browser, reference, "DiscussBurden", "manager.highways");

    String referral = logged("A complaint about a bin crew", Capacity.COUNTY_COUNCILLOR, "2026-11-19T10:00:00Z");
    tasks.complete(task(referral, "TriageEnquiry").getId(),
        Map.of("requestKind", "COMPLAINT_FOR_CONSTITUENT", "capacity", "COUNTY_COUNCILLOR"));
    readable(browser, referral, "ReferElsewhere", "officer.highways");

    String escalation = "ME-E" + Long.toString(System.nanoTime(), 36);
    runtime.startProcessInstanceByKey("enquiry-escalation", escalation, new java.util.HashMap<>(Map.of(
        "missedDeadline", "RESPONSE", "missedDeadlineDue", Date.from(Instant.parse("2026-11-18T17:00:00Z")),
        "subject", "Bus shelter", "memberName", "Cllr Ada Lovelace", "department", "highways",
        "capacity", "COUNTY_COUNCILLOR")));
    readable(browser, escalation, "ResolveInformally", "support");
    tasks.complete(task(escalation, "ResolveInformally").getId(), Map.of("resolutionNotes", "Apologised.",
        "memberSatisfied", false, "referee", "monitoring-officer"));
    readable(browser, escalation, "DecideBreachOutcome", "monitoring");

    Caller lovelace = new Caller("cllr.lovelace", Set.of(Groups.MEMBERS));
    String document = documentRequests.request(lovelace, new org.memberenquiries.document.NewDocumentRequest(
        "Lighting contract", org.memberenquiries.document.Basis.COMMITTEE_MEMBER_FOR_SERVICE, true,
        "The committee reviews the contractor.", "Scrutiny at the transport committee."));
    readable(browser, document, "DecideRequest", "director");
    tasks.complete(task(document, "DecideRequest").getId(),
        Map.of("decision", "REFUSED", "decisionReasons", "Commercially sensitive pricing."));
    documentRequests.dispute(document, lovelace, "The committee cannot scrutinise without the prices.");
    readable(browser, document, "AdviseOnDispute", "monitoring");
    tasks.complete(task(document, "AdviseOnDispute").getId(), Map.of("legalAdvice", "Disclose in confidence."));
    readable(browser, document, "DecideDispute", "chief");
  }

  /** Opens the task's form as that user and checks it shows the reference and no code or ISO date. */
  private void readable(Browser browser, String reference, String taskKey, String user) {
    String form = openForm(browser, reference, taskKey, user);
    assertThat(form).as(taskKey).contains(reference)
        .doesNotContain("COUNTY_COUNCILLOR").doesNotContain("(highways)").doesNotContain("RESPONSE\n")
        .doesNotContain("COMMITTEE_MEMBER_FOR_SERVICE").doesNotMatch("(?s)" + ISO_DATE);
    screenshot(browser, "tasklist-form-every-" + taskKey);
  }

  /** Claims the task for the officer, opens it from their queue and returns the form's text once it has its values. */
  private String openForm(Browser browser, String reference, String taskKey) {
    return openForm(browser, reference, taskKey, "officer.highways");
  }

  private String openForm(Browser browser, String reference, String taskKey, String user) {
    Task task = task(reference, taskKey);
    tasks.claim(task.getId(), user);
    browser.signInOnTheWayTo("/camunda/app/tasklist/", user);
    try {
      // Straight to the task: in the whole suite the officer's queue holds other tests' older, more
      // urgent tasks, so this one may be beyond the list's first page.
      browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
      browser.waitUntil(d -> formText(browser).contains(reference), Duration.ofSeconds(60));
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot(browser, "tasklist-form-not-opened-" + taskKey);
      throw e;
    }
    return formText(browser);
  }

  private static String formText(Browser browser) {
    // Field values are not text: read them into it, as an officer reads them.
    Object text = browser.script("""
        const form = document.querySelector('.fjs-form');
        if (!form) return '';
        const values = [...form.querySelectorAll('input, textarea')].map(f => f.value).join('\\n');
        return form.innerText + '\\n' + values;""");
    return text == null ? "" : text.toString();
  }

  /** The input of a form field, found by its key (form-js gives each input an id ending in it). */
  private static String field(String key) {
    return "//*[contains(@class,'fjs-form')]//*[(self::input or self::textarea)"
        + " and substring(@id, string-length(@id) - " + (key.length() - 1) + ") = '" + key + "']";
  }

  /** Types into a form field until the form has taken the text (form-js renders the field anew as it appears). */
  private static void type(Browser browser, String key, String text) {
    browser.waitUntil(d -> {
      WebElement field = browser.find(By.xpath(field(key)));
      if (!text.equals(field.getAttribute("value"))) {
        browser.script("arguments[0].scrollIntoView({block: 'center'});", field);
        field.clear();
        field.sendKeys(text);
        field.sendKeys(org.openqa.selenium.Keys.TAB); // form-js takes a text on leaving the field
      }
      return text.equals(browser.find(By.xpath(field(key))).getAttribute("value"));
    }, Duration.ofSeconds(10));
  }

  private static String fieldValue(Browser browser, String key) {
    return browser.find(By.xpath(field(key))).getAttribute("value");
  }

  /** Clicks as the officer would after scrolling to it (Tasklist's footer may lie over the element). */
  private static void click(Browser browser, By by) {
    WebElement element = browser.find(by);
    browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
  }

  private static void complete(Browser browser) {
    click(browser, By.xpath("//button[normalize-space()='Complete']"));
  }

  /** A screenshot with the window tall enough for the whole form (Tasklist scrolls it inside the page). */
  static void screenshot(Browser browser, String name) {
    org.openqa.selenium.WebDriver.Window window = browser.driver().manage().window();
    org.openqa.selenium.Dimension size = window.getSize();
    Object height = browser.script("const f = document.querySelector('.fjs-form'); return f ? f.scrollHeight : 0;");
    window.setSize(new org.openqa.selenium.Dimension(size.getWidth(), ((Number) height).intValue() + 700));
    try {
      Screenshots.save(browser, name);
    } finally {
      window.setSize(size);
    }
  }

  private static String notification(Browser browser) {
    browser.waitUntil(d -> !d.findElements(By.cssSelector(".notifications .alert, .notifications-panel .alert")).isEmpty(),
        Duration.ofSeconds(60));
    browser.waitUntil(d -> !browser.text(By.cssSelector(".notifications .alert .message")).isBlank(), Duration.ofSeconds(10));
    return browser.text(By.cssSelector(".notifications .alert, .notifications-panel .alert")).replaceAll("\\s+", " ");
  }

  private Task task(String reference, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key).singleResult();
  }

  private String logged(String subject, Capacity capacity, String receivedAt) {
    Caller support = new Caller("support", Set.of(Groups.MEMBER_SUPPORT));
    return submission.submit(support, new NewEnquiry(subject + " " + Long.toString(System.nanoTime(), 36),
        "Residents have asked me.", capacity, "Mill Ward", "highways", PURPOSE, null, "cllr.lovelace",
        Instant.parse(receivedAt).atOffset(ZoneOffset.UTC)), null).reference();
  }
}
