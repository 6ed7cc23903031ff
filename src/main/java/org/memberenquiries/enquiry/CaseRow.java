package org.memberenquiries.enquiry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** An enquiry's read model: its row in {@code enquiry}, as {@link CaseRecord} keeps it (issue 8 item 4). */
public record CaseRow(
    String reference,
    String processInstanceId,
    String memberId,
    String submittedBy,
    String department,
    Instant submittedAt,
    EnquiryState state,
    String subject,
    String text,
    String memberName,
    String capacity,
    String ward,
    String purpose,
    Instant receivedAt,
    String outcome,
    String referredTo,
    String officerId,
    Instant acknowledgeBy,
    Instant respondBy,
    Instant fullResponseBy,
    Instant revisedFullResponseBy,
    Instant agreedDeadlineBy,
    int clockStoppedWorkingDays,
    boolean timescalesApply,
    Instant questionAskedAt,
    Instant replyDueBy,
    boolean capacityQuestion,
    Instant acknowledgedAt,
    Instant holdingResponseSentAt,
    Instant fullResponseSentAt,
    Instant closedAt) {

  static final String COLUMNS = "reference, process_instance_id, member_id, submitted_by, department, submitted_at,"
      + " state, subject, enquiry_text, member_name, capacity, ward, purpose, received_at, outcome, referred_to,"
      + " officer_id, acknowledge_by, respond_by, full_response_by, revised_full_response_by, agreed_deadline_by,"
      + " clock_stopped_working_days, timescales_apply, question_asked_at, reply_due_by, capacity_question,"
      + " acknowledged_at, holding_response_sent_at, full_response_sent_at, closed_at";

  /** The columns of a list line only (no texts), for the lists and the search. */
  static final String SUMMARY_COLUMNS = "reference, member_id, member_name, department, ward, officer_id, state,"
      + " subject, received_at, submitted_at, acknowledge_by, respond_by, full_response_by, revised_full_response_by,"
      + " reply_due_by";

  /** The date owed next, as the Member's list shows it: what the case waits for in its state. */
  static final String NEXT_DEADLINE = "case state when 'RECEIVED' then acknowledge_by when 'ACKNOWLEDGED' then respond_by"
      + " when 'HOLDING_RESPONSE_SENT' then coalesce(revised_full_response_by, full_response_by)"
      + " when 'AWAITING_MEMBER' then reply_due_by when 'FOLLOW_UP' then follow_up_respond_by end";

  /**
   * R10 (issue 13 item 8): a breach recorded and what that deadline owed still not sent, on a case not
   * yet closed; the list's "Late" mark, as enquiry.LateDeadlines decides it for one case.
   */
  static final String LATE = "case when state not in ('ANSWERED', 'REFERRED', 'CLOSED_NO_RESPONSE') and exists"
      + " (select 1 from breach b where b.process_instance_id = enquiry.process_instance_id and ("
      + " (b.deadline_kind = 'ACKNOWLEDGEMENT' and acknowledged_at is null)"
      + " or (b.deadline_kind = 'RESPONSE' and holding_response_sent_at is null and full_response_sent_at is null)"
      + " or (b.deadline_kind in ('FULL_RESPONSE', 'REVISED_FULL_RESPONSE') and full_response_sent_at is null)))"
      + " then true else false end";

  static CaseRow map(ResultSet rs, int row) throws SQLException {
    String state = rs.getString("state");
    return new CaseRow(rs.getString("reference"), rs.getString("process_instance_id"), rs.getString("member_id"),
        rs.getString("submitted_by"), rs.getString("department"), instant(rs, "submitted_at"),
        state == null ? null : EnquiryState.valueOf(state), rs.getString("subject"), rs.getString("enquiry_text"),
        rs.getString("member_name"), rs.getString("capacity"), rs.getString("ward"), rs.getString("purpose"),
        instant(rs, "received_at"), rs.getString("outcome"), rs.getString("referred_to"), rs.getString("officer_id"),
        instant(rs, "acknowledge_by"), instant(rs, "respond_by"), instant(rs, "full_response_by"),
        instant(rs, "revised_full_response_by"), instant(rs, "agreed_deadline_by"),
        rs.getInt("clock_stopped_working_days"), rs.getBoolean("timescales_apply") || rs.getObject("timescales_apply") == null,
        instant(rs, "question_asked_at"), instant(rs, "reply_due_by"), rs.getBoolean("capacity_question"),
        instant(rs, "acknowledged_at"), instant(rs, "holding_response_sent_at"), instant(rs, "full_response_sent_at"),
        instant(rs, "closed_at"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
