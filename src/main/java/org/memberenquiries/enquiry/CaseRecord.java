package org.memberenquiries.enquiry;

import org.memberenquiries.casedata.EnquiryVariables;

import static org.memberenquiries.casedata.EnquiryVariables.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationRecorded;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The one writer of an enquiry's read model (issue 8 item 4; R16): the columns of its {@code enquiry}
 * row that lists, the staff search and the pages read. Everything is written inside the engine step
 * that changes it, so the row commits or rolls back with the step:
 *
 * <ul>
 *   <li>what was sent, and so where the case stands and how it ended, from each {@link CommunicationRecorded}
 *       (an explicit state change per kind of message, never guessed from which variables exist);
 *   <li>what the Member asked and the deadlines owed, copied from the case's variables by the delegates and
 *       listeners that set them ({@link #caseChanged(DelegateExecution)}), once they have set them.
 * </ul>
 *
 * The question's columns (R3, R9) are written by {@link #questionAsked} and {@link #clockRestarted}, from
 * the question's own process (ask-member), never from the enquiry's variables.
 *
 * A case without a registered enquiry (started directly on the engine) has no row; nothing is written.
 */
@Service
public class CaseRecord {

  private final JdbcClient jdbc;
  private final WorkingCalendar calendar;
  private final EngineClock clock;

  public CaseRecord(JdbcClient jdbc, WorkingCalendar calendar, EngineClock clock) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * The case's data changed (received, triaged, deadlines set, moved, stopped, replaced or revised, a
   * question asked, a referral made): copies it to the row. The first call (Work out deadlines) also
   * links the row to its case, found by its reference, which the register gave before the case started.
   */
  public void caseChanged(DelegateExecution execution) {
    write(execution, execution.getProcessInstanceId(), execution.getProcessBusinessKey());
  }

  /** As {@link #caseChanged(DelegateExecution)}, from a task listener. */
  public void caseChanged(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    write(execution, task.getProcessInstanceId(), execution.getProcessBusinessKey());
  }

  /**
   * Triage is done (R1-R3): the case's data as {@link #caseChanged(DelegateTask)}, and the time of the first
   * triage, from which the timeliness report counts the time to allocate (issue 9, R16).
   */
  public void triaged(DelegateTask task) {
    caseChanged(task);
    update("triaged_at = coalesce(triaged_at, ?)", task.getProcessInstanceId(), at(clock.now()));
  }

  /** The read-model columns of the deadlines a calendar change moves (issue 8 item 3). */
  private static final Map<String, String> DEADLINE_COLUMNS = Map.of(ACKNOWLEDGE_BY, "acknowledge_by",
      RESPOND_BY, "respond_by", FULL_RESPONSE_BY, "full_response_by", REPLY_DUE_BY, "reply_due_by");

  /** Deadlines moved outside a step (a calendar change), written to the case's row in the same transaction. */
  public void deadlinesMoved(String processInstanceId, Map<String, java.time.Instant> moved) {
    moved.forEach((variable, due) -> {
      String column = DEADLINE_COLUMNS.get(variable);
      if (column != null) {
        jdbc.sql("update enquiry set " + column + " = :due, updated_at = :now where process_instance_id = :pid")
            .param("due", java.sql.Timestamp.from(due))
            .param("now", java.sql.Timestamp.from(clock.now()))
            .param("pid", processInstanceId)
            .update();
      }
    });
  }

  /** R3, R9: a question went to the Member; the reply is due by then. */
  public void questionAsked(String processInstanceId, Instant replyDueBy, boolean capacityQuestion) {
    jdbc.sql("update enquiry set reply_due_by = :replyDueBy, capacity_question = :capacityQuestion, updated_at = :now"
            + " where process_instance_id = :pid")
        .param("replyDueBy", at(replyDueBy))
        .param("capacityQuestion", capacityQuestion)
        .param("now", at(clock.now()))
        .param("pid", processInstanceId)
        .update();
  }

  /**
   * R9: the Member replied and the clock restarted; the deadlines it moved, and (R3) the capacity the
   * Member gave, if the question asked it. Read from the question's own scope (ask-member's, or the
   * enquiry's on version 4), which holds no other case data, so nothing else is written.
   */
  public void clockRestarted(String processInstanceId, VariableScope question) {
    ZoneId zone = calendar.zone();
    Object stopped = question.getVariable(CLOCK_STOPPED_WORKING_DAYS);
    jdbc.sql("update enquiry set respond_by = :respondBy, full_response_by = :fullResponseBy,"
            + " revised_full_response_by = :revisedBy, clock_stopped_working_days = :stopped,"
            + " capacity = coalesce(:capacity, capacity), capacity_question = false, updated_at = :now"
            + " where process_instance_id = :pid")
        .param("respondBy", at(Variables.instant(question, RESPOND_BY, zone)))
        .param("fullResponseBy", at(Variables.instant(question, FULL_RESPONSE_BY, zone)))
        .param("revisedBy", at(Variables.instant(question, REVISED_FULL_RESPONSE_BY, zone)))
        .param("stopped", stopped instanceof Number n ? n.intValue() : 0)
        .param("capacity", Variables.text(question, CAPACITY))
        .param("now", at(clock.now()))
        .param("pid", processInstanceId)
        .update();
  }

  /** R5 (issue 10 item 4): the window for follow-ups is open until then. */
  public void followUpWindowOpened(String processInstanceId, Instant endsAt) {
    update("follow_up_window_ends_at = ?", processInstanceId, at(endsAt));
  }

  /** R5: the Member's follow-up is owed an answer by then (its state moves when it is recorded). */
  public void followUpAsked(String processInstanceId, Instant respondBy) {
    update("follow_up_respond_by = ?", processInstanceId, at(respondBy));
  }

  /** R10: Member Support's informal resolution of the Member's dissatisfaction is due by then. */
  public void notSatisfied(String processInstanceId, Instant resolveBy) {
    update("informal_resolution_by = ?", processInstanceId, at(resolveBy));
  }

  /**
   * R8: an agreed deadline replaced the one owed at a step ({@code owedDeadline}, as escalation.MissedDeadline
   * names it) and those it carries; which answer it was for is kept for the timeliness report (issue 9, R16).
   */
  public void deadlinesReplaced(String processInstanceId, VariableScope agreement, String owedDeadline) {
    ZoneId zone = calendar.zone();
    jdbc.sql("update enquiry set respond_by = :respondBy, full_response_by = :fullResponseBy,"
            + " revised_full_response_by = :revisedBy, agreed_deadline_by = :agreedBy,"
            + " agreed_for_step = :owedDeadline, updated_at = :now"
            + " where process_instance_id = :pid")
        .param("owedDeadline", owedDeadline)
        .param("respondBy", at(Variables.instant(agreement, RESPOND_BY, zone)))
        .param("fullResponseBy", at(Variables.instant(agreement, FULL_RESPONSE_BY, zone)))
        .param("revisedBy", at(Variables.instant(agreement, REVISED_FULL_RESPONSE_BY, zone)))
        .param("agreedBy", at(Variables.instant(agreement, AGREED_DEADLINE_BY, zone)))
        .param("now", at(clock.now()))
        .param("pid", processInstanceId)
        .update();
  }

  private void write(VariableScope v, String processInstanceId, String reference) {
    ZoneId zone = calendar.zone();
    Object stopped = v.getVariable(CLOCK_STOPPED_WORKING_DAYS);
    Object timescales = v.getVariable(TIMESCALES_APPLY);
    jdbc.sql("update enquiry set process_instance_id = :pid, state = coalesce(state, 'RECEIVED'),"
            + " subject = :subject, enquiry_text = :text, search_text = :searchText, member_name = :memberName, capacity = :capacity,"
            + " ward = :ward, purpose = :purpose, received_at = :receivedAt, referred_to = :referredTo,"
            + " acknowledge_by = :acknowledgeBy, respond_by = :respondBy, full_response_by = :fullResponseBy,"
            + " revised_full_response_by = :revisedBy, agreed_deadline_by = :agreedBy,"
            + " clock_stopped_working_days = :stopped, timescales_apply = :timescales,"
            + " officer_group = coalesce(:officerGroup, officer_group), updated_at = :now"
            + " where process_instance_id = :pid or (process_instance_id is null and reference = :reference)")
        .param("pid", processInstanceId)
        .param("reference", reference)
        .param("subject", Variables.text(v, SUBJECT))
        .param("text", Variables.text(v, ENQUIRY_TEXT))
        .param("searchText", searchText(Variables.text(v, SUBJECT), Variables.text(v, ENQUIRY_TEXT)))
        .param("memberName", Variables.text(v, MEMBER_NAME))
        .param("capacity", Variables.text(v, CAPACITY))
        .param("ward", Variables.text(v, WARD))
        .param("purpose", Variables.text(v, PURPOSE))
        .param("receivedAt", at(Variables.instant(v, RECEIVED_AT, zone)))
        .param("referredTo", Variables.text(v, REFERRED_TO))
        .param("acknowledgeBy", at(Variables.instant(v, ACKNOWLEDGE_BY, zone)))
        .param("respondBy", at(Variables.instant(v, RESPOND_BY, zone)))
        .param("fullResponseBy", at(Variables.instant(v, FULL_RESPONSE_BY, zone)))
        .param("revisedBy", at(Variables.instant(v, REVISED_FULL_RESPONSE_BY, zone)))
        .param("agreedBy", at(Variables.instant(v, AGREED_DEADLINE_BY, zone)))
        .param("stopped", stopped instanceof Number n ? n.intValue() : 0)
        .param("timescales", !Boolean.FALSE.equals(timescales))
        .param("officerGroup", Variables.text(v, OFFICER_GROUP))
        .param("now", at(clock.now()))
        .update();
  }

  private static final java.util.Set<CommunicationKind> NOT_THE_CASE_OFFICER = java.util.EnumSet.of(
      CommunicationKind.BURDEN_DISCUSSION, CommunicationKind.INFORMAL_RESOLUTION, CommunicationKind.FOLLOW_UP_RESPONSE);

  /** R4-R9, R15: each message sent moves the case on; the officer in whose name it went is recorded. */
  @EventListener
  public void on(CommunicationRecorded sent) {
    Timestamp at = at(sent.sentAt());
    String pid = sent.processInstanceId();
    switch (sent.kind()) {
      case ACKNOWLEDGEMENT -> update("state = case when state = 'RECEIVED' then 'ACKNOWLEDGED' else state end,"
          + " acknowledged_at = ?", pid, at);
      // R5-R7 with R9: the working days the clock had stood still when each answer went (issue 9, R16).
      case HOLDING_RESPONSE -> update("state = 'HOLDING_RESPONSE_SENT', holding_response_sent_at = ?,"
          + " stopped_days_at_response = coalesce(stopped_days_at_response, clock_stopped_working_days, 0)", pid, at);
      // R5 answered at once; R7 answered in full after a holding response.
      case FULL_RESPONSE -> update("state = 'ANSWERED', full_response_sent_at = ?, closed_at = ?,"
          + " stopped_days_at_response = coalesce(stopped_days_at_response, clock_stopped_working_days, 0),"
          + " stopped_days_at_full_response = coalesce(clock_stopped_working_days, 0),"
          + " outcome = case when holding_response_sent_at is null then 'ANSWERED' else 'ANSWERED_IN_FULL' end",
          pid, at, at);
      case REFERRAL_NOTICE -> update("state = 'REFERRED', outcome = 'REFERRED', closed_at = ?", pid, at);
      // R3, R9: the clock stops until the Member replies.
      case QUESTION_TO_MEMBER -> update("state = 'AWAITING_MEMBER', question_asked_at = ?,"
          + " questions_asked = questions_asked + 1", pid, at);
      // The case goes back to where it stood before the question.
      case MEMBER_REPLY -> update("replies_received = replies_received + 1, capacity_question = false, state = case when holding_response_sent_at is not null then 'HOLDING_RESPONSE_SENT'"
          + " when acknowledged_at is not null then 'ACKNOWLEDGED' else 'RECEIVED' end", pid);
      case CLOSED_NO_REPLY -> update("state = 'CLOSED_NO_RESPONSE', outcome = 'NO_RESPONSE_FROM_MEMBER',"
          + " timescales_apply = false, capacity_question = false, closed_at = ?", pid, at);
      // After the answer (issue 10 item 4): closed_at keeps the time the enquiry was answered, so the
      // timeliness figures (R16) do not count an answered enquiry as open while a follow-up is asked.
      case FOLLOW_UP -> update("state = 'FOLLOW_UP', follow_ups_asked = follow_ups_asked + 1, follow_up_asked_at = ?,"
          + " follow_up_answered_at = null", pid, at);
      case FOLLOW_UP_RESPONSE -> update("state = 'ANSWERED', follow_up_answered_at = ?", pid, at);
      case NOT_SATISFIED -> update("state = 'NOT_SATISFIED', not_satisfied_at = ?", pid, at);
      case INFORMAL_RESOLUTION -> update("state = 'ANSWERED', informally_resolved_at = ?", pid, at);
      case ENQUIRY_CLOSED -> update("follow_ups_closed_at = ?", pid, at);
      case REVISED_DATE_NOTICE, PROGRESS_UPDATE, BURDEN_DISCUSSION -> { }
      default -> { } // outbox-only kinds (staff mail, R10 notices, R14) are never in the log
    }
    // R15: the officer handling it; the manager's burden discussion (R8) does not make them the officer, nor
    // does Member Support's informal resolution (R10) or a follow-up's answer (the case's officer stays the
    // one who answered it, as the timeliness figures count it).
    if (!sent.kind().fromMember() && !NOT_THE_CASE_OFFICER.contains(sent.kind()) && sent.sentBy() != null) {
      update("officer_id = ?", pid, sent.sentBy());
    }
  }

  private void update(String assignments, String processInstanceId, Object... values) {
    Object[] params = new Object[values.length + 2];
    System.arraycopy(values, 0, params, 0, values.length);
    params[values.length] = at(clock.now());
    params[values.length + 1] = processInstanceId;
    jdbc.sql("update enquiry set " + assignments + ", updated_at = ? where process_instance_id = ?")
        .params(params).update();
  }

  /** What the staff's free-text search looks in: the subject and the text, in lower case. */
  static String searchText(String subject, String text) {
    return ((subject == null ? "" : subject) + "\n" + (text == null ? "" : text)).toLowerCase(Locale.ROOT);
  }

  private static Timestamp at(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
