package org.memberenquiries.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How passwords are stored (Argon2id, OWASP's first choice) and what a first administrator's password
 * must be outside the demo. The Argon2 cost defaults are Spring Security's (16 MiB, 2 passes); a
 * stored hash made with a lower cost is re-hashed at the next successful sign-in. A password Argon2id
 * accepted is remembered for {@code remember-verified} ({@link VerifiedCredentials}: the API sends it
 * with every request); {@code PT0S} checks every request with Argon2id.
 */
@Validated
@ConfigurationProperties(prefix = "enquiries.passwords")
public record PasswordProperties(
    @DefaultValue("12") @jakarta.validation.constraints.Min(8) int minimumLength,
    @DefaultValue Argon2 argon2,
    @DefaultValue("PT5M") java.time.Duration rememberVerified) {

  public record Argon2(
      @DefaultValue("16384") @jakarta.validation.constraints.Min(64) int memoryKib,
      @DefaultValue("2") @jakarta.validation.constraints.Min(1) int iterations,
      @DefaultValue("1") @jakarta.validation.constraints.Min(1) int parallelism) {}
}
