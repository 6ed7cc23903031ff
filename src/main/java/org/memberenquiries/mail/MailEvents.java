package org.memberenquiries.mail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.memberenquiries.communication.CommunicationKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code mail_event}: each event that mails someone (staff mail, the Member's R10 notices) is
 * claimed once by its key, in the transaction that writes its outbox rows, so a second node, a retried
 * job or a second scan writes nothing. On PostgreSQL a concurrent second claim waits for the first and
 * then inserts nothing (rather than failing its whole transaction on the key); on H2 a duplicate fails the
 * statement only, which is caught.
 */
@Repository
public class MailEvents {

  private final JdbcClient jdbc;
  private final boolean postgresql;

  public MailEvents(JdbcClient jdbc, DataSource dataSource) throws SQLException {
    this.jdbc = jdbc;
    try (Connection connection = dataSource.getConnection()) {
      this.postgresql = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }
  }

  /** True if this call took the event (nobody had); false if it was already claimed. */
  public boolean claim(String key, String processInstanceId, String reference, CommunicationKind kind,
      int recipients, Instant at) {
    String insert = "insert into mail_event (event_key, process_instance_id, reference, kind, recipients, recorded_at) ";
    if (postgresql) {
      return jdbc.sql(insert + "values (?, ?, ?, ?, ?, ?) on conflict (event_key) do nothing")
          .params(key, processInstanceId, reference, kind.name(), recipients, Timestamp.from(at))
          .update() == 1;
    }
    try {
      return jdbc.sql(insert + "select ?, ?, ?, ?, ?, ? from (values (1)) where not exists"
              + " (select 1 from mail_event where event_key = ?)")
          .params(key, processInstanceId, reference, kind.name(), recipients, Timestamp.from(at), key)
          .update() == 1;
    } catch (DuplicateKeyException claimedConcurrently) {
      return false;
    }
  }

  public boolean isClaimed(String key) {
    return jdbc.sql("select count(*) from mail_event where event_key = ?").param(key).query(Long.class).single() > 0;
  }
}
