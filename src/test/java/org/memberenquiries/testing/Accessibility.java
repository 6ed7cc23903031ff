package org.memberenquiries.testing;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;

/** axe-core (Deque's, bundled with its Selenium integration) on the page the browser shows. */
public final class Accessibility {

  static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
  static final Set<String> SERIOUS = Set.of("serious", "critical");

  private Accessibility() {}

  /** The serious and critical WCAG 2.2 AA violations on the current page, one line each ("rule: help (n elements)"). */
  public static List<String> seriousViolations(Browser browser) {
    Results results = new AxeBuilder().withTags(WCAG_AA).analyze(browser.driver());
    if (results.isErrored()) {
      throw new IllegalStateException("axe-core failed: " + results.getErrorMessage());
    }
    return results.getViolations().stream()
        .filter(rule -> SERIOUS.contains(rule.getImpact()))
        .map(Accessibility::describe)
        .toList();
  }

  private static String describe(Rule rule) {
    return rule.getId() + ": " + rule.getHelp() + " (" + rule.getNodes().size() + " elements, e.g. "
        + rule.getNodes().get(0).getTarget() + ")";
  }
}
