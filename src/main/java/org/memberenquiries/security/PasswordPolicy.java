package org.memberenquiries.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a password set from configuration (the first administrator's) must be outside the demo: long
 * enough (12 characters by default, {@code enquiries.passwords.minimum-length}), not one of the
 * passwords every guessing list starts with, not the user name, and not one character repeated.
 * Length matters more than symbols (NCSC and NIST SP 800-63B advice), so no composition rules.
 */
@Component
public class PasswordPolicy {

  /** The first entries of every common-password list, and this product's own demo password. */
  static final Set<String> COMMON = Set.of("demo", "password", "password1", "password123", "password1234",
      "passw0rd", "123456", "12345678", "123456789", "1234567890", "123456789012", "qwerty", "qwertyuiop",
      "qwerty123456", "letmein", "letmeinplease", "welcome", "welcome123", "welcome12345", "iloveyou",
      "admin", "admin123", "administrator", "changeme", "changeme123", "changethis", "secret", "default",
      "abc123", "abcdefghijkl", "football", "monkey", "dragon", "sunshine", "princess", "trustno1",
      "correcthorsebatterystaple", "camunda", "demo-password", "test-password");

  private final int minimumLength;

  public PasswordPolicy(PasswordProperties properties) {
    this.minimumLength = properties.minimumLength();
  }

  /** Why this password may not be used for this user; empty when it may. Never contains the password. */
  public List<String> problems(String user, String password) {
    List<String> problems = new ArrayList<>();
    if (password == null || password.codePointCount(0, password.length()) < minimumLength) {
      problems.add("it is shorter than " + minimumLength + " characters");
      if (password == null) {
        return problems;
      }
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower)) {
      problems.add("it is one of the most common passwords");
    }
    if (user != null && lower.contains(user.toLowerCase(Locale.ROOT))) {
      problems.add("it contains the user name");
    }
    if (!password.isEmpty() && password.chars().distinct().count() == 1) {
      problems.add("it repeats one character");
    }
    return problems;
  }
}
