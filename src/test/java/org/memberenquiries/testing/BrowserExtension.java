package org.memberenquiries.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@link BrowserTest}'s extension. Without Chromium or chromedriver the class is skipped, each test
 * reported as skipped with the reason, before the application starts; under CI=true it runs and fails
 * in {@code beforeAll} saying what is missing. Otherwise one browser starts before all tests of the
 * class, is handed to test methods as a parameter, and quits after all of them.
 */
public class BrowserExtension implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String missing = Browser.missing();
    if (missing == null || Browser.onCi()) {
      return ConditionEvaluationResult.enabled("Chromium and chromedriver found, or CI=true (a missing one fails)");
    }
    return ConditionEvaluationResult.disabled(Browser.skipped(missing));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Browser.requireChromium();
    context.getStore(NAMESPACE).put(Browser.class, Browser.start());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Browser browser = context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
    if (browser != null) {
      browser.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Browser browser = context.getStore(NAMESPACE).get(Browser.class, Browser.class);
    if (browser == null) {
      throw new IllegalStateException("No browser: is the test class annotated @BrowserTest?");
    }
    return browser;
  }
}
