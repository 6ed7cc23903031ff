package org.memberenquiries.escalation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every missed deadline, with its escalation and outcome (R10); the source of breach figures (R16). */
@Repository
public class BreachLog {

  private static final String COLUMNS =
      "id, process_instance_id, enquiry_reference, department, deadline_kind, deadline_due, missed_at,"
          + " escalated, outcome, outcome_notes, decided_by, decided_at";

  private final JdbcClient jdbc;
  private final boolean postgresql;

  public BreachLog(JdbcClient jdbc, DataSource dataSource) throws SQLException {
    this.jdbc = jdbc;
    try (Connection connection = dataSource.getConnection()) {
      this.postgresql = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }
  }

  /**
   * Whether another missed deadline of this kind was already escalated for the enquiry (R10). A
   * deadline that moved (R8 agreed, R9 clock stopped) and is missed again is the same obligation:
   * recorded again, with its new due date, but not escalated twice.
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

  /**
   * Records that this deadline, due then, was missed, once (issue 7 item 11): whichever transaction
   * notices it first (the overdue timer, or the officer completing the step late) writes the row; the
   * other finds it. On PostgreSQL a concurrent second writer waits for the first and then inserts
   * nothing, instead of failing its whole transaction on the unique constraint.
   */
  public Recorded recordOnce(
      String processInstanceId,
      String enquiryReference,
      String department,
      MissedDeadline deadline,
      Instant due,
      Instant missedAt) {
    String insert = "insert into breach (process_instance_id, enquiry_reference, department, deadline_kind,"
        + " deadline_due, missed_at, escalated) ";
    int inserted = postgresql
        ? jdbc.sql(insert + "values (?, ?, ?, ?, ?, ?, false) on conflict on constraint breach_once do nothing")
            .params(processInstanceId, enquiryReference, department, deadline.name(), Timestamp.from(due),
                Timestamp.from(missedAt))
            .update()
        : insertIfAbsent(insert, processInstanceId, enquiryReference, department, deadline, due, missedAt);
    long id = jdbc.sql("select id from breach where process_instance_id = ? and deadline_kind = ? and deadline_due = ?")
        .params(processInstanceId, deadline.name(), Timestamp.from(due))
        .query(Long.class)
        .single();
    return new Recorded(id, inserted == 1);
  }

  /** H2: a concurrent duplicate fails the statement only, never the transaction, so it can be caught. */
  private int insertIfAbsent(String insert, String processInstanceId, String enquiryReference, String department,
      MissedDeadline deadline, Instant due, Instant missedAt) {
    try {
      return jdbc.sql(insert + "select ?, ?, ?, ?, ?, ?, false from (values (1)) where not exists (select 1 from breach"
              + " where process_instance_id = ? and deadline_kind = ? and deadline_due = ?)")
          .params(processInstanceId, enquiryReference, department, deadline.name(), Timestamp.from(due),
              Timestamp.from(missedAt), processInstanceId, deadline.name(), Timestamp.from(due))
          .update();
    } catch (DuplicateKeyException recordedConcurrently) {
      return 0;
    }
  }

  /** Marks a breach as escalated to Member Support (R10). */
  public void escalated(long breachId) {
    jdbc.sql("update breach set escalated = true where id = ?").param(breachId).update();
  }

  /** Whether this deadline, due then, is already recorded as missed. */
  public boolean isRecorded(String processInstanceId, MissedDeadline deadline, Instant due) {
    return jdbc.sql("select count(*) from breach where process_instance_id = ? and deadline_kind = ? and deadline_due = ?")
        .params(processInstanceId, deadline.name(), Timestamp.from(due))
        .query(Long.class)
        .single() > 0;
  }

  /** A breach row, and whether this call wrote it. */
  public record Recorded(long id, boolean isNew) {}

  /** R10: Member Support could not resolve it; referred to this referee's group (issue 9, R16). */
  public void referred(long breachId, String referee) {
    jdbc.sql("update breach set referred_to = ? where id = ?").params(referee, breachId).update();
  }

  /** R10: breach id to the referee's group, for this enquiry's breaches Member Support referred on. */
  public java.util.Map<Long, String> referrals(String processInstanceId) {
    java.util.Map<Long, String> referred = new java.util.HashMap<>();
    jdbc.sql("select id, referred_to from breach where process_instance_id = ? and referred_to is not null")
        .param(processInstanceId)
        .query(rs -> {
          referred.put(rs.getLong("id"), rs.getString("referred_to"));
        });
    return referred;
  }

  public void decide(long breachId, String outcome, String notes, String decidedBy, Instant decidedAt) {
    jdbc.sql(
            "update breach set outcome = ?, outcome_notes = ?, decided_by = ?, decided_at = ? where id = ?")
        .params(outcome, notes, decidedBy, Timestamp.from(decidedAt), breachId)
        .update();
  }

  public java.util.Optional<Breach> find(long breachId) {
    return jdbc.sql("select " + COLUMNS + " from breach where id = ?").param(breachId)
        .query(BreachLog::breach).optional();
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
