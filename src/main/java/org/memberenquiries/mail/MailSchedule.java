package org.memberenquiries.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the sender every {@code enquiries.mail.send-interval} (default 10 seconds). Tests switch it off
 * ({@code enquiries.mail.scheduler-enabled: false}) and call {@link MemberMailSender#sendPending()} themselves.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "enquiries.mail.scheduler-enabled", havingValue = "true", matchIfMissing = true)
public class MailSchedule {

  private final MemberMailSender sender;

  public MailSchedule(MemberMailSender sender) {
    this.sender = sender;
  }

  @Scheduled(fixedDelayString = "${enquiries.mail.send-interval:PT10S}", initialDelayString = "PT5S")
  public void sendPending() {
    sender.sendPending();
  }
}
