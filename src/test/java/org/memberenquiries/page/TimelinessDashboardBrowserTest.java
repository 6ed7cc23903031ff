package org.memberenquiries.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.department.Departments;
import org.memberenquiries.enquiry.EnquirySubmission;
import org.memberenquiries.enquiry.NewEnquiry;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.testing.Accessibility;
import org.memberenquiries.testing.Browser;
import org.memberenquiries.testing.BrowserTest;
import org.memberenquiries.testing.Screenshots;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9 item 3 (R16): the timeliness dashboard in headless Chromium, on enquiries received in two weeks of
 * March 2032 (the engine's clock; no other test uses that year). Week of Monday 1 March: three Highways
 * enquiries, one answered in full the day it came, and one Planning enquiry, never answered; week of Monday 8
 * March: one Highways enquiry answered the day it came. It is then Monday 5 April 2032, past every response
 * deadline (10 working days, R5), so Highways answered 1 of 3 on time in the first week (33.3%) and 1 of 1 in
 * the second (100%), Planning 0 of 1; three enquiries (two Highways, one Planning) are overdue.
 */
@BrowserTest
@WebAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelinessDashboardBrowserTest {

  static final String PAGE = "/staff/timeliness?from=2032-03-01&to=2032-03-14";
  /** The Highways line's colour in the chart (timeliness-chart.js: the first department's). */
  static final int[] HIGHWAYS_BLUE = {0x00, 0x72, 0xB2};

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired EnquirySubmission submission;
  @Autowired TaskService tasks;

  final List<String> overdue = new ArrayList<>();

  @BeforeAll
  void twoWeeks() {
    TestUsers.seed(identity, departments);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2032-03-01T10:00:00Z"))); // Monday
    answered("highways");
    overdue.add(submit("highways"));
    overdue.add(submit("highways"));
    overdue.add(submit("planning"));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2032-03-08T10:00:00Z"))); // the next Monday
    answered("highways");
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2032-04-05T10:00:00Z")));
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
  @DisplayName("R5 R16: a director sees the headline against the target, the figures by department, the weekly chart drawn with data, and the overdue list")
  void directorSeesTheDashboard(Browser browser) throws Exception {
    browser.signInOnTheWayTo(PAGE, "director");
    assertThat(browser.title()).startsWith("Timeliness of Member enquiries");
    assertThat(browser.text(By.id("headline-responded"))).contains("Answered within 10 working days (R5)")
        .contains("40.0%").contains("2 of 5").contains("Below target");
    assertThat(browser.text(By.id("headline-heading"))).contains("95%");
    assertThat(browser.text(By.cssSelector("#departments tr[data-department='highways']")))
        .contains("Highways").contains("4").contains("50.0% (2 of 4)");
    assertThat(browser.text(By.cssSelector("#departments tr[data-department='planning']"))).contains("0.0% (0 of 1)");
    // The chart's table: one line a week, one column a department (every department, for a director).
    assertThat(browser.text(By.cssSelector("#weekly tr[data-week='2032-03-01']"))).contains("33.3% (1 of 3)").contains("0.0% (0 of 1)");
    assertThat(browser.text(By.cssSelector("#weekly tr[data-week='2032-03-08']"))).contains("100.0% (1 of 1)");
    // The overdue list: the three, without the case's texts or Member; a director may not open the cases (R11).
    List<String> references = browser.driver().findElements(By.cssSelector("#overdue tbody tr")).stream()
        .map(row -> row.getAttribute("data-reference")).toList();
    assertThat(references).containsExactlyInAnyOrderElementsOf(overdue);
    assertThat(browser.driver().findElements(By.cssSelector("#overdue a"))).isEmpty();
    assertThat(browser.text(By.id("overdue"))).contains("Acknowledgement").doesNotContain("Street lights", "Lovelace");

    chartDrewWithData(browser);
  }

  /** The canvas's plot area, in the screenshot, holds the Highways line: many pixels of its colour. */
  void chartDrewWithData(Browser browser) throws Exception {
    browser.waitUntil(d -> Boolean.TRUE.equals(browser.script(
        "return !!(window.Chart && Chart.getChart(document.getElementById('weekly-chart')));")));
    WebElement canvas = browser.find(By.id("weekly-chart"));
    browser.script("arguments[0].scrollIntoView({block: 'center'});", canvas);
    @SuppressWarnings("unchecked")
    Map<String, Object> area = (Map<String, Object>) browser.script(
        "const c = document.getElementById('weekly-chart'); const r = c.getBoundingClientRect();"
            + " const a = Chart.getChart(c).chartArea;"
            + " return {left: r.left + a.left, top: r.top + a.top, right: r.left + a.right, bottom: r.top + a.bottom,"
            + " ratio: window.devicePixelRatio};");
    byte[] png = ((org.openqa.selenium.TakesScreenshot) browser.driver()).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
    Path file = Path.of("target", "screenshots", "timeliness-dashboard-chart.png");
    Files.createDirectories(file.getParent());
    Files.write(file, png);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    double ratio = ((Number) area.get("ratio")).doubleValue();
    int left = (int) (((Number) area.get("left")).doubleValue() * ratio);
    int top = (int) (((Number) area.get("top")).doubleValue() * ratio);
    int right = (int) Math.min(image.getWidth(), ((Number) area.get("right")).doubleValue() * ratio);
    int bottom = (int) Math.min(image.getHeight(), ((Number) area.get("bottom")).doubleValue() * ratio);
    assertThat(right - left).as("the plot area's width").isGreaterThan(200);
    int line = 0;
    for (int x = Math.max(0, left); x < right; x++) {
      for (int y = Math.max(0, top); y < bottom; y++) {
        int rgb = image.getRGB(x, y);
        if (near(rgb, HIGHWAYS_BLUE)) {
          line++;
        }
      }
    }
    assertThat(line).as("pixels of the Highways line in the plot area of " + file).isGreaterThan(150);
  }

  static boolean near(int rgb, int[] colour) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    return Math.abs(r - colour[0]) < 40 && Math.abs(g - colour[1]) < 40 && Math.abs(b - colour[2]) < 40;
  }

  @Test
  @DisplayName("R11: a Highways manager sees Highways only, and drills down from the overdue list to the case")
  void managerDrillsDown(Browser browser) {
    browser.signInOnTheWayTo(PAGE, "manager.highways");
    assertThat(browser.driver().findElements(By.cssSelector("#departments tbody tr"))).hasSize(1);
    assertThat(browser.text(By.id("period"))).contains("in your departments");
    assertThat(browser.driver().findElements(By.cssSelector("#weekly thead th[data-department]"))).hasSize(1);
    String reference = overdue.get(0);
    browser.clickAndLoad(By.linkText(reference));
    assertThat(browser.path()).isEqualTo("/staff/enquiries");
    assertThat(browser.text(By.cssSelector("#enquiries tr[data-reference='" + reference + "']"))).contains("Street lights");
  }

  @Test
  @DisplayName("A bad range is a 400 page that says what is wrong with which date, never a 5xx")
  void badRangeExplained(Browser browser) {
    browser.signInOnTheWayTo("/staff/timeliness?from=2032-02-30&to=2032-03-14", "support");
    assertThat(browser.text(By.id("error-summary"))).contains("Enter the start date as a real date");
    assertThat(browser.text(By.id("from-error"))).contains("Enter the start date as a real date");
    assertThat(browser.request("GET", "/staff/timeliness?from=2032-02-30", null).statusCode()).isEqualTo(400);
    browser.open("/staff/timeliness?from=2032-03-14&to=2032-03-01");
    assertThat(browser.text(By.id("to-error"))).contains("The end date must be the same as or after the start date");
    browser.open("/staff/timeliness?from=2030-01-01&to=2032-03-01");
    assertThat(browser.text(By.id("to-error"))).contains("at most 366 days");
    assertThat(browser.request("GET", "/staff/timeliness/overdue.csv?from=nonsense", null).statusCode()).isEqualTo(400);
  }

  @Test
  @DisplayName("Every table downloads as CSV with the page's figures")
  void csvDownloads(Browser browser) {
    browser.signInOnTheWayTo(PAGE, "support");
    HttpResponse<String> departmentsCsv = browser.request("GET", browser.find(By.id("csv-departments")).getAttribute("href")
        .replace(browser.base(), ""), null);
    assertThat(departmentsCsv.statusCode()).isEqualTo(200);
    assertThat(departmentsCsv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(departmentsCsv.body()).contains("percentRespondedOnTime").contains("highways,Highways");
    HttpResponse<String> weekly = browser.request("GET", "/staff/timeliness/weekly.csv?from=2032-03-01&to=2032-03-14", null);
    assertThat(weekly.body().split("\r\n")[0]).startsWith("weekStart,weekEnd,").contains("highways_percentRespondedOnTime");
    assertThat(weekly.body()).contains("2032-03-01,2032-03-07").contains("2032-03-08,2032-03-14");
    HttpResponse<String> overdueCsv = browser.request("GET", "/staff/timeliness/overdue.csv?from=2032-03-01&to=2032-03-14", null);
    for (String reference : overdue) {
      assertThat(overdueCsv.body()).contains(reference);
    }
  }

  @ParameterizedTest(name = "at {0} px wide")
  @ValueSource(ints = {1280, 390})
  @DisplayName("The dashboard has no serious or critical accessibility violations (axe-core)")
  void accessible(int width, Browser browser) {
    Dimension size = browser.driver().manage().window().getSize();
    browser.driver().manage().window().setSize(new Dimension(width, 900));
    try {
      browser.signInOnTheWayTo(PAGE, "monitoring");
      browser.find(By.id("weekly-chart"));
      assertThat(Accessibility.seriousViolations(browser)).isEmpty();
      Screenshots.save(browser, "timeliness-dashboard-" + width);
      browser.open("/staff/timeliness?from=2032-02-30");
      assertThat(Accessibility.seriousViolations(browser)).isEmpty();
    } finally {
      browser.driver().manage().window().setSize(size);
    }
  }

  void answered(String department) {
    String reference = submit(department);
    for (Map.Entry<String, Map<String, Object>> step : List.of(
        Map.entry("TriageEnquiry", Map.<String, Object>of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR")),
        Map.entry("AcknowledgeEnquiry", Map.<String, Object>of("acknowledgementText", "Received.")),
        Map.entry("RespondToEnquiry", Map.<String, Object>of("responseType", "FULL", "responseText", "Fixed.")))) {
      tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(reference)
          .taskDefinitionKey(step.getKey()).singleResult().getId(), step.getValue());
    }
  }

  String submit(String department) {
    return submission.submit(new Caller("cllr.lovelace", Set.of(Groups.MEMBERS)), new NewEnquiry("Street lights",
        "Out on Mill Lane.", Capacity.COUNTY_COUNCILLOR, "Mill Ward", department, "Ward surgery.", null, null, null),
        null).reference();
  }
}
