package org.memberenquiries.enquiry;

import org.memberenquiries.casedata.EnquiryVariables;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.communication.Communication;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.staff.StaffDirectory;
import org.springframework.stereotype.Service;

/**
 * Reads an enquiry for its Member (R16: the state and the dates they are owed) from its read model
 * (the {@code enquiry} row, issue 8 item 4) and the communication log, so running and closed cases read
 * the same way.
 */
@Service
public class EnquiryViews {

  /** Answers given to the Member: each is shown with the purpose it was given for (R13). */
  static final Set<CommunicationKind> ANSWERS = Set.of(CommunicationKind.ACKNOWLEDGEMENT,
      CommunicationKind.HOLDING_RESPONSE, CommunicationKind.FULL_RESPONSE, CommunicationKind.REVISED_DATE_NOTICE,
      CommunicationKind.PROGRESS_UPDATE, CommunicationKind.REFERRAL_NOTICE, CommunicationKind.FOLLOW_UP_RESPONSE);

  private final CaseRows rows;
  private final RuntimeService runtime;
  private final CaseRecordBackfill backfill;
  private final CommunicationLog communications;
  private final EnquiryShares shares;
  private final WorkingCalendar calendar;
  private final StaffDirectory staff;
  private final LateDeadlines lateDeadlines;
  private final EngineClock clock;

  public EnquiryViews(CaseRows rows, CaseRecordBackfill backfill, CommunicationLog communications,
      EnquiryShares shares, WorkingCalendar calendar, StaffDirectory staff, RuntimeService runtime,
      LateDeadlines lateDeadlines, EngineClock clock) {
    this.clock = clock;
    this.lateDeadlines = lateDeadlines;
    this.runtime = runtime;
    this.staff = staff;
    this.rows = rows;
    this.backfill = backfill;
    this.communications = communications;
    this.shares = shares;
    this.calendar = calendar;
  }

  public EnquiryView view(RegisteredEnquiry enquiry) {
    CaseRow row = row(enquiry);
    List<Communication> sent = communications.forEnquiry(enquiry.processInstanceId());
    String purpose = row.purpose();
    List<EnquiryView.Message> messages = sent.stream()
        .map(c -> new EnquiryView.Message(c.kind().name(), at(c.sentAt()), c.body(),
            ANSWERS.contains(c.kind()) ? purpose : null, sentBy(c)))
        .toList();
    List<String> recipients = new ArrayList<>();
    recipients.add(enquiry.memberId());
    recipients.addAll(shares.sharedWith(enquiry.reference()));
    EnquiryState state = row.state();
    return new EnquiryView(enquiry.reference(), state, row.subject(), row.text(), enquiry.memberId(),
        row.memberName(),
        row.capacity(), row.ward(), enquiry.department(), purpose, at(row.receivedAt()),
        deadlines(row), messages, openQuestion(row, sent), recipients, row.outcome(), row.referredTo(),
        lateDeadlines.of(enquiry.processInstanceId(), sent, row.outcome() != null),
        afterTheAnswer(enquiry.processInstanceId(), state));
  }

  /**
   * R5, R10 (issue 10 item 4): open while the window lasts and nothing is under way in it (a follow-up being
   * answered, or Member Support dealing with the Member's dissatisfaction), as the process waits then.
   */
  private EnquiryView.AfterTheAnswer afterTheAnswer(String processInstanceId, EnquiryState state) {
    return rows.afterTheAnswer(processInstanceId).map(a -> new EnquiryView.AfterTheAnswer(at(a.windowEndsAt()),
        state == EnquiryState.ANSWERED && a.closedAt() == null && a.windowEndsAt().isAfter(clock.now()),
        a.followUpsAsked(), state == EnquiryState.FOLLOW_UP ? at(a.followUpRespondBy()) : null,
        at(a.notSatisfiedAt()), at(a.informalResolutionBy()), at(a.closedAt()))).orElse(null);
  }

  /**
   * The case's read model (issue 8 item 4); a row made before migration 22 is filled on first sight,
   * and a case with no row (started on the engine directly, outside the register) is read from history.
   */
  private CaseRow row(RegisteredEnquiry enquiry) {
    CaseRow row = rows.find(enquiry.processInstanceId()).orElse(null);
    if (row == null) {
      return backfill.fromHistory(enquiry);
    }
    if (row.state() == null && backfill.fill(enquiry.reference()) > 0) {
      row = rows.find(enquiry.processInstanceId()).orElseThrow();
    }
    return row;
  }

  /** R15: who sent it, by name and role; nothing for what the Member sent. */
  private EnquiryView.SentBy sentBy(Communication communication) {
    if (communication.kind().fromMember()) {
      return null;
    }
    return staff.signatory(communication.sentBy())
        .map(signatory -> new EnquiryView.SentBy(signatory.name(), signatory.role())).orElse(null);
  }

  private EnquiryView.Deadlines deadlines(CaseRow row) {
    if (referred(row)) {
      // R1, R2 (issue 12): once triage decided it belongs to another procedure, that procedure's
      // timescales apply, not this protocol's; only the referral itself was owed (by the R4 deadline).
      return new EnquiryView.Deadlines(at(row.acknowledgeBy()), null, null, null, null, 0, false);
    }
    return new EnquiryView.Deadlines(at(row.acknowledgeBy()), at(row.respondBy()), at(row.fullResponseBy()),
        at(row.revisedFullResponseBy()), at(row.agreedDeadlineBy()), row.clockStoppedWorkingDays(),
        row.timescalesApply());
  }

  /**
   * Referred elsewhere, or decided at triage to be referred (R1, R2). The decision table's scope is
   * set by the engine between two steps the read model hears of, so until the referral is sent it is
   * read from the running case (one variable).
   */
  private boolean referred(CaseRow row) {
    if (row.state() == EnquiryState.REFERRED) {
      return true;
    }
    if (row.state() != EnquiryState.RECEIVED) {
      return false;
    }
    Object scope = runtime.createVariableInstanceQuery().processInstanceIdIn(row.processInstanceId())
        .variableName(EnquiryVariables.SCOPE).list().stream().findFirst().map(v -> v.getValue()).orElse(null);
    return scope != null && !"ENQUIRY".equals(scope.toString());
  }

  private EnquiryView.OpenQuestion openQuestion(CaseRow row, List<Communication> sent) {
    if (row.state() != EnquiryState.AWAITING_MEMBER) {
      return null;
    }
    String question = sent.stream().filter(c -> c.kind() == CommunicationKind.QUESTION_TO_MEMBER)
        .reduce((first, second) -> second).map(Communication::body).orElse(null);
    return new EnquiryView.OpenQuestion(question, at(row.questionAskedAt()), at(row.replyDueBy()),
        row.capacityQuestion());
  }

  private OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
  }
}
