package org.memberenquiries.mail;

import java.time.Instant;
import org.memberenquiries.communication.CommunicationKind;

/** One message in the outbox: one communication, to one recipient. */
public record OutboxMail(
    long id,
    String processInstanceId,
    String reference,
    CommunicationKind kind,
    String body,
    String sentBy,
    Instant recordedAt,
    String ownerId,
    String recipientId,
    String recipientAddress,
    String status,
    int attempts,
    Instant nextAttemptAt,
    String subject,
    String textBody,
    String htmlBody,
    Instant sentAt,
    String lastError) {

  public static final String PENDING = "PENDING";
  public static final String SENT = "SENT";

  public boolean rendered() {
    return subject != null;
  }
}
