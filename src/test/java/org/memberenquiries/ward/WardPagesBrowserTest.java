package org.memberenquiries.ward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.memberenquiries.department.Departments;
import org.memberenquiries.security.Caller;
import org.memberenquiries.testing.Accessibility;
import org.memberenquiries.testing.Browser;
import org.memberenquiries.testing.BrowserTest;
import org.memberenquiries.testing.Screenshots;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * R14's pages in Chromium, on a desktop (1280 px) and a phone (390 px): a Member's events in their
 * wards, the officers' list, form (with every error showing) and event page, the reason withheld as the
 * monitoring officer reads it, and the administrators' register; no serious or critical axe-core violation.
 */
@BrowserTest
@WebAppTest
class WardPagesBrowserTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired WardRegister register;
  @Autowired WardEvents events;
  @Autowired WardEventNotices notices;

  @BeforeEach
  void setUp(Browser browser) {
    TestUsers.seed(identity, departments);
    register.importCsv("ward,member\nMill Ward,cllr.lovelace\nCastle Ward,cllr.babbage\n");
    browser.at("http://localhost:" + port);
  }

  @ParameterizedTest(name = "at {0} px wide")
  @ValueSource(ints = {1280, 390})
  @DisplayName("R14: the ward event pages show the right events to each role, with no serious accessibility violation")
  void wardPages(int width, Browser browser) {
    Caller officer = new Caller("officer.highways", Set.of("highways-officers"));
    LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1);
    String title = "Mill Lane resurfacing " + width;
    WardEvent told = events.record(officer, new NewWardEvent(EventKind.WORKS, title,
        "Closed from 8am to 6pm.\nDiversion by Church Street.", tomorrow, List.of("Mill Ward"), null, null));
    WardEvent withheld = events.record(officer, new NewWardEvent(EventKind.DECISION, "Depot sale " + width,
        "Cabinet decides.", tomorrow.plusDays(30), List.of("Castle Ward"), WithholdingBasis.CONTRACTUAL,
        "Commercially sensitive until exchange."));
    notices.tellDue();

    Dimension size = browser.driver().manage().window().getSize();
    browser.driver().manage().window().setSize(new Dimension(width, 900));
    try {
      List<String> violations = new ArrayList<>();
      browser.signIn("cllr.lovelace");
      check(browser, "/wards", violations);
      assertThat(browser.text(By.id("ward-events"))).contains(title).contains("Diversion by Church Street");
      assertThat(browser.text(By.id("main-content"))).doesNotContain("Depot sale");
      Screenshots.save(browser, "ward-events-member-" + width);

      browser.signIn("officer.highways");
      check(browser, "/staff/ward-events", violations);
      check(browser, "/staff/ward-events/" + told.reference(), violations);
      assertThat(browser.text(By.id("told"))).contains("cllr.lovelace");
      check(browser, "/staff/ward-events/" + withheld.reference(), violations);
      assertThat(browser.text(By.id("withheld"))).doesNotContain("Commercially sensitive");
      check(browser, "/staff/ward-events/new", violations);
      browser.clickAndLoad(By.id("record")); // the form with every error showing
      violations.addAll(serious(browser, "/staff/ward-events/new with errors"));
      Screenshots.save(browser, "ward-event-form-errors-" + width);

      browser.signIn("monitoring");
      check(browser, "/staff/ward-events/" + withheld.reference(), violations);
      assertThat(browser.text(By.id("withheld-reason"))).isEqualTo("Commercially sensitive until exchange.");

      browser.signIn("admin");
      check(browser, "/admin/wards", violations);
      Screenshots.save(browser, "ward-register-" + width);
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
