package org.memberenquiries.ward;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A ward event as staff see it (R14). {@code withholding} (the basis and the reason) is shown to the
 * monitoring officer and administrators only; others see that it is withheld. {@code told}: the Members
 * told, each with whether by email too.
 */
public record WardEventView(
    String reference,
    EventKind kind,
    String title,
    String description,
    LocalDate startsOn,
    List<String> wards,
    String recordedBy,
    OffsetDateTime recordedAt,
    OffsetDateTime noticeDueAt,
    OffsetDateTime toldAt,
    boolean withheld,
    WithholdingView withholding,
    List<Told> told) {

  public record WithholdingView(WithholdingBasis basis, String reason, String by, OffsetDateTime at) {}

  public record Told(String memberId, boolean email) {}

  /** What a Member sees of an event in their wards. */
  public record ForMember(String reference, EventKind kind, String title, String description, LocalDate startsOn,
      List<String> wards, OffsetDateTime toldAt) {}

  /** A Member's wards and the events they have been told of there. */
  public record MemberWards(List<String> wards, List<ForMember> events) {}
}
