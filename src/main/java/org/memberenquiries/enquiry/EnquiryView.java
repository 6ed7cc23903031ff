package org.memberenquiries.enquiry;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/** An enquiry as its Member (and the officers handling it) see it: state, every deadline owed, what was sent. */
public record EnquiryView(
    String reference,
    EnquiryState state,
    String subject,
    @Schema(description = "What the Member asked") String text,
    String memberId,
    String memberName,
    String capacity,
    String ward,
    String department,
    @Schema(description = "R13: the purpose the information is given for") String purpose,
    OffsetDateTime receivedAt,
    Deadlines deadlines,
    @Schema(description = "What was sent to the Member (and their replies), oldest first") List<Message> messages,
    @Schema(description = "R3, R9: the question waiting for the Member's reply, if any") OpenQuestion openQuestion,
    @Schema(description = "R11: every Member who receives this enquiry's answers") List<String> recipients,
    @Schema(description = "How the enquiry ended, once it has") String outcome,
    @Schema(description = "R1, R2: where a referred request went") String referredTo) {

  /** R4-R9: the deadlines owed, standard or as revised (R7), agreed (R8) or moved by a stopped clock (R9). */
  public record Deadlines(
      OffsetDateTime acknowledgeBy,
      OffsetDateTime respondBy,
      OffsetDateTime fullResponseBy,
      OffsetDateTime revisedFullResponseBy,
      OffsetDateTime agreedDeadline,
      int clockStoppedWorkingDays,
      @Schema(description = "False once this protocol's timescales no longer apply: the enquiry was referred to"
          + " another procedure, whose own timescales apply (R1, R2), or closed for no reply from the Member (R9)")
          boolean timescalesApply) {}

  public record Message(
      String kind,
      OffsetDateTime sentAt,
      String text,
      @Schema(description = "R13: the purpose the information is given for, shown with every answer") String purpose,
      @Schema(description = "R15: the officer who sent it, by name and role; absent for the Member's own replies")
          SentBy sentBy) {}

  /** R15: the officer in whose name something was sent. */
  public record SentBy(String name, String role) {}

  public record OpenQuestion(String question, OffsetDateTime askedAt, OffsetDateTime replyDueBy, boolean capacityQuestion) {}
}
