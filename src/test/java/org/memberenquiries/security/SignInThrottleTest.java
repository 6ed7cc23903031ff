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

/** The sign-in throttle's arithmetic, on the engine clock (no waiting: the clock is moved). */
class SignInThrottleTest {

  static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  final SignInThrottle throttle = new SignInThrottle(
      new SignInThrottleProperties(5, 10, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1)),
      new EngineClock());
  Instant now = T0;

  @BeforeEach
  void startClock() {
    at(T0);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  void at(Instant instant) {
    now = instant;
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  void later(Duration duration) {
    at(now.plus(duration));
  }

  /** Fails as often as the client is let through, waiting out each wait, until it has made n failures. */
  void failPatiently(String account, String client, int failures) {
    for (int i = 0; i < failures; i++) {
      throttle.waitUntil(account, client).ifPresent(this::at);
      throttle.failed(account, client);
    }
  }

  @Test
  @DisplayName("One wrong password does not block the right one (Camunda blocked it for up to a minute)")
  void oneMistakeCostsNothing() {
    throttle.failed("admin", "10.0.0.1");
    assertThat(throttle.waitUntil("admin", "10.0.0.1")).isEmpty();
  }

  @Test
  @DisplayName("Past the free failures a client waits 1s, then twice as long each time, at most 5 minutes, and the wait ends by itself")
  void aClientWaitsLongerEachTimeUpToTheMaximum() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("admin", "10.0.0.1");
    }
    assertThat(throttle.waitUntil("admin", "10.0.0.1")).isEmpty();
    throttle.failed("admin", "10.0.0.1");
    assertThat(throttle.waitUntil("admin", "10.0.0.1")).contains(T0.plusSeconds(1));
    later(Duration.ofSeconds(1));
    throttle.failed("admin", "10.0.0.1");
    assertThat(throttle.waitUntil("admin", "10.0.0.1")).contains(now.plusSeconds(2));
    // The same client trying another account waits too: the client is throttled, not just the pair.
    assertThat(throttle.waitUntil("cllr.lovelace", "10.0.0.1")).contains(now.plusSeconds(2));

    failPatiently("admin", "10.0.0.1", 15);
    Instant until = throttle.waitUntil("admin", "10.0.0.1").orElseThrow();
    assertThat(Duration.between(now, until)).isEqualTo(Duration.ofMinutes(5));
    later(Duration.ofMinutes(5));
    assertThat(throttle.waitUntil("admin", "10.0.0.1")).isEmpty();
  }

  @Test
  @DisplayName("However long one client keeps guessing, the account is never locked for anyone else")
  void oneClientNeverLocksTheAccountForOthers() {
    failPatiently("admin", "203.0.113.9", 200);
    assertThat(throttle.waitUntil("admin", "203.0.113.9")).isPresent();
    assertThat(throttle.waitUntil("admin", "10.0.0.1")).isEmpty();
  }

  @Test
  @DisplayName("Guesses at one account from several clients throttle the account for everyone, for a bounded time")
  void distributedGuessingThrottlesTheAccountForABoundedTime() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("admin", "203.0.113." + i);
    }
    assertThat(throttle.waitUntil("admin", "10.0.0.1")).contains(T0.plusSeconds(1));
    for (int i = 10; i < 40; i++) {
      throttle.failed("admin", "203.0.113." + i);
    }
    assertThat(throttle.waitUntil("admin", "10.0.0.1")).contains(T0.plus(Duration.ofMinutes(5)));
    assertThat(throttle.waitUntil("cllr.lovelace", "10.0.0.1")).isEmpty();
    later(Duration.ofMinutes(5));
    assertThat(throttle.waitUntil("admin", "10.0.0.1")).isEmpty();
  }

  @Test
  @DisplayName("Memory stays bounded: a flood of made-up user names restarts the account counters, the clients' stay")
  void boundedMemory() {
    SignInThrottle small = new SignInThrottle(
        new SignInThrottleProperties(5, 10, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1)),
        new EngineClock(), 100);
    for (int i = 0; i < 10; i++) {
      small.failed("admin", "198.51.100." + i);
    }
    assertThat(small.waitUntil("admin", "10.0.0.1")).isPresent();
    for (int i = 0; i < 101; i++) {
      small.failed("made-up-" + i, "203.0.113.1");
    }
    assertThat(small.waitUntil("made-up-0", "203.0.113.1")).isPresent(); // the client is still throttled
    assertThat(small.waitUntil("admin", "10.0.0.1")).isEmpty(); // the account counters restarted
  }

  @Test
  @DisplayName("A successful sign-in forgets that user's failures from that client; failures are forgotten after the window")
  void successAndTimeForget() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("officer.highways", "10.0.0.1");
    }
    throttle.succeeded("officer.highways", "10.0.0.1");
    throttle.failed("officer.highways", "10.0.0.1");
    assertThat(throttle.waitUntil("officer.highways", "10.0.0.1")).isEmpty();

    for (int i = 0; i < 4; i++) {
      throttle.failed("someone", "10.0.0.2");
    }
    later(Duration.ofMinutes(61));
    throttle.failed("someone", "10.0.0.2");
    assertThat(throttle.waitUntil("someone", "10.0.0.2")).isEmpty();
  }
}
