package org.memberenquiries.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.department.Departments;
import org.memberenquiries.document.Basis;
import org.memberenquiries.document.DocumentRequests;
import org.memberenquiries.document.NewDocumentRequest;
import org.memberenquiries.enquiry.EnquirySubmission;
import org.memberenquiries.enquiry.NewEnquiry;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.testing.Accessibility;
import org.memberenquiries.testing.Browser;
import org.memberenquiries.testing.BrowserTest;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every Members' page, as a Member sees it on a desktop (1280 px) and on a phone (390 px), checked with
 * axe-core in Chromium: no serious or critical accessibility violation.
 */
@BrowserTest
@WebAppTest
class AccessibilityBrowserTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired EnquirySubmission submission;
  @Autowired DocumentRequests documentRequests;
  @Autowired TaskService tasks;

  @BeforeEach
  void setUp(Browser browser) {
    TestUsers.seed(identity, departments);
    browser.at("http://localhost:" + port);
  }

  @ParameterizedTest(name = "at {0} px wide")
  @ValueSource(ints = {1280, 390})
  @DisplayName("The Members' pages have no serious or critical accessibility violations (axe-core)")
  void noSeriousViolations(int width, Browser browser) {
    Caller lovelace = new Caller("cllr.lovelace", Set.of(Groups.MEMBERS));
    String enquiry = submission.submit(lovelace, new NewEnquiry("Street lighting on Mill Lane",
        "Residents report the lights have been out for a week.", Capacity.COUNTY_COUNCILLOR, "Mill Ward",
        "highways", "Ward surgery.", null, null, null), null).reference();
    // R15: an enquiry answered in full, so its page lists the signed letter
    String answered = submission.submit(lovelace, new NewEnquiry("Grit bins", "Where are the grit bins?",
        Capacity.COUNTY_COUNCILLOR, "Mill Ward", "highways", "Ward surgery.", null, null, null), null).reference();
    for (Map.Entry<String, Map<String, Object>> step : List.of(
        Map.entry("TriageEnquiry", Map.<String, Object>of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR")),
        Map.entry("AcknowledgeEnquiry", Map.<String, Object>of("acknowledgementText", "Received.")),
        Map.entry("RespondToEnquiry", Map.<String, Object>of("responseType", "FULL", "responseText", "At the corner.")))) {
      tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(answered)
          .taskDefinitionKey(step.getKey()).singleResult().getId(), step.getValue());
    }
    String document = documentRequests.request(lovelace, new NewDocumentRequest("Lighting contract",
        Basis.LOCAL_MEMBER, false, null, "Scrutiny."));

    Dimension size = browser.driver().manage().window().getSize();
    browser.driver().manage().window().setSize(new Dimension(width, 900));
    try {
      List<String> violations = new ArrayList<>();
      browser.freshSession();
      check(browser, "/login", violations);
      browser.signIn("cllr.lovelace");
      for (String page : List.of("/enquiries", "/enquiries/new", "/enquiries/" + enquiry, "/enquiries/" + answered,
          "/document-requests",
          "/document-requests/new", "/document-requests/" + document, "/enquiries/email")) {
        check(browser, page, violations);
      }
      browser.open("/enquiries/new");
      browser.clickAndLoad(By.id("send-enquiry")); // the form with every error showing
      violations.addAll(serious(browser, "/enquiries/new with errors"));
      browser.open("/document-requests/new");
      browser.clickAndLoad(By.id("send-document-request"));
      violations.addAll(serious(browser, "/document-requests/new with errors"));
      assertThat(violations).isEmpty();
    } finally {
      browser.driver().manage().window().setSize(size);
    }
  }

  private static void check(Browser browser, String path, List<String> violations) {
    browser.open(path);
    violations.addAll(serious(browser, path));
  }

  private static List<String> serious(Browser browser, String page) {
    return Accessibility.seriousViolations(browser).stream().map(violation -> page + ": " + violation).toList();
  }
}
