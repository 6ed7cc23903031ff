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
    @Schema(description = "R1, R2: where a referred request went") String referredTo,
    @Schema(description = "R10, R16: each deadline missed, since when it is overdue (or when it was met, late),"
        + " and what became of the breach raised with Member Support; empty when none was missed") List<Late> late,
    @Schema(description = "R5, R10 (issue 10 item 4): after the full response, the window for follow-ups and what"
        + " the Member did in it; absent until the enquiry is answered in full") AfterTheAnswer afterTheAnswer) {

  /** R5, R10: the window for follow-ups after the full response, and the follow-ups and dissatisfaction in it. */
  public record AfterTheAnswer(
      @Schema(description = "Until when the Member may ask a follow-up or say they are not satisfied")
          OffsetDateTime followUpsUntil,
      @Schema(description = "Whether the Member may ask a follow-up or say they are not satisfied now")
          boolean open,
      int followUpsAsked,
      @Schema(description = "R5: the open follow-up's response deadline, while it is being answered")
          OffsetDateTime followUpRespondBy,
      @Schema(description = "R10: when the Member said they were not satisfied") OffsetDateTime notSatisfiedAt,
      @Schema(description = "R10: Member Support's informal resolution is due by then") OffsetDateTime informalResolutionBy,
      @Schema(description = "When the enquiry closed for good") OffsetDateTime closedAt) {}

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

  /** R10: a deadline missed, and whether what was owed has been sent since. */
  public record Late(
      @Schema(description = "Which deadline: ACKNOWLEDGEMENT, RESPONSE, FULL_RESPONSE or REVISED_FULL_RESPONSE")
          String deadline,
      @Schema(description = "When it was due: overdue since then") OffsetDateTime overdueSince,
      @Schema(description = "When what was owed was sent, late; absent while it is still owed") OffsetDateTime sentAt,
      @Schema(description = "Whether what was owed is still owed (false once sent, or once the enquiry ended)")
          boolean stillOwed,
      @Schema(description = "R10: the breach raised with Member Support and its outcome") Escalation escalation) {}

  /** R10: what became of a breach: with Member Support, resolved informally, or referred and decided. */
  public record Escalation(
      @Schema(description = "When the breach was recorded and raised with Member Support") OffsetDateTime raisedAt,
      @Schema(description = "WITH_MEMBER_SUPPORT, RESOLVED_INFORMALLY, REFERRED (awaiting the referee's decision),"
          + " UPHELD or NOT_UPHELD (the referee's decision)") String status,
      @Schema(description = "Who decides a referred breach: executive-director, monitoring-officer or"
          + " chief-financial-officer") String referredTo,
      @Schema(description = "When the outcome was recorded") OffsetDateTime decidedAt) {}

  public record OpenQuestion(String question, OffsetDateTime askedAt, OffsetDateTime replyDueBy, boolean capacityQuestion) {}
}
