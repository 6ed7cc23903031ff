package org.memberenquiries.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, for the page tests. Nothing is downloaded:
 * the driver and browser are given explicitly, so Selenium Manager is never asked. When either is
 * missing the tests are skipped ({@link BrowserTest} disables the class, each test reported skipped with
 * the reason; {@link #start()} used on its own makes a JUnit assumption), unless the environment
 * variable {@code CI=true}, when they fail saying what is missing. One browser serves a whole test
 * class; each sign-in starts a fresh session by clearing cookies and storage first.
 */
public final class Browser implements AutoCloseable {

  /** Override with -Denquiries.test.chromium=... and -Denquiries.test.chromedriver=... */
  static final Path CHROMIUM = Path.of(System.getProperty("enquiries.test.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("enquiries.test.chromedriver", "/usr/bin/chromedriver"));

  private static final Duration WAIT = Duration.ofSeconds(10);

  /**
   * Selenium warns that it has no DevTools (CDP) classes for Debian's newer Chromium; the tests use
   * WebDriver only, so that warning is noise. Held here so the logger settings are not collected.
   */
  private static final List<Logger> QUIET = Stream.of("org.openqa.selenium.devtools.CdpVersionFinder",
          "org.openqa.selenium.chromium.ChromiumDriver")
      .map(Logger::getLogger).peek(logger -> logger.setLevel(Level.SEVERE)).toList();

  private final Path profile;
  private final ChromeDriver driver;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private String base = "http://localhost:8080";

  private Browser(Path profile, ChromeDriver driver) {
    this.profile = profile;
    this.driver = driver;
  }

  /** What is missing to run browser tests ("/usr/bin/chromium and /usr/bin/chromedriver"), or null. */
  static String missing() {
    String missing = Stream.of(CHROMIUM, CHROMEDRIVER)
        .filter(path -> !Files.isExecutable(path))
        .map(Path::toString)
        .collect(Collectors.joining(" and "));
    return missing.isEmpty() ? null : missing;
  }

  /** With CI=true a missing browser fails the tests instead of skipping them. */
  static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  static String skipped(String missing) {
    return "Browser tests skipped: " + missing + " not found (install Debian's chromium and chromium-driver;"
        + " with CI=true this fails instead)";
  }

  /** Skips the calling test (a JUnit assumption) when Chromium or chromedriver is missing; with CI=true, fails instead. */
  public static void requireChromium() {
    String missing = missing();
    if (missing == null) {
      return;
    }
    if (onCi()) {
      fail("Browser tests cannot run: " + missing + " not found or not executable, and CI=true."
          + " Install Debian's packages: apt-get install chromium chromium-driver");
    }
    assumeTrue(false, skipped(missing));
  }

  /** Starts headless Chromium with a fresh profile in a temporary directory. */
  public static Browser start() {
    requireChromium();
    // Belt and braces: with the driver named, Selenium Manager is skipped and never downloads anything.
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
    Path profile;
    try {
      profile = Files.createTempDirectory("chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withLogOutput(OutputStream.nullOutputStream())
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1280,1024", "--lang=en-GB");
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      return new Browser(profile, driver);
    } catch (RuntimeException e) {
      delete(profile);
      throw e;
    }
  }

  public WebDriver driver() {
    return driver;
  }

  /** The application's base address, e.g. {@code http://localhost:51234}. */
  public Browser at(String base) {
    this.base = base;
    return this;
  }

  public String base() {
    return base;
  }

  public Browser open(String path) {
    driver.get(base + path);
    return this;
  }

  /** Signs in at /login in a fresh session (cookies cleared first), as a user with the demo password. */
  public Browser signIn(String user) {
    freshSession();
    open("/login");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
    driver.findElement(By.id("sign-in")).click();
    waitUntil(d -> !d.getCurrentUrl().contains("/login"));
    return this;
  }

  /** Signs in on the way to a page that needs it: open the page, be sent to /login, come back. */
  public Browser signInOnTheWayTo(String path, String user) {
    freshSession();
    open(path);
    waitUntil(d -> d.getCurrentUrl().contains("/login"));
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
    driver.findElement(By.id("sign-in")).click();
    waitUntil(d -> !d.getCurrentUrl().contains("/login"));
    return this;
  }

  /** Forgets the previous user: the session cookie and anything a page kept in the browser's storage. */
  public void freshSession() {
    open("/login");
    driver.manage().deleteAllCookies();
    script("window.localStorage.clear(); window.sessionStorage.clear();");
  }

  public WebElement find(By by) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
  }

  public String text(By by) {
    return find(by).getText();
  }

  public String title() {
    return driver.getTitle();
  }

  public String path() {
    return URI.create(driver.getCurrentUrl()).getPath();
  }

  public void type(String id, String value) {
    WebElement field = find(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  public void click(By by) {
    find(by).click();
  }

  /** Clicks a link or button that loads a new page, and waits until the old page has gone. */
  public void clickAndLoad(By by) {
    WebElement page = driver.findElement(By.tagName("html"));
    find(by).click();
    waitForNewPage(page);
  }

  /**
   * Waits until the old page has gone and the new one has loaded. While Chromium swaps documents,
   * chromedriver may answer "node does not belong to the document" instead of "stale": both mean the
   * navigation is under way, so the wait simply asks again.
   */
  private void waitForNewPage(WebElement oldPage) {
    new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
      try {
        oldPage.isEnabled();
        return false;
      } catch (org.openqa.selenium.StaleElementReferenceException gone) {
        return true;
      }
    });
    new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.WebDriverException.class)
        .until(d -> "complete".equals(script("return document.readyState;")));
  }

  /** The fields of a form on the page as they would be sent now (hidden fields such as the CSRF token included). */
  @SuppressWarnings("unchecked")
  public Map<String, String> formData(String formId) {
    return (Map<String, String>) script(
        "return Object.fromEntries(new FormData(document.getElementById(arguments[0])));", formId);
  }

  /** Posts these fields from the page, as a form would (e.g. a form sent again), and waits for the answer page. */
  public void post(String path, Map<String, String> fields) {
    WebElement page = driver.findElement(By.tagName("html"));
    script("const form = document.createElement('form'); form.method = 'post'; form.action = arguments[0];"
        + "for (const [name, value] of Object.entries(arguments[1])) {"
        + "  const field = document.createElement('input'); field.type = 'hidden'; field.name = name; field.value = value;"
        + "  form.appendChild(field);"
        + "}"
        + "document.body.appendChild(form); form.submit();", path, fields);
    waitForNewPage(page);
  }

  public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
    waitUntil(condition, WAIT);
  }

  public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition, Duration timeout) {
    new WebDriverWait(driver, timeout).until(condition);
  }

  public Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /** A plain HTTP request in this browser's session (its session cookie), to see status codes the page hides. */
  public HttpResponse<String> request(String method, String path, Map<String, String> form) {
    Cookie session = driver.manage().getCookieNamed("JSESSIONID");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (session != null) {
      request.header("Cookie", "JSESSIONID=" + session.getValue());
    }
    request.header("Accept", "text/html");
    if (form == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      String body = form.entrySet().stream()
          .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
              + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      request.header("Content-Type", "application/x-www-form-urlencoded")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Quits the browser and removes its profile directory. */
  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      delete(profile);
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory; nothing to do
    }
  }
}
