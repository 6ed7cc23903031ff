package org.memberenquiries.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.engine.EngineClock;

/** A password Argon2id accepted is remembered briefly, for that user, that password and that stored hash only. */
class VerifiedCredentialsTest {

  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final String HASH = "{ARGON2ID}$argon2id$v=19$m=16384,t=2,p=1$c2FsdA$aGFzaA";

  VerifiedCredentials remembering(Duration duration) {
    return new VerifiedCredentials(
        new PasswordProperties(12, new PasswordProperties.Argon2(1024, 1, 1), duration), new EngineClock());
  }

  @BeforeEach
  void setClock() {
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("Remembered: the same user, the same password, the same stored hash, within the duration")
  void remembersWhatWasVerified() {
    VerifiedCredentials credentials = remembering(Duration.ofMinutes(5));
    assertThat(credentials.remembered("cllr.a", "right-password", HASH)).isFalse();

    credentials.verified("cllr.a", "right-password", HASH);
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(5)).minusMillis(1)));

    assertThat(credentials.remembered("cllr.a", "right-password", HASH)).isTrue();
  }

  @Test
  @DisplayName("Not remembered: another password, another user, or a password that only shares a prefix")
  void otherPasswordsAndUsersAreNot() {
    VerifiedCredentials credentials = remembering(Duration.ofMinutes(5));
    credentials.verified("cllr.a", "right-password", HASH);

    assertThat(credentials.remembered("cllr.a", "wrong-password", HASH)).isFalse();
    assertThat(credentials.remembered("cllr.a", "right-passwor", HASH)).isFalse();
    assertThat(credentials.remembered("cllr.a", "right-password ", HASH)).isFalse();
    assertThat(credentials.remembered("cllr.b", "right-password", HASH)).isFalse();
    // a wrong guess does not make the right password forgotten (it is throttled, not remembered)
    assertThat(credentials.remembered("cllr.a", "right-password", HASH)).isTrue();
  }

  @Test
  @DisplayName("A changed password (a new stored hash) refuses the remembered one at once, and it stays refused")
  void aChangedPasswordIsRefused() {
    VerifiedCredentials credentials = remembering(Duration.ofMinutes(5));
    credentials.verified("cllr.a", "old-password", HASH);

    assertThat(credentials.remembered("cllr.a", "old-password", HASH.replace("aGFzaA", "bmV3"))).isFalse();
    assertThat(credentials.remembered("cllr.a", "old-password", HASH)).isFalse();
    assertThat(credentials.remembered("cllr.a", "old-password", null)).isFalse(); // the user was deleted
  }

  @Test
  @DisplayName("Forgotten once the duration is over, or when the engine clock goes back before it was verified")
  void expires() {
    VerifiedCredentials credentials = remembering(Duration.ofMinutes(5));
    credentials.verified("cllr.a", "right-password", HASH);
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(5))));
    assertThat(credentials.remembered("cllr.a", "right-password", HASH)).isFalse();

    ClockUtil.setCurrentTime(Date.from(NOW));
    credentials.verified("cllr.a", "right-password", HASH);
    ClockUtil.setCurrentTime(Date.from(NOW.minusSeconds(1)));
    assertThat(credentials.remembered("cllr.a", "right-password", HASH)).isFalse();
  }

  @Test
  @DisplayName("PT0S remembers nothing: every request is checked with Argon2id")
  void offWhenZero() {
    VerifiedCredentials credentials = remembering(Duration.ZERO);
    credentials.verified("cllr.a", "right-password", HASH);

    assertThat(credentials.remembered("cllr.a", "right-password", HASH)).isFalse();
  }

  @Test
  @DisplayName("Expired entries are dropped by the sweep even if their user never comes back")
  void sweepDropsExpired() {
    VerifiedCredentials credentials = remembering(Duration.ofMinutes(5));
    credentials.verified("cllr.a", "right-password", HASH);
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(4))));
    credentials.verified("cllr.b", "other-password", HASH);
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(6))));

    credentials.forgetExpired();

    assertThat(credentials.size()).isOne();
    assertThat(credentials.remembered("cllr.b", "other-password", HASH)).isTrue();
  }
}
