package org.memberenquiries.letter;

import java.util.List;
import org.memberenquiries.mail.MailAttachments;
import org.memberenquiries.mail.OutboxMail;
import org.springframework.stereotype.Component;

/**
 * R15: the full response's email carries its signed letter as a PDF, to every Member it goes to (the
 * letter names them all, R11). The letter was stored in the same transaction as the outbox row.
 */
@Component
public class LetterAttachments implements MailAttachments {

  private final Letters letters;
  private final LetterIssuer issuer;

  public LetterAttachments(Letters letters, LetterIssuer issuer) {
    this.letters = letters;
    this.issuer = issuer;
  }

  @Override
  public List<Attachment> forMail(OutboxMail mail) {
    if (!LetterIssuer.LETTERS.contains(mail.kind())) {
      return List.of();
    }
    return letters.forCommunication(mail.processInstanceId(), mail.kind(), mail.recordedAt())
        .map(letter -> List.of(new Attachment(letter.fileName(), "application/pdf", () -> issuer.pdf(letter))))
        .orElse(List.of());
  }
}
