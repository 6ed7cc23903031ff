package org.memberenquiries.security;

import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused unchecked because its client or account must wait (see {@link SignInThrottle}). */
public class SignInThrottledException extends AuthenticationException {

  private final long retryAfterSeconds;

  public SignInThrottledException(Instant now, Instant until) {
    super("Too many failed sign-ins: try again later");
    this.retryAfterSeconds = Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
