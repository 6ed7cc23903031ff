package org.memberenquiries.ward;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ward and division events ({@code enquiries.ward-events}, R14).
 *
 * @param leadWorkingDays how many working days before an event its ward's Members are told: the notice is
 *     due at the start of the working day that many working days before the event's day (R0)
 * @param noticeInterval how often a node looks for notices that are due
 */
@ConfigurationProperties("enquiries.ward-events")
public record WardEventProperties(Integer leadWorkingDays, Duration noticeInterval) {

  public WardEventProperties {
    leadWorkingDays = leadWorkingDays != null ? leadWorkingDays : 5;
    if (leadWorkingDays < 0 || leadWorkingDays > 250) {
      throw new IllegalArgumentException("enquiries.ward-events.lead-working-days must be 0 to 250, not " + leadWorkingDays);
    }
    noticeInterval = noticeInterval != null ? noticeInterval : Duration.ofMinutes(1);
  }
}
