package org.memberenquiries.enquiry;

import static org.memberenquiries.enquiry.EnquiryVariables.*;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.communication.Communication;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.sharing.EnquiryShares;
import org.memberenquiries.staff.StaffDirectory;
import org.springframework.stereotype.Service;

/**
 * Reads an enquiry for its Member (R16: the state and the dates they are owed) from the case's
 * history in the engine and the communication log, so running and closed cases read the same way.
 */
@Service
public class EnquiryViews {

  /** Answers given to the Member: each is shown with the purpose it was given for (R13). */
  static final Set<CommunicationKind> ANSWERS = Set.of(CommunicationKind.ACKNOWLEDGEMENT,
      CommunicationKind.HOLDING_RESPONSE, CommunicationKind.FULL_RESPONSE, CommunicationKind.REVISED_DATE_NOTICE,
      CommunicationKind.PROGRESS_UPDATE, CommunicationKind.REFERRAL_NOTICE);

  private final HistoryService history;
  private final CommunicationLog communications;
  private final EnquiryShares shares;
  private final WorkingCalendar calendar;
  private final StaffDirectory staff;
  private final LateDeadlines lateDeadlines;

  public EnquiryViews(HistoryService history, CommunicationLog communications, EnquiryShares shares,
      WorkingCalendar calendar, StaffDirectory staff, LateDeadlines lateDeadlines) {
    this.staff = staff;
    this.lateDeadlines = lateDeadlines;
    this.history = history;
    this.communications = communications;
    this.shares = shares;
    this.calendar = calendar;
  }

  public EnquiryView view(RegisteredEnquiry enquiry) {
    Map<String, Object> v = variables(enquiry.processInstanceId());
    List<Communication> sent = communications.forEnquiry(enquiry.processInstanceId());
    String purpose = text(v, PURPOSE);
    List<EnquiryView.Message> messages = sent.stream()
        .map(c -> new EnquiryView.Message(c.kind().name(), at(c.sentAt()), c.body(),
            ANSWERS.contains(c.kind()) ? purpose : null, sentBy(c)))
        .toList();
    List<String> recipients = new ArrayList<>();
    recipients.add(enquiry.memberId());
    recipients.addAll(shares.sharedWith(enquiry.reference()));
    EnquiryState state = stateOf(v);
    return new EnquiryView(enquiry.reference(), state, text(v, SUBJECT), text(v, ENQUIRY_TEXT), enquiry.memberId(),
        text(v, MEMBER_NAME),
        text(v, CAPACITY), text(v, WARD), enquiry.department(), purpose, at(v.get(RECEIVED_AT)),
        deadlines(v), messages, openQuestion(v, sent, state), recipients, text(v, OUTCOME), text(v, REFERRED_TO),
        lateDeadlines.of(enquiry.processInstanceId(), sent, text(v, OUTCOME) != null));
  }

  /** R15: who sent it, by name and role; nothing for what the Member sent. */
  private EnquiryView.SentBy sentBy(Communication communication) {
    if (communication.kind().fromMember()) {
      return null;
    }
    return staff.signatory(communication.sentBy())
        .map(signatory -> new EnquiryView.SentBy(signatory.name(), signatory.role())).orElse(null);
  }

  public EnquirySummary summary(RegisteredEnquiry enquiry) {
    EnquiryView view = view(enquiry);
    return new EnquirySummary(view.reference(), view.state(), view.subject(), view.receivedAt(), nextDeadline(view),
        view.late().stream().anyMatch(EnquiryView.Late::stillOwed));
  }

  static EnquiryState stateOf(Map<String, Object> v) {
    String outcome = text(v, OUTCOME);
    if (outcome != null) {
      return switch (Outcome.valueOf(outcome)) {
        case ANSWERED, ANSWERED_IN_FULL -> EnquiryState.ANSWERED;
        case REFERRED -> EnquiryState.REFERRED;
        case NO_RESPONSE_FROM_MEMBER -> EnquiryState.CLOSED_NO_RESPONSE;
      };
    }
    if (Boolean.TRUE.equals(v.get(AWAITING_MEMBER_REPLY))) {
      return EnquiryState.AWAITING_MEMBER;
    }
    if (v.get(HOLDING_RESPONSE_SENT_AT) != null) {
      return EnquiryState.HOLDING_RESPONSE_SENT;
    }
    if (v.get(ACKNOWLEDGED_AT) != null) {
      return EnquiryState.ACKNOWLEDGED;
    }
    return EnquiryState.RECEIVED;
  }

  private static OffsetDateTime nextDeadline(EnquiryView view) {
    EnquiryView.Deadlines d = view.deadlines();
    return switch (view.state()) {
      case RECEIVED -> d.acknowledgeBy();
      case ACKNOWLEDGED -> d.respondBy();
      case HOLDING_RESPONSE_SENT -> d.revisedFullResponseBy() != null ? d.revisedFullResponseBy() : d.fullResponseBy();
      case AWAITING_MEMBER -> view.openQuestion() == null ? null : view.openQuestion().replyDueBy();
      default -> null;
    };
  }

  private EnquiryView.Deadlines deadlines(Map<String, Object> v) {
    Object stopped = v.get(CLOCK_STOPPED_WORKING_DAYS);
    if (referred(v)) {
      // R1, R2 (issue 12): once triage decided it belongs to another procedure, that procedure's
      // timescales apply, not this protocol's; only the referral itself was owed (by the R4 deadline).
      return new EnquiryView.Deadlines(at(v.get(ACKNOWLEDGE_BY)), null, null, null, null, 0, false);
    }
    return new EnquiryView.Deadlines(at(v.get(ACKNOWLEDGE_BY)), at(v.get(RESPOND_BY)), at(v.get(FULL_RESPONSE_BY)),
        at(v.get(REVISED_FULL_RESPONSE_BY)), at(v.get(AGREED_DEADLINE_BY)),
        stopped instanceof Number n ? n.intValue() : 0, !Boolean.FALSE.equals(v.get(TIMESCALES_APPLY)));
  }

  /** Referred elsewhere, or decided at triage to be referred (R1, R2). */
  private static boolean referred(Map<String, Object> v) {
    Object scope = v.get(SCOPE);
    return Outcome.REFERRED.name().equals(v.get(OUTCOME)) || (scope != null && !"ENQUIRY".equals(scope.toString()));
  }

  private EnquiryView.OpenQuestion openQuestion(Map<String, Object> v, List<Communication> sent, EnquiryState state) {
    if (state != EnquiryState.AWAITING_MEMBER) {
      return null;
    }
    String question = sent.stream().filter(c -> c.kind() == CommunicationKind.QUESTION_TO_MEMBER)
        .reduce((first, second) -> second).map(Communication::body).orElse(null);
    return new EnquiryView.OpenQuestion(question, at(v.get(QUESTION_ASKED_AT)), at(v.get(REPLY_DUE_BY)),
        Step.CAPACITY_CHECK.name().equals(v.get(RETURN_TO)));
  }

  private Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list()) {
      boolean processScoped = processInstanceId.equals(variable.getActivityInstanceId());
      if (processScoped || !values.containsKey(variable.getName())) {
        values.put(variable.getName(), variable.getValue());
      }
    }
    return values;
  }

  private OffsetDateTime at(Object value) {
    if (value instanceof Date date) {
      return at(date.toInstant());
    }
    if (value instanceof Instant instant) {
      return instant.atZone(calendar.zone()).toOffsetDateTime();
    }
    return null;
  }

  private static String text(Map<String, Object> v, String name) {
    Object value = v.get(name);
    return value == null ? null : value.toString();
  }
}
