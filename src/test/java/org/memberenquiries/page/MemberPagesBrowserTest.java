package org.memberenquiries.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
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
import org.memberenquiries.department.Departments;
import org.memberenquiries.enquiry.EnquirySubmission;
import org.memberenquiries.enquiry.NewEnquiry;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.testing.Browser;
import org.memberenquiries.testing.BrowserTest;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.memberenquiries.testing.Accessibility;
import org.memberenquiries.testing.Screenshots;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Members' pages in headless Chromium, end to end over real HTTP: sign in, make an enquiry, follow
 * it, answer an officer's question (R3, R9); answers show their purpose (R13); another Member's
 * enquiry is not found (R11); a form without its CSRF token is refused. And the officer's side the
 * README promises: the enquiry's task in Tasklist, worked through the engine REST API.
 */
@BrowserTest
@WebAppTest
class MemberPagesBrowserTest {

  /** Friday 20 November 2026, 11:00 GMT: the acknowledgement (R4) is owed by 5pm on Monday 23 November. */
  static final Instant NOW = Instant.parse("2026-11-20T11:00:00Z");
  static final String ACKNOWLEDGE_BY = "5pm, Monday 23 November 2026";
  static final String PURPOSE = "To answer residents at Saturday's ward surgery.";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired TaskService tasks;
  @Autowired EnquirySubmission submission;

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

  /** An element's text with its white space (line breaks between blocks) as single spaces. */
  static String text(Browser browser, By by) {
    return browser.text(by).replaceAll("\\s+", " ").trim();
  }

  static String unique(String subject) {
    return subject + " " + Long.toString(System.nanoTime(), 36);
  }

  static void fillIn(Browser browser, String subject) {
    browser.type("subject", subject);
    browser.type("text", "Residents report the lights have been out for a week.");
    browser.click(By.id("capacity")); // the first capacity: county councillor for a constituent
    browser.type("ward", "Mill Ward");
    new Select(browser.find(By.id("department"))).selectByValue("highways");
    browser.type("purpose", PURPOSE);
  }

  /** The enquiry's row in "Your enquiries", or null. */
  static WebElement row(Browser browser, String reference) {
    List<WebElement> rows = browser.driver().findElements(By.cssSelector("tr[data-reference='" + reference + "']"));
    return rows.isEmpty() ? null : rows.get(0);
  }

  String submittedAs(String member, String subject) {
    NewEnquiry enquiry = new NewEnquiry(subject, "Residents report the lights have been out for a week.",
        Capacity.COUNTY_COUNCILLOR, "Mill Ward", "highways", PURPOSE, null, null, null);
    return submission.submit(new Caller(member, Set.of(Groups.MEMBERS)), enquiry, null).reference();
  }

