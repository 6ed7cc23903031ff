package org.memberenquiries.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.memberenquiries.department.Departments;
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
 * Issue 13 item 5: Cockpit works for those who may use it. Its Human Tasks page counts tasks per
 * candidate group with Camunda's task report, which needs READ on every task (Resources.TASK "*"):
 * granting that would show managers and the process owner every department's tasks (R11), so the page
 * is not offered (CockpitWithoutHumanTasks leaves it out of Cockpit). A manager and the process owner sign in,
 * find no "Human Tasks" in the menu, and going to its address shows no red permission error.
 */
@BrowserTest
@WebAppTest
class CockpitHumanTasksBrowserTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;

  @BeforeEach
  void setUp(Browser browser) {
    TestUsers.seed(identity, departments);
    browser.at("http://localhost:" + port);
  }

  /** Waits until Cockpit's Angular app has answered every request it made. */
  static void settled(Browser browser) {
    browser.waitUntil(d -> Boolean.TRUE.equals(browser.script(
        "const a = window.angular; if (!a) return false;"
            + " const i = a.element(document.body).injector(); if (!i) return false;"
            + " return i.get('$http').pendingRequests.length === 0 && !!document.querySelector('[cam-widget-header] .brand-name');")),
        Duration.ofSeconds(120));
  }

  static List<String> errors(Browser browser) {
    return browser.driver().findElements(By.cssSelector(".notifications .alert-danger, .alert.alert-danger, .alert-error"))
        .stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"manager.highways", "owner"})
  @DisplayName("R11 R16: a manager and the process owner use Cockpit with no red permission error: no Human Tasks page to open")
  void noPermissionError(String user, Browser browser) throws Exception {
    // The page's address, typed or bookmarked: no red error.
    browser.signInOnTheWayTo("/camunda/app/cockpit/", user);
    settled(browser);
    browser.open("/camunda/app/cockpit/default/#/tasks");
    browser.waitUntil(d -> String.valueOf(browser.script("return window.location.hash;")).startsWith("#/tasks"));
    settled(browser);
    Thread.sleep(1500); // not time-driving: a notification, were there one, follows the failed request's digest
    settled(browser);
    Screenshots.save(browser, "cockpit-tasks-page-" + user.replace('.', '-'));
    assertThat(errors(browser)).as("errors on #/tasks: " + browser.script(
        "const n = document.querySelector('[cam-widget-notifications], .notifications'); return n ? n.outerHTML : 'none';"))
        .isEmpty();

    browser.open("/camunda/app/cockpit/default/#/dashboard");
    settled(browser);
    assertThat(browser.driver().findElements(By.cssSelector("[cam-widget-header] a[href='#/tasks']")))
        .as("Human Tasks in Cockpit's menu").noneMatch(WebElement::isDisplayed);
    assertThat(errors(browser)).as("errors on the dashboard").isEmpty();
    Screenshots.save(browser, "cockpit-human-tasks-" + user.replace('.', '-'));
  }
}
