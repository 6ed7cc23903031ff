package org.memberenquiries.capacity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * R3: the capacity an enquiry is asked in and every change to it, with who, when and how. The one
 * owner of the capacity in force: it is written as submitted, by a triage that records how the Member
 * confirmed an unclear capacity, and by the Member's answer to the capacity question; nothing else
 * changes it (issue 7 item 6, issue 12 item 2).
 */
@Repository
public class CapacityRecord {

  private final JdbcClient jdbc;

  public CapacityRecord(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String processInstanceId, Capacity capacity, Instant at, String by, String how) {
    jdbc.sql("insert into capacity_record (process_instance_id, capacity, recorded_at, recorded_by, how)"
            + " values (?, ?, ?, ?, ?)")
        .params(processInstanceId, capacity.name(), Timestamp.from(at), by, how)
        .update();
  }

  /** The capacity in force, if this case has a record (cases started before it have none). */
  public Optional<Capacity> current(String processInstanceId) {
    return jdbc.sql("select capacity from capacity_record where process_instance_id = ? order by id desc")
        .param(processInstanceId)
        .query(String.class)
        .list().stream().findFirst().map(Capacity::valueOf);
  }

  public List<Change> history(String processInstanceId) {
    return jdbc.sql("select capacity, recorded_at, recorded_by, how from capacity_record"
            + " where process_instance_id = ? order by id")
        .param(processInstanceId)
        .query((rs, row) -> new Change(Capacity.valueOf(rs.getString("capacity")),
            rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"), rs.getString("how")))
        .list();
  }

  public record Change(Capacity capacity, Instant at, String by, String how) {}
}
