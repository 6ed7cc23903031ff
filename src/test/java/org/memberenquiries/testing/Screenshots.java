package org.memberenquiries.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/** Screenshots of what a browser test saw, in target/screenshots/, to look at after a run. */
public final class Screenshots {

  static final Path DIRECTORY = Path.of("target", "screenshots");

  private Screenshots() {}

  /** Saves the whole page (the window stretched to its height) as target/screenshots/NAME.png and returns that path. */
  public static Path save(Browser browser, String name) {
    org.openqa.selenium.WebDriver.Window window = browser.driver().manage().window();
    org.openqa.selenium.Dimension size = window.getSize();
    try {
      Files.createDirectories(DIRECTORY);
      Path file = DIRECTORY.resolve(name + ".png");
      Object height = browser.script("return document.documentElement.scrollHeight;");
      window.setSize(new org.openqa.selenium.Dimension(size.getWidth(),
          Math.max(size.getHeight(), ((Number) height).intValue() + 150)));
      Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      window.setSize(size);
    }
  }
}
