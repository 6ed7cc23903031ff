package org.memberenquiries.retention;

import java.time.LocalTime;
import org.memberenquiries.engine.EngineClock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every node looks every {@code enquiries.retention.check-interval} (default 15 minutes) whether the nightly window
 * is open and, if so, removes what is past retention ({@link ClosedCases}) until nothing is left or the window
 * closes; a node that was down at the window's start still does the night's work. Tests switch it off
 * ({@code enquiries.retention.scheduler-enabled: false}) and call {@link ClosedCases#removeDue()}.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "enquiries.retention.scheduler-enabled", havingValue = "true", matchIfMissing = true)
public class RetentionSchedule {

  private final ClosedCases cases;
  private final RetentionProperties retention;
  private final EngineClock clock;

  public RetentionSchedule(ClosedCases cases, RetentionProperties retention, EngineClock clock) {
    this.cases = cases;
    this.retention = retention;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${enquiries.retention.check-interval:PT15M}", initialDelayString = "PT2M")
  public void removeDue() {
    if (inWindow()) {
      cases.removeDue(this::inWindow);
    }
  }

  boolean inWindow() {
    LocalTime now = LocalTime.ofInstant(clock.now(), java.time.ZoneId.systemDefault());
    LocalTime start = retention.windowStart();
    LocalTime end = retention.windowEnd();
    return start.isBefore(end)
        ? !now.isBefore(start) && now.isBefore(end)
        : !now.isBefore(start) || now.isBefore(end);
  }
}
