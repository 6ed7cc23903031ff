package org.memberenquiries.communication;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit trail of what was sent to Members and when. Written in the engine's transaction, so a
 * task is never completed without its record, nor recorded without completing. Each record is also
 * published as a {@link CommunicationRecorded} event in the same transaction (the Members' email outbox
 * listens to it).
 */
@Repository
public class CommunicationLog {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  public CommunicationLog(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  public void record(String processInstanceId, CommunicationKind kind, String body, Instant sentAt, String sentBy) {
    jdbc.sql(
            "insert into communication (process_instance_id, kind, body, sent_at, sent_by) values (?, ?, ?, ?, ?)")
        .params(processInstanceId, kind.name(), body, Timestamp.from(sentAt), sentBy)
        .update();
    events.publishEvent(new CommunicationRecorded(processInstanceId, kind, body, sentAt, sentBy));
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
