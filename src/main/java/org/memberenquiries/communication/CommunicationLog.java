package org.memberenquiries.communication;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit trail of what was sent to Members and when. Written in the engine's transaction, so a
 * task is never completed without its record, nor recorded without completing.
 */
@Repository
public class CommunicationLog {

  private final JdbcClient jdbc;

  public CommunicationLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String processInstanceId, CommunicationKind kind, String body, Instant sentAt, String sentBy) {
    jdbc.sql(
            "insert into communication (process_instance_id, kind, body, sent_at, sent_by) values (?, ?, ?, ?, ?)")
        .params(processInstanceId, kind.name(), body, Timestamp.from(sentAt), sentBy)
        .update();
  }

  public List<Communication> forEnquiry(String processInstanceId) {
    return jdbc.sql(
            "select id, process_instance_id, kind, body, sent_at, sent_by from communication"
                + " where process_instance_id = ? order by sent_at, id")
        .param(processInstanceId)
        .query(
            (rs, n) ->
                new Communication(
                    rs.getLong("id"),
                    rs.getString("process_instance_id"),
                    CommunicationKind.valueOf(rs.getString("kind")),
                    rs.getString("body"),
                    rs.getTimestamp("sent_at").toInstant(),
                    rs.getString("sent_by")))
        .list();
  }
}
