package org.memberenquiries.enquiry;

import org.memberenquiries.casedata.EnquiryVariables;

import static org.memberenquiries.casedata.EnquiryVariables.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.memberenquiries.communication.Communication;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the read model (migration 22) of enquiries registered before it existed, from the engine's
 * history and the communication log, once, when the application starts (before it serves requests),
 * and for any row still unfilled when it is first read. Only rows whose state is null are written, so
 * several nodes starting together, or a row filled meanwhile by a step, are safe. New cases never need
 * it: {@link CaseRecord} writes their row with each step.
 */
@Component
public class CaseRecordBackfill implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(CaseRecordBackfill.class);
  private static final int BATCH = 200;

  private final HistoryService history;
  private final CommunicationLog communications;
  private final EnquiryRegister register;
  private final CaseRows rows;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  public CaseRecordBackfill(HistoryService history, CommunicationLog communications, EnquiryRegister register,
      CaseRows rows, JdbcClient jdbc, TransactionTemplate transaction) {
    this.history = history;
    this.communications = communications;
    this.register = register;
    this.rows = rows;
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  @Override
  public void afterSingletonsInstantiated() {
    int filled = fillAll();
    if (filled > 0) {
      LOG.info("Filled the read model of {} enquiries registered before migration 22, from the engine's history", filled);
    }
  }

  /** Fills every unfilled row; returns how many. */
  public int fillAll() {
    int filled = 0;
    List<String> batch;
    while (!(batch = rows.unfilled(BATCH)).isEmpty()) {
      for (String reference : batch) {
        Integer done = transaction.execute(status -> fill(reference));
        if (done == null || done == 0) {
          // A case whose history is gone cannot be rebuilt: mark it received so it is not retried forever.
          jdbc.sql("update enquiry set state = 'RECEIVED' where reference = ? and state is null").param(reference).update();
        }
        filled++;
      }
    }
    return filled;
  }

  /** Fills one row from the engine's history, if it is still unfilled; returns the rows written. */
  public int fill(String reference) {
    RegisteredEnquiry enquiry = register.find(reference).orElse(null);
    if (enquiry == null || enquiry.processInstanceId() == null) {
      return 0;
    }
    CaseRow row = fromHistory(enquiry);
    if (row.subject() == null) {
      return 0;
    }
    return jdbc.sql("update enquiry set state = ?, subject = ?, enquiry_text = ?, search_text = ?, member_name = ?, capacity = ?,"
            + " ward = ?, purpose = ?, received_at = ?, outcome = ?, referred_to = ?, officer_id = ?, acknowledge_by = ?,"
            + " respond_by = ?, full_response_by = ?, revised_full_response_by = ?, agreed_deadline_by = ?,"
            + " clock_stopped_working_days = ?, timescales_apply = ?, question_asked_at = ?, reply_due_by = ?,"
            + " capacity_question = ?, acknowledged_at = ?, holding_response_sent_at = ?, full_response_sent_at = ?,"
            + " closed_at = ? where reference = ? and state is null")
        .params(row.state().name(), row.subject(), row.text(), CaseRecord.searchText(row.subject(), row.text()), row.memberName(), row.capacity(), row.ward(),
            row.purpose(), at(row.receivedAt()), row.outcome(), row.referredTo(), row.officerId(),
            at(row.acknowledgeBy()), at(row.respondBy()), at(row.fullResponseBy()), at(row.revisedFullResponseBy()),
            at(row.agreedDeadlineBy()), row.clockStoppedWorkingDays(), row.timescalesApply(),
            at(row.questionAskedAt()), at(row.replyDueBy()), row.capacityQuestion(), at(row.acknowledgedAt()),
            at(row.holdingResponseSentAt()), at(row.fullResponseSentAt()), at(row.closedAt()), reference)
        .update();
  }

  /**
   * The read model as the engine's history and the communication log tell it: the derivation the
   * pages used before migration 22. Also the reference the read-model tests compare the row with.
   */
  public CaseRow fromHistory(RegisteredEnquiry enquiry) {
    Map<String, Object> v = variables(enquiry.processInstanceId());
    // Version 5 asks the Member in a child process (ask-member); its question, reply date and whether it
    // is still waiting are that process's, the latest question's last.
    history.createHistoricProcessInstanceQuery().superProcessInstanceId(enquiry.processInstanceId())
        .processDefinitionKey("ask-member").orderByProcessInstanceStartTime().asc().list()
        .forEach(question -> variables(question.getId()).forEach((name, value) -> {
          if (QUESTION.contains(name)) {
            v.put(name, value);
          }
        }));
    List<Communication> sent = communications.forEnquiry(enquiry.processInstanceId());
    Object stopped = v.get(CLOCK_STOPPED_WORKING_DAYS);
    String officer = sent.stream()
        .filter(c -> !c.kind().fromMember() && c.kind() != CommunicationKind.BURDEN_DISCUSSION && c.sentBy() != null)
        .reduce((first, second) -> second).map(Communication::sentBy).orElse(null);
    Instant closedAt = sent.stream()
        .filter(c -> c.kind() == CommunicationKind.FULL_RESPONSE || c.kind() == CommunicationKind.REFERRAL_NOTICE
            || c.kind() == CommunicationKind.CLOSED_NO_REPLY)
        .reduce((first, second) -> second).map(Communication::sentAt).orElse(null);
    return new CaseRow(enquiry.reference(), enquiry.processInstanceId(), enquiry.memberId(), enquiry.submittedBy(),
        enquiry.department(), enquiry.submittedAt(), stateOf(v), text(v, SUBJECT), text(v, ENQUIRY_TEXT),
        text(v, MEMBER_NAME), text(v, CAPACITY), text(v, WARD), text(v, PURPOSE), instant(v, RECEIVED_AT),
        text(v, OUTCOME), text(v, REFERRED_TO), officer, instant(v, ACKNOWLEDGE_BY), instant(v, RESPOND_BY),
        instant(v, FULL_RESPONSE_BY), instant(v, REVISED_FULL_RESPONSE_BY), instant(v, AGREED_DEADLINE_BY),
        stopped instanceof Number n ? n.intValue() : 0, !Boolean.FALSE.equals(v.get(TIMESCALES_APPLY)),
        instant(v, QUESTION_ASKED_AT), instant(v, REPLY_DUE_BY),
        Boolean.TRUE.equals(v.get(AWAITING_MEMBER_REPLY)) && (Boolean.TRUE.equals(v.get(CAPACITY_QUESTION))
            || VersionFour.CAPACITY_CHECK.equals(v.get(VersionFour.RETURN_TO))),
        instant(v, ACKNOWLEDGED_AT), instant(v, HOLDING_RESPONSE_SENT_AT), instant(v, FULL_RESPONSE_SENT_AT), closedAt);
  }

  private static final List<String> QUESTION =
      List.of(QUESTION_ASKED_AT, REPLY_DUE_BY, AWAITING_MEMBER_REPLY, CAPACITY_QUESTION);

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

  private static Instant instant(Map<String, Object> v, String name) {
    return v.get(name) instanceof Date date ? date.toInstant() : null;
  }

  private static String text(Map<String, Object> v, String name) {
    Object value = v.get(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  private static Timestamp at(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
