package org.memberenquiries.ward;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An event, works or decision affecting one or more wards or divisions, as recorded (R14). */
public record WardEvent(
    long id,
    EventKind kind,
    String title,
    String description,
    LocalDate startsOn,
    List<String> wards,
    String recordedBy,
    Instant recordedAt,
    Instant notifyAt,
    WithholdingBasis withheldBasis,
    String withheldReason,
    String withheldBy,
    Instant withheldAt,
    Instant notifiedAt) {

  public static final String PREFIX = "WE-";

  public String reference() {
    return reference(id);
  }

  public static String reference(long id) {
    return String.format("%s%06d", PREFIX, id);
  }

  public boolean withheld() {
    return withheldBasis != null;
  }
}
