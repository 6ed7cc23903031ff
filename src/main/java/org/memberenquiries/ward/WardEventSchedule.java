package org.memberenquiries.ward;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Looks for due ward event notices every {@code enquiries.ward-events.notice-interval} (default a minute)
 * on every node; {@link WardEventNotices} makes sure each is told once. Tests switch it off
 * ({@code enquiries.ward-events.scheduler-enabled: false}) and call {@link WardEventNotices#tellDue()}.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "enquiries.ward-events.scheduler-enabled", havingValue = "true", matchIfMissing = true)
public class WardEventSchedule {

  private final WardEventNotices notices;

  public WardEventSchedule(WardEventNotices notices) {
    this.notices = notices;
  }

  @Scheduled(fixedDelayString = "${enquiries.ward-events.notice-interval:PT1M}", initialDelayString = "PT10S")
  public void tellDue() {
    notices.tellDue();
  }
}
