package org.memberenquiries.nodes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.memberenquiries.testing.PostgresqlTestDatabase;

/**
 * What the nodes' one database holds, read with plain SQL beside them: the enquiries registered under
 * each Idempotency-Key, and per case the acknowledgement timer (R4): still due, or fired, with its
 * breach (R10) and escalation.
 */
final class SharedDatabase {

  static final String ACKNOWLEDGEMENT_TIMER = "AcknowledgementOverdue";

  /** One registered enquiry. */
  record Registered(String key, String reference, String processInstanceId, int rows, int cases) {}

  /** One case's acknowledgement timer: jobs still there, breaches recorded, escalations started, times the timer's event happened. */
  record Timer(String reference, int dueJobs, Instant jobDue, int breaches, int escalations, int timerRuns) {
    boolean stillDue() {
      return dueJobs == 1 && breaches == 0 && escalations == 0 && timerRuns == 0;
    }

    boolean firedOnce() {
      return dueJobs == 0 && breaches == 1 && escalations == 1 && timerRuns == 1;
    }
  }

  private final String schema;

  SharedDatabase(String schema) {
    this.schema = schema;
  }

  /**
   * The enquiries registered under keys with this prefix (a key registered twice shows as rows = 2),
   * each with the number of member-enquiry cases carrying its reference as business key.
   */
  Map<String, Registered> registered(String keyPrefix) {
    Map<String, Registered> found = new LinkedHashMap<>();
    query("select e.idempotency_key, min(e.reference), min(e.process_instance_id), count(*),"
        + " (select count(*) from act_hi_procinst p where p.business_key_ = min(e.reference)"
        + "   and p.proc_def_key_ = 'member-enquiry')"
        + " from enquiry e where e.idempotency_key like ? group by e.idempotency_key", rows -> {
          while (rows.next()) {
            found.put(rows.getString(1), new Registered(rows.getString(1), rows.getString(2), rows.getString(3),
                rows.getInt(4), rows.getInt(5)));
          }
        }, keyPrefix + "%");
    return found;
  }

  /** The acknowledgement timer of each case registered under keys with this prefix, by reference. */
  Map<String, Timer> acknowledgementTimers(String keyPrefix) {
    Map<String, Timer> timers = new LinkedHashMap<>();
    String jobs = " from act_ru_job j join act_ru_jobdef d on j.job_def_id_ = d.id_"
        + " where j.process_instance_id_ = e.process_instance_id and d.act_id_ = 'AcknowledgementOverdue'";
    query("select e.reference, (select count(*)" + jobs + "), (select min(j.duedate_)" + jobs + "),"
        + " (select count(*) from breach b where b.process_instance_id = e.process_instance_id),"
        + " (select count(*) from act_hi_procinst p where p.super_process_instance_id_ = e.process_instance_id"
        + "   and p.proc_def_key_ = 'enquiry-escalation'),"
        // the timer's boundary event, once per firing that committed (activity history: the product's history
        // level keeps activity instances, not the job log)
        + " (select count(*) from act_hi_actinst a where a.proc_inst_id_ = e.process_instance_id"
        + "   and a.act_id_ = 'AcknowledgementOverdue')"
        + " from enquiry e where e.idempotency_key like ?", rows -> {
          while (rows.next()) {
            Timestamp due = rows.getTimestamp(3);
            timers.put(rows.getString(1), new Timer(rows.getString(1), rows.getInt(2),
                due == null ? null : due.toInstant(), rows.getInt(4), rows.getInt(5), rows.getInt(6)));
          }
        }, keyPrefix + "%");
    return timers;
  }

  /** Acknowledgement timers due now (not yet fired), on any case. */
  int acknowledgementTimersDueNow() {
    return count("select count(*) from act_ru_job j join act_ru_jobdef d on j.job_def_id_ = d.id_"
        + " where d.act_id_ = ? and j.duedate_ <= now()", ACKNOWLEDGEMENT_TIMER);
  }

  /** Waits (polling: the nodes' job executors run on their own) until no acknowledgement timer is due. */
  int awaitTimersFired(Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    int due = acknowledgementTimersDueNow();
    while (due > 0 && System.nanoTime() < deadline) {
      AppNode.pause(Duration.ofMillis(500));
      due = acknowledgementTimersDueNow();
    }
    return due;
  }

  /** Versions deployed per process key (nodes starting together must not deploy a model twice). */
  Map<String, Integer> versionsPerProcess() {
    Map<String, Integer> versions = new LinkedHashMap<>();
    query("select key_, count(*) from act_re_procdef group by key_ order by key_", rows -> {
      while (rows.next()) {
        versions.put(rows.getString(1), rows.getInt(2));
      }
    });
    return versions;
  }

  int count(String sql, Object... parameters) {
    int[] count = {0};
    query(sql, rows -> {
      rows.next();
      count[0] = rows.getInt(1);
    }, parameters);
    return count[0];
  }

  private interface Rows {
    void read(ResultSet rows) throws SQLException;
  }

  private void query(String sql, Rows reader, Object... parameters) {
    try (Connection connection = PostgresqlTestDatabase.connect(schema);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        reader.read(rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
