package org.memberenquiries.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  final PasswordPolicy policy = new PasswordPolicy(new PasswordProperties(12, new PasswordProperties.Argon2(16384, 2, 1), java.time.Duration.ofMinutes(5)));

  @Test
  @DisplayName("Short, common, repeated or user-name passwords are refused, with the reason and never the password")
  void weakPasswords() {
    assertThat(policy.problems("root", "demo")).containsExactly("it is shorter than 12 characters",
        "it is one of the most common passwords");
    assertThat(policy.problems("root", "a")).contains("it is shorter than 12 characters");
    assertThat(policy.problems("root", "elevenchars")).containsExactly("it is shorter than 12 characters");
    assertThat(policy.problems("root", "123456789012")).containsExactly("it is one of the most common passwords");
    assertThat(policy.problems("root", "aaaaaaaaaaaaaaaa")).containsExactly("it repeats one character");
    assertThat(policy.problems("chief.admin", "Chief.Admin-2026")).containsExactly("it contains the user name");
    assertThat(policy.problems("root", null)).containsExactly("it is shorter than 12 characters");
  }

  @Test
  @DisplayName("Twelve characters or more, not on the list, not the user name: accepted (a passphrase is fine)")
  void strongPasswords() {
    assertThat(policy.problems("root", "s3cret-enough")).isEmpty();
    assertThat(policy.problems("root", "orange tractor rainfall")).isEmpty();
  }
}
