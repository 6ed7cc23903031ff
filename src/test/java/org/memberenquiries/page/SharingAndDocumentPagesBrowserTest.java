package org.memberenquiries.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the Members' API offers, on the Members' pages too, in headless Chromium: sharing an enquiry with
 * another Member (R11), and asking to inspect a document, reading the decision and disputing a refusal
 * (R12).
 */
@BrowserTest
@WebAppTest
class SharingAndDocumentPagesBrowserTest {

  /** Friday 20 November 2026, 11:00 GMT: a refusal now may be disputed until 5pm, Friday 4 December 2026 (R12). */
  static final Instant NOW = Instant.parse("2026-11-20T11:00:00Z");

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

  @Test
  @DisplayName("R11: the Member shares an enquiry with another Member on its page; it then lists both recipients and the other Member can open it")
  void shareAnEnquiry(Browser browser) {
    String subject = MemberPagesBrowserTest.unique("Gritting routes");
    NewEnquiry enquiry = new NewEnquiry(subject, "Which roads are gritted first?", Capacity.COUNTY_COUNCILLOR,
        "Mill Ward", "highways", "Ward newsletter.", null, null, null);
    String reference = submission.submit(new Caller("cllr.lovelace", Set.of(Groups.MEMBERS)), enquiry, null).reference();

    browser.signInOnTheWayTo("/enquiries/" + reference, "cllr.babbage");
    assertThat(browser.text(By.tagName("main"))).doesNotContain(subject);

    browser.signIn("cllr.lovelace");
    browser.open("/enquiries/" + reference);
    assertThat(browser.text(By.id("recipients"))).doesNotContain("cllr.babbage");
    browser.clickAndLoad(By.id("share"));
    assertThat(browser.title()).startsWith("Error: ");
    assertThat(browser.text(By.id("share-member-error"))).contains("Select the Member to share this enquiry with");

    new Select(browser.find(By.id("share-member"))).selectByValue("cllr.babbage");
    browser.clickAndLoad(By.id("share"));
    assertThat(browser.path()).isEqualTo("/enquiries/" + reference);
    assertThat(browser.text(By.id("shared"))).contains("can now see this enquiry");
    assertThat(browser.text(By.id("recipients"))).contains("(cllr.lovelace)").contains("(cllr.babbage)");
    Screenshots.save(browser, "enquiry-shared");

    browser.signIn("cllr.babbage");
    browser.open("/enquiries/" + reference);
    assertThat(browser.text(By.id("subject"))).isEqualTo(subject);
    assertThat(browser.driver().findElements(By.id("share-form"))).as("only the requesting Member shares").isEmpty();
  }

  @Test
  @DisplayName("R12: the Member asks to inspect a confidential document with a justification, reads the refusal and its dispute deadline, and disputes it")
  void askForADocumentAndDisputeTheRefusal(Browser browser) {
    browser.signIn("cllr.lovelace");
    browser.open("/document-requests");
    browser.clickAndLoad(By.id("new-document-request"));
    assertThat(browser.title()).isEqualTo("Ask to inspect a document – Member Enquiries");

    browser.clickAndLoad(By.id("send-document-request"));
    assertThat(browser.text(By.id("error-summary"))).contains("Enter the document you want to inspect")
        .contains("Select why you need to know").contains("Enter what you will use the information for");

    String title = MemberPagesBrowserTest.unique("Street lighting maintenance contract");
    browser.type("documentTitle", title);
    browser.click(By.id("basis-2")); // local member
    browser.click(By.id("confidential"));
    browser.type("purpose", "Scrutiny committee.");
    browser.clickAndLoad(By.id("send-document-request"));
    assertThat(browser.text(By.id("justification-error"))).contains("needs a justification");
    Screenshots.save(browser, "document-request-form-error");

    browser.type("justification", "Residents of my division are affected by the contract's lighting hours.");
    browser.clickAndLoad(By.id("send-document-request"));
    String reference = browser.text(By.id("confirmation-reference"));
    assertThat(reference).matches("DR-\\d{6}");
    assertThat(browser.text(By.id("state"))).isEqualTo("Awaiting decision");
    assertThat(browser.text(By.id("basis"))).isEqualTo("Local member");
    assertThat(browser.text(By.id("confidential"))).isEqualTo("Yes");

    Task decide = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("DecideRequest")
        .singleResult();
    tasks.complete(decide.getId(), Map.of("decision", "REFUSED", "decisionReasons", "Commercially sensitive pricing."));

    browser.open("/document-requests/" + reference);
    assertThat(browser.text(By.id("state"))).isEqualTo("Refused: you may dispute this");
    assertThat(browser.text(By.id("chief-officer-reasons"))).isEqualTo("Commercially sensitive pricing.");
    assertThat(browser.text(By.id("dispute-by"))).isEqualTo("5pm, Friday 4 December 2026");
    Screenshots.save(browser, "document-request-refused");

    browser.clickAndLoad(By.id("send-dispute"));
    assertThat(browser.text(By.id("grounds-error"))).contains("Enter why you dispute the decision");
    browser.type("grounds", "The pricing is not what I need; the lighting hours are.");
    browser.clickAndLoad(By.id("send-dispute"));
    assertThat(browser.text(By.id("dispute-sent"))).contains("Your dispute has been sent");
    assertThat(browser.text(By.id("state"))).isEqualTo("Disputed: with the chief executive");
    assertThat(browser.driver().findElements(By.id("dispute-form"))).isEmpty();

    browser.clickAndLoad(By.linkText("Back to your document requests"));
    assertThat(browser.text(By.cssSelector("tr[data-reference='" + reference + "']")))
        .contains(title).contains("Disputed");
  }
}
