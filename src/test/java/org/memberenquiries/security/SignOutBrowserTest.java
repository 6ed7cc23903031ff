package org.memberenquiries.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.department.Departments;
import org.memberenquiries.testing.Browser;
import org.memberenquiries.testing.BrowserTest;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signing out signs out (issue 13): one sign-out ends the product's session and the webapps' together,
 * from either side, so the next person at a shared council PC sees a login page, not the officer's
 * queue. In headless Chromium, with Tasklist's own "Log out" button.
 */
@BrowserTest
@WebAppTest
class SignOutBrowserTest {

  static final By TASKLIST_LOG_OUT = By.cssSelector("li.logout a");

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;

  @BeforeEach
  void setUp(Browser browser) {
    TestUsers.seed(identity, departments);
    browser.at("http://localhost:" + port);
  }

  /** Signs in on the way to Tasklist and waits until Tasklist has loaded (it shows its Log out entry). */
  static String openTasklistAs(Browser browser, String officer) {
    browser.signInOnTheWayTo("/camunda/app/tasklist/", officer);
    browser.waitUntil(d -> !d.findElements(TASKLIST_LOG_OUT).isEmpty(), Duration.ofSeconds(60));
    assertThat(browser.path()).startsWith("/camunda/app/tasklist/");
    return browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
  }

  /** What the webapps' API answers to a request carrying this (old) session cookie. */
  int webappsApiStatusWith(Browser browser, String session) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(browser.base() + "/camunda/api/engine/engine/default/task/count"))
        .header("Cookie", "JSESSIONID=" + session).header("Accept", "application/json").GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** After signing out: Tasklist and the product's home both ask for a password. */
  static void assertSignedOut(Browser browser) {
    browser.open("/camunda/app/tasklist/");
    browser.waitUntil(d -> browser.path().equals("/login"), Duration.ofSeconds(30));
    assertThat(browser.driver().findElements(By.id("password"))).hasSize(1);
    browser.open("/");
    assertThat(browser.path()).isEqualTo("/login");
  }

  @Test
  @DisplayName("Tasklist's Log out ends the whole session: reopening Tasklist asks for a password, and the old session cookie opens nothing")
  void tasklistLogOutSignsOutOfTheProductToo(Browser browser) throws Exception {
    String session = openTasklistAs(browser, "officer.highways");
    assertThat(webappsApiStatusWith(browser, session)).isEqualTo(200);

    browser.click(By.cssSelector("li.account a.dropdown-toggle"));
    browser.click(TASKLIST_LOG_OUT);
    // Straight to the product's sign-in page, not the webapps' own login form (whose endpoint is refused).
    browser.waitUntil(d -> browser.path().equals("/login"), Duration.ofSeconds(30));
    assertThat(browser.text(By.cssSelector("p.notice"))).contains("You have signed out");

    assertSignedOut(browser);
    assertThat(webappsApiStatusWith(browser, session)).isNotEqualTo(200);
  }

  @Test
  @DisplayName("The product's Sign out ends Tasklist's session too")
  void productSignOutSignsOutOfTasklistToo(Browser browser) throws Exception {
    String session = openTasklistAs(browser, "officer.highways");

    // A product page staff can reach (here "Page not found") carries the product's Sign out button.
    browser.open("/no-such-page");
    browser.clickAndLoad(By.id("sign-out"));
    assertThat(browser.path()).isEqualTo("/login");
    assertThat(browser.text(By.cssSelector("p.notice"))).contains("You have signed out");

    assertSignedOut(browser);
    assertThat(webappsApiStatusWith(browser, session)).isNotEqualTo(200);
  }
}
