package org.memberenquiries.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Scans for deadline reminders every {@code enquiries.staff-mail.scan-interval} (default 30 minutes), on
 * every node, from a minute after start (so a restart catches up at once); each reminder goes once,
 * whichever node finds it. Tests switch it off ({@code enquiries.staff-mail.scheduler-enabled: false}) and
 * call {@link DeadlineReminders#remindDue()} themselves.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "enquiries.staff-mail.scheduler-enabled", havingValue = "true", matchIfMissing = true)
public class StaffMailSchedule {

  private final DeadlineReminders reminders;

  public StaffMailSchedule(DeadlineReminders reminders) {
    this.reminders = reminders;
  }

  @Scheduled(fixedDelayString = "${enquiries.staff-mail.scan-interval:PT30M}", initialDelayString = "PT1M")
  public void remindDue() {
    reminders.remindDue();
  }
}
