package org.memberenquiries.mail;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email to staff ({@code enquiries.staff-mail}); sent through the same outbox and SMTP server as the
 * Members' mail ({@code enquiries.mail}, {@code spring.mail}). Each kind can be switched off for the
 * whole council; there is no per-person choice (see README).
 *
 * @param newCase the department's officers when a new case lands in their queue
 * @param deadlineReminders whoever holds a step, on the working day before its deadline (R4, R5, R7, R8)
 * @param breaches Member Support when a missed deadline is raised with them, the referee when it is
 *     referred (R10)
 * @param remindFrom the time of day (council's zone) from which the working day before a deadline counts:
 *     a reminder goes at the first scan at or after it
 * @param scanInterval how often each node scans the enquiries for reminders due (every reminder goes
 *     once, whichever node finds it first)
 * @param schedulerEnabled false: nothing scans by itself (tests call {@link DeadlineReminders#remindDue()})
 */
@ConfigurationProperties("enquiries.staff-mail")
public record StaffMailProperties(
    @DefaultValue("true") boolean newCase,
    @DefaultValue("true") boolean deadlineReminders,
    @DefaultValue("true") boolean breaches,
    @DefaultValue("07:00") LocalTime remindFrom,
    @DefaultValue("PT30M") Duration scanInterval,
    @DefaultValue("true") boolean schedulerEnabled) {

  public StaffMailProperties {
    if (scanInterval.isNegative() || scanInterval.isZero()) {
      throw new IllegalArgumentException("enquiries.staff-mail.scan-interval must be positive, got " + scanInterval);
    }
  }
}
