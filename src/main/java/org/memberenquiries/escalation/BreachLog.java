package org.memberenquiries.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every missed deadline, with its escalation and outcome (R10); the source of breach figures (R16). */
@Repository
public class BreachLog {

  private static final String COLUMNS =
      "id, process_instance_id, enquiry_reference, department, deadline_kind, deadline_due, missed_at,"
          + " escalated, outcome, outcome_notes, decided_by, decided_at";

  private final JdbcClient jdbc;

  public BreachLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Whether this deadline of the enquiry was already escalated (R10). A deadline that moved (R8
   * agreed, R9 clock stopped) and is missed again is the same deadline: recorded, not escalated twice.
   */
  public boolean alreadyEscalated(String processInstanceId, MissedDeadline deadline) {
    return jdbc.sql(
            "select count(*) from breach where process_instance_id = ? and deadline_kind = ?"
                + " and escalated = true")
        .params(processInstanceId, deadline.name())
        .query(Long.class)
        .single()
        > 0;
  }

  /** Records a breach and returns its id. */
  public long record(
      String processInstanceId,
      String enquiryReference,
      String department,
      MissedDeadline deadline,
      Instant due,
      Instant missedAt,
      boolean escalated) {
    jdbc.sql(
            "insert into breach (process_instance_id, enquiry_reference, department, deadline_kind,"
                + " deadline_due, missed_at, escalated) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            processInstanceId,
            enquiryReference,
            department,
            deadline.name(),
            Timestamp.from(due),
            Timestamp.from(missedAt),
            escalated)
        .update();
    return jdbc.sql("select max(id) from breach where process_instance_id = ?")
        .param(processInstanceId)
        .query(Long.class)
        .single();
  }

  public void decide(long breachId, String outcome, String notes, String decidedBy, Instant decidedAt) {
    jdbc.sql(
            "update breach set outcome = ?, outcome_notes = ?, decided_by = ?, decided_at = ? where id = ?")
        .params(outcome, notes, decidedBy, Timestamp.from(decidedAt), breachId)
        .update();
  }

  public List<Breach> forEnquiry(String processInstanceId) {
    return jdbc.sql("select " + COLUMNS + " from breach where process_instance_id = ? order by id")
        .param(processInstanceId)
        .query(BreachLog::breach)
        .list();
  }

  private static Breach breach(ResultSet rs, int row) throws SQLException {
    return new Breach(
        rs.getLong("id"),
        rs.getString("process_instance_id"),
        rs.getString("enquiry_reference"),
        rs.getString("department"),
        MissedDeadline.valueOf(rs.getString("deadline_kind")),
        rs.getTimestamp("deadline_due").toInstant(),
        rs.getTimestamp("missed_at").toInstant(),
        rs.getBoolean("escalated"),
        rs.getString("outcome"),
        rs.getString("outcome_notes"),
        rs.getString("decided_by"),
        rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant());
  }
}
