package org.memberenquiries.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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
 * Camunda's webapps carry the council's name (enquiries.council.name, "Anytown Borough Council" in
 * the tests) and no "migrate to Camunda 8" banner: this product is deliberately on Camunda 7.
 */
@BrowserTest
@WebAppTest
class WebappsBrandingBrowserTest {

  static final String COUNCIL = "Anytown Borough Council";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;

  @BeforeEach
  void setUp(Browser browser) {
    TestUsers.seed(identity, departments);
    browser.at("http://localhost:" + port);
  }

  @Test
  @DisplayName("Tasklist shows the council's name in its header and tab, and no Camunda 8 banner")
  void tasklistIsBranded(Browser browser) {
    browser.signInOnTheWayTo("/camunda/app/tasklist/", "officer.highways");
    browser.waitUntil(d -> d.findElement(By.tagName("body")).getText().contains("Highways and Transport: officers"),
        Duration.ofSeconds(60)); // the officer's queue (tasklist.TaskQueues)

    assertThat(browser.text(By.cssSelector("[cam-widget-header] .brand-name"))).isEqualTo(COUNCIL + " Tasklist");
    assertThat(browser.title()).isEqualTo(COUNCIL + " Tasklist");
    // Camunda renders the banner for every Community Edition; the product's user-styles.css hides it.
    List<WebElement> banners = browser.driver().findElements(By.cssSelector(".ce-eol-banner"));
    assertThat(banners).isNotEmpty();
    assertThat(banners).noneMatch(WebElement::isDisplayed);
    assertThat(browser.text(By.tagName("body"))).doesNotContain("Camunda 8");
    // No first-visit box pointing to Camunda's welcome page.
    assertThat(browser.driver().findElements(By.cssSelector(".first-login, [ng-if='showFirstLogin']")))
        .noneMatch(WebElement::isDisplayed);
    Screenshots.save(browser, "tasklist-branded");
  }

  @Test
  @DisplayName("every webapp's config.js names the council, keeps Camunda's own settings, and turns the welcome advert off; Cockpit too is branded")
  void everyWebappIsConfigured(Browser browser) {
    browser.signIn("admin");
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      HttpResponse<String> config = browser.request("GET", "/camunda/app/" + app + "/scripts/config.js", null);
      assertThat(config.statusCode()).as(app).isEqualTo(200);
      assertThat(config.headers().firstValue("Content-Type")).as(app).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
      assertThat(config.body()).as(app)
          .contains("\"vendor\":\"" + COUNCIL + "\"")
          .contains("disableWelcomeMessage: true");
    }
    assertThat(browser.request("GET", "/camunda/app/tasklist/scripts/config.js", null).body())
        .as("Camunda's own Tasklist settings stay").contains("claimTask");
    assertThat(browser.request("GET", "/camunda/app/tasklist/styles/user-styles.css", null).body()).contains(".ce-eol-banner");

    // Cockpit, as management sees it: the same name, no banner.
    browser.open("/camunda/app/cockpit/");
    browser.waitUntil(d -> (COUNCIL + " Cockpit").equals(browser.script(
        "const brand = document.querySelector('[cam-widget-header] .brand-name'); return brand && brand.textContent.trim();")),
        Duration.ofSeconds(60));
    assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner"))).isNotEmpty().noneMatch(WebElement::isDisplayed);
    Screenshots.save(browser, "cockpit-branded");
  }
}
