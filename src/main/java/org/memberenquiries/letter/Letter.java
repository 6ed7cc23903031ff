package org.memberenquiries.letter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.memberenquiries.communication.CommunicationKind;

/**
 * One letter as issued (R15): in whose name, on which date, to whom (R11), about which enquiry, saying
 * what. The PDF is rendered from exactly this, so it reads the same however often it is rendered.
 */
public record Letter(
    long id,
    String reference,
    String processInstanceId,
    CommunicationKind kind,
    Instant recordedAt,
    LocalDate date,
    String signedBy,
    String signatoryName,
    String signatoryTitle,
    List<String> recipients,
    String enquirySubject,
    String body) {

  /** The name a download is saved under, e.g. {@code ME-000007-letter-3.pdf}. */
  public String fileName() {
    return reference + "-letter-" + id + ".pdf";
  }
}
