package org.memberenquiries.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that drives headless Chromium: its test methods (and {@code @BeforeEach}) take a
 * {@link Browser} parameter, one browser for the whole class, quit after all its tests. Without
 * /usr/bin/chromium or /usr/bin/chromedriver its tests are skipped, with the reason; with CI=true
 * they fail instead. Put it before {@code @WebAppTest}, so that failure comes before the application
 * starts. Tagged "browser" (leave the browser tests out with -DexcludedGroups=browser).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("browser")
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {}