  Task task(String reference, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key).singleResult();
  }

  @Test
  @DisplayName("R4 R16: a Member signs in, makes an enquiry, sees its reference, and finds it in their list as Received with its acknowledgement date")
  void makeAnEnquiry(Browser browser) {
    browser.signIn("cllr.lovelace");
    assertThat(browser.path()).isEqualTo("/enquiries");
    assertThat(browser.title()).isEqualTo("Your enquiries – Member Enquiries");

    browser.clickAndLoad(By.id("new-enquiry"));
    assertThat(browser.title()).isEqualTo("Make an enquiry – Member Enquiries");
    String subject = unique("Street lighting on Mill Lane");
    fillIn(browser, subject);
    browser.clickAndLoad(By.id("send-enquiry"));

    browser.waitUntil(d -> browser.path().matches("/enquiries/ME-\\d{6}"));
    String reference = browser.text(By.id("confirmation-reference"));
    assertThat(browser.path()).isEqualTo("/enquiries/" + reference);
    assertThat(browser.text(By.id("confirmation"))).contains("Enquiry sent").contains(reference);
    assertThat(browser.text(By.id("subject"))).isEqualTo(subject);
    assertThat(browser.text(By.id("state"))).isEqualTo("Received");
    assertThat(browser.text(By.id("dates-owed"))).contains("Acknowledgement").contains(ACKNOWLEDGE_BY)
        .contains("Response (within 10 working days)").contains("5pm, Friday 4 December 2026");
    assertThat(browser.text(By.id("purpose"))).isEqualTo(PURPOSE);
    assertThat(browser.text(By.id("recipients"))).contains("Cllr Ada Lovelace");
    assertThat(browser.text(By.id("no-messages"))).isEqualTo("Nothing has been sent yet.");

    browser.clickAndLoad(By.linkText("Back to your enquiries"));
    WebElement row = row(browser, reference);
    assertThat(row).isNotNull();
    assertThat(row.getText().replaceAll("\\s+", " ")).contains(subject).contains("Received").contains("Acknowledgement by " + ACKNOWLEDGE_BY);

    // The state filter.
    new Select(browser.find(By.id("state"))).selectByValue("RECEIVED");
    browser.clickAndLoad(By.id("filter"));
    browser.waitUntil(d -> d.getCurrentUrl().contains("state=RECEIVED"));
    assertThat(row(browser, reference)).isNotNull();
    browser.open("/enquiries?state=ANSWERED");
    assertThat(row(browser, reference)).isNull();
  }

  @Test
  @DisplayName("The form checks its fields like the API, with an error summary linking to each; sending the same rendered form again makes no second enquiry")
  void validationAndResubmission(Browser browser) {
    browser.signIn("cllr.lovelace");
    browser.open("/enquiries/new");
    browser.clickAndLoad(By.id("send-enquiry"));

    WebElement summary = browser.find(By.id("error-summary"));
    assertThat(browser.title()).isEqualTo("Error: Make an enquiry – Member Enquiries");
    assertThat(browser.find(By.id("enquiry-form"))).isNotNull();
    assertThat(summary.getText()).contains("There is a problem");
    List<String> links = summary.findElements(By.tagName("a")).stream()
        .map(link -> URI.create(link.getAttribute("href")).getFragment()).toList();
    assertThat(links).containsExactly("subject", "text", "capacity", "ward", "department", "purpose");
    for (String field : links) {
      assertThat(browser.driver().findElements(By.id(field))).as("the field an error links to").hasSize(1);
    }
    assertThat(text(browser, By.id("subject-error"))).isEqualTo("Error: Enter a subject");
    assertThat(text(browser, By.id("capacity-error"))).isEqualTo("Error: Select the capacity you are asking in");
    assertThat(text(browser, By.id("purpose-error"))).isEqualTo("Error: Enter what you will use the information for");

    // Too long for NewEnquiry's limit; what was typed is kept.
    String subject = unique("Gritting routes");
    fillIn(browser, subject);
    browser.type("serviceRequestReference", "x".repeat(101));
    browser.clickAndLoad(By.id("send-enquiry"));
    assertThat(browser.text(By.id("error-summary")))
        .contains("The earlier service request reference must be 100 characters or fewer");
    assertThat(browser.find(By.id("subject")).getAttribute("value")).isEqualTo(subject);
    assertThat(browser.find(By.id("capacity")).isSelected()).isTrue();

    browser.type("serviceRequestReference", "HH-12345");
    Map<String, String> sent = browser.formData("enquiry-form");
    browser.clickAndLoad(By.id("send-enquiry"));
    assertThat(browser.path()).matches("/enquiries/ME-\\d{6}");
    String reference = browser.text(By.id("confirmation-reference"));

    // The same rendered form sent again (a double click, or back and send): the same enquiry, not a new one.
    browser.post("/enquiries", sent);
    assertThat(browser.path()).isEqualTo("/enquiries/" + reference);
    assertThat(browser.text(By.id("confirmation-reference"))).isEqualTo(reference);
    assertThat(browser.text(By.id("confirmation"))).contains("You already sent this enquiry");

    // The same rendered form with different answers is not silently taken as a new enquiry either.
    Map<String, String> changed = new HashMap<>(sent);
    changed.put("subject", subject + " (changed)");
    browser.post("/enquiries", changed);
    assertThat(browser.title()).startsWith("Error: Make an enquiry");
    assertThat(browser.text(By.id("error-summary"))).contains("You already sent this form as enquiry " + reference);
    assertThat(browser.find(By.id("already-sent")).getAttribute("href")).endsWith("/enquiries/" + reference);
    assertThat(browser.find(By.id("subject")).getAttribute("value")).isEqualTo(subject + " (changed)");
    assertThat(browser.find(By.id("idempotencyKey")).getAttribute("value")).isNotEqualTo(sent.get("idempotencyKey"));

    browser.open("/enquiries");
    long withSubject = browser.driver().findElements(By.cssSelector("#enquiries tbody tr")).stream()
        .filter(tr -> tr.getText().contains(subject)).count();
    assertThat(withSubject).isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(reference).count()).isEqualTo(1);
  }

  @Test
  @DisplayName("R4 R13: the officer finds the enquiry's task in Tasklist, triages and acknowledges it over the engine REST API; the Member sees the acknowledgement with its purpose")
  void officerAcknowledges(Browser browser) throws Exception {
    String subject = unique("Bus shelter on Station Road");
    String reference = submittedAs("cllr.lovelace", subject);
    Task triage = task(reference, "TriageEnquiry");

    // The officer, in a fresh session, opens Tasklist (an Angular app: give it time).
    browser.signInOnTheWayTo("/camunda/app/tasklist/", "officer.highways");
    browser.waitUntil(d -> d.findElement(By.tagName("body")).getText().contains("Triage enquiry"), Duration.ofSeconds(60));
    browser.open("/camunda/app/tasklist/default/#/?task=" + triage.getId());
    browser.waitUntil(d -> Boolean.TRUE.equals(browser.script(
        "return Array.from(document.querySelectorAll('input, textarea')).some(f => f.value === arguments[0]);", subject)),
        Duration.ofSeconds(60));

    // Triage and acknowledge as that officer through the engine REST API (HTTP Basic).
    EngineRest rest = new EngineRest(browser.base(), "officer.highways");
    String triageId = rest.task(reference, "TriageEnquiry");
    assertThat(triageId).isEqualTo(triage.getId());
    assertThat(rest.complete(triageId, Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR"))).isEqualTo(204);
    String acknowledge = rest.task(reference, "AcknowledgeEnquiry");
    assertThat(rest.complete(acknowledge, Map.of("acknowledgementText", "Thank you, we are looking into the shelter.")))
        .isEqualTo(204);
    // Another department's officer does not see it; a Member may not use the engine REST API at all.
    assertThat(new EngineRest(browser.base(), "officer.planning").task(reference, "RespondToEnquiry")).isNull();
    assertThat(new EngineRest(browser.base(), "cllr.lovelace").status("/task")).isEqualTo(403);

    browser.signIn("cllr.lovelace");
    browser.open("/enquiries/" + reference);
    assertThat(browser.text(By.id("state"))).isEqualTo("Acknowledged");
    WebElement acknowledgement = browser.find(By.cssSelector("#messages li[data-kind='ACKNOWLEDGEMENT']"));
    assertThat(acknowledgement.getText()).contains("Acknowledgement")
        .contains("Thank you, we are looking into the shelter.")
        .contains("Sent 11am, Friday 20 November 2026")
        .contains("From Officer Highways and Transport, Highways and Transport officers") // R15
        .contains("Purpose: " + PURPOSE);
    assertThat(browser.text(By.id("dates-owed"))).contains("Sent 11am, Friday 20 November 2026");
  }

  @Test
  @DisplayName("R3 R9: the Member answers the officer's question about their capacity on the page; the enquiry goes back to officers")
  void answerAQuestion(Browser browser) {
    String reference = submittedAs("cllr.lovelace", unique("Library opening hours"));
    tasks.complete(task(reference, "TriageEnquiry").getId(), Map.of("requestKind", "QUESTION", "capacity", "UNCLEAR",
        "clarificationQuestion", "Do you ask as local councillor or as committee chair?"));
    tasks.complete(task(reference, "AcknowledgeEnquiry").getId(), Map.of("acknowledgementText", "Received, thank you."));

    browser.signIn("cllr.lovelace");
    browser.open("/enquiries/" + reference);
    assertThat(browser.text(By.id("state"))).isEqualTo("Waiting for your reply");
    assertThat(browser.text(By.id("question-text"))).isEqualTo("Do you ask as local councillor or as committee chair?");
    assertThat(browser.text(By.id("reply-due-by"))).isEqualTo("5pm, Friday 4 December 2026");
    assertThat(browser.find(By.id("clock-stopped-now")).isDisplayed()).isTrue();
    assertThat(browser.find(By.cssSelector("#open-question fieldset legend")).getText())
        .isEqualTo("In what capacity are you asking?");
    Map<String, String> token = browser.formData("reply-form");

    // Nothing chosen, nothing written: both are asked for, inline and in the summary.
    browser.clickAndLoad(By.id("send-reply"));
    String summary = browser.text(By.id("error-summary"));
    assertThat(browser.title()).startsWith("Error: " + reference);
    assertThat(summary).contains("Select the capacity you are asking in").contains("Enter your reply");
    assertThat(text(browser, By.id("capacity-error"))).isEqualTo("Error: Select the capacity you are asking in");
    assertThat(text(browser, By.id("reply-error"))).isEqualTo("Error: Enter your reply");

    browser.click(By.cssSelector("input[name='capacity'][value='CABINET_OR_COMMITTEE_MEMBER']"));
    browser.type("reply", "As chair of the communities committee.");
    browser.clickAndLoad(By.id("send-reply"));

    assertThat(text(browser, By.id("reply-sent"))).contains("Your reply has been sent");
    assertThat(browser.text(By.id("state"))).isEqualTo("Acknowledged");
    assertThat(browser.text(By.id("capacity-given"))).isEqualTo("Cabinet or committee member");
    assertThat(browser.driver().findElements(By.id("open-question"))).isEmpty();
    assertThat(browser.find(By.cssSelector("#messages li[data-kind='MEMBER_REPLY']")).getText())
        .contains("Your reply").contains("As chair of the communities committee.");
    assertThat(task(reference, "RespondToEnquiry")).isNotNull();

    // A second reply: nothing is waiting for one now (409, said plainly).
    Map<String, String> again = new HashMap<>(token);
    again.put("reply", "Again.");
    again.put("capacity", "COUNTY_COUNCILLOR");
    HttpResponse<String> conflict = browser.request("POST", "/enquiries/" + reference + "/reply", again);
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.body()).contains("This enquiry is not waiting for a reply from you");
  }

  @Test
  @DisplayName("R11: another Member's enquiry is 'Page not found', like an unknown one; a form without its CSRF token is refused")
  void privacyAndCsrf(Browser browser) throws Exception {
    String reference = submittedAs("cllr.lovelace", unique("Planning application on Elm Street"));

    browser.signIn("cllr.babbage");
    browser.open("/enquiries/" + reference);
    assertThat(browser.title()).isEqualTo("Page not found – Member Enquiries");
    String probe = browser.text(By.id("main-content"));
    assertThat(probe).doesNotContain(reference).doesNotContain("Elm Street");
    assertThat(browser.request("GET", "/enquiries/" + reference, null).statusCode()).isEqualTo(404);
    browser.open("/enquiries/ME-999999");
    assertThat(browser.text(By.id("main-content"))).isEqualTo(probe);
    assertThat(browser.request("GET", "/enquiries/ME-999999", null).statusCode()).isEqualTo(404);
    browser.open("/enquiries");
    assertThat(row(browser, reference)).isNull();
    // An address nothing answers to is the same page for a browser, and still a problem detail for an API client.
    browser.open("/enquiries/" + reference + "/nothing-here");
    assertThat(browser.title()).isEqualTo("Page not found – Member Enquiries");
    HttpResponse<String> apiClient = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(browser.base() + "/api/nothing-here")).header("Accept", "text/html,*/*")
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                ("cllr.babbage:" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(apiClient.statusCode()).isEqualTo(404);
    assertThat(apiClient.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

    // A form posted without its CSRF token.
    browser.open("/enquiries/new");
    String subject = unique("Without a token");
    fillIn(browser, subject);
    browser.script("document.querySelector(\"#enquiry-form input[name='_csrf']\").remove();");
    browser.clickAndLoad(By.id("send-enquiry"));
    browser.waitUntil(d -> d.getTitle().startsWith("You cannot do that"));
    assertThat(browser.find(By.id("main-content")).getAttribute("data-status")).isEqualTo("403");
    HttpResponse<String> refused = browser.request("POST", "/enquiries", Map.of("subject", subject, "text", "x",
        "capacity", "COUNTY_COUNCILLOR", "ward", "Mill Ward", "department", "highways", "purpose", "x",
        "idempotencyKey", "no-token"));
    assertThat(refused.statusCode()).isEqualTo(403);
    browser.open("/enquiries");
    assertThat(browser.text(By.tagName("main"))).doesNotContain(subject);
  }

  @Test
  @DisplayName("R16 small screens: at 390 px the list of enquiries fits the screen (no sideways scrolling) and stays a table")
  void listFitsASmallScreen(Browser browser) throws Exception {
    submittedAs("cllr.babbage", unique("Street lighting on Mill Lane and the footpath to the primary school"));
    submittedAs("cllr.babbage", unique("Pothole"));
    String reference = submittedAs("cllr.babbage", unique("Overgrown hedges blocking the pavement on Station Road"));

    browser.signIn("cllr.babbage");
    Dimension before = browser.driver().manage().window().getSize();
    try {
      browser.driver().manage().window().setSize(new Dimension(390, 844));
      browser.open("/enquiries");
      assertThat(((Number) browser.script("return window.innerWidth;")).intValue()).isEqualTo(390);
      assertThat(browser.driver().findElements(By.cssSelector("#enquiries tbody tr"))).hasSizeGreaterThanOrEqualTo(3);

      long viewport = (Long) browser.script("return document.documentElement.clientWidth;");
      long page = (Long) browser.script("return document.documentElement.scrollWidth;");
      long table = (Long) browser.script("return Math.ceil(document.getElementById('enquiries').getBoundingClientRect().right);");
      assertThat(page).as("page width at 390 px").isLessThanOrEqualTo(viewport);
      assertThat(table).as("table's right edge at 390 px").isLessThanOrEqualTo(viewport);
      // Still a table for assistive technology: each cell is named by its column heading on screen too.
      WebElement row = row(browser, reference);
      assertThat(row.getText().replaceAll("\\s+", " ")).contains("Reference " + reference).contains("State Received");
      assertThat(browser.driver().findElements(By.cssSelector("#enquiries thead th[scope=col]"))).hasSize(4);
      assertThat(Accessibility.seriousViolations(browser)).as("axe-core at 390 px").isEmpty();
      Screenshots.save(browser, "enquiries-list-390px");
    } finally {
      browser.driver().manage().window().setSize(before);
    }
    browser.open("/enquiries");
    assertThat(Accessibility.seriousViolations(browser)).as("axe-core at 1280 px").isEmpty();
    // axe does look: an image without a text alternative is reported.
    browser.script("document.getElementById('main-content').appendChild(document.createElement('img'));");
    assertThat(Accessibility.seriousViolations(browser)).anyMatch(violation -> violation.startsWith("image-alt:"));
  }

  /** The engine REST API as an officer, over HTTP Basic. */
  static final class EngineRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    EngineRest(String base, String user) {
      this.base = base + "/engine-rest";
      this.authorization = "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** The id of the enquiry's open task with this key that the officer can see, or null. */
    String task(String reference, String key) throws Exception {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
              base + "/task?processInstanceBusinessKey=" + reference + "&taskDefinitionKey=" + key))
          .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.headers().map() + " " + response.body()).isEqualTo(200);
      JsonNode found = JSON.readTree(response.body());
      return found.isEmpty() ? null : found.get(0).get("id").asText();
    }

    int status(String path) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    int complete(String taskId, Map<String, Object> variables) throws Exception {
      Map<String, Object> typed = new HashMap<>();
      variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/task/" + taskId + "/complete"))
          .header("Authorization", authorization).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("variables", typed)))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
      return response.statusCode();
    }
  }
}
