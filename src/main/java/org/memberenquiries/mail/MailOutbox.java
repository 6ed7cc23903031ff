package org.memberenquiries.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.memberenquiries.communication.CommunicationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The table {@code mail_outbox}. Claims are optimistic: a sender takes a row with one conditional
 * update, and only the sender whose update changed the row holds it, on H2 and PostgreSQL alike, so two
 * senders (two nodes) never send the same row at the same time.
 */
@Repository
public class MailOutbox {

  private static final String COLUMNS = "id, process_instance_id, reference, kind, body, sent_by, recorded_at,"
      + " owner_id, recipient_id, recipient_address, status, attempts, next_attempt_at, subject, text_body,"
      + " html_body, sent_at, last_error";

  private final JdbcClient jdbc;

  public MailOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Queues a message, due at once; runs in the caller's (the step's) transaction. Returns its id. */
  public long add(String processInstanceId, String reference, CommunicationKind kind, String body, String sentBy,
      Instant recordedAt, String ownerId, String recipientId, String recipientAddress) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into mail_outbox (process_instance_id, reference, kind, body, sent_by, recorded_at, owner_id,"
            + " recipient_id, recipient_address, status, attempts, next_attempt_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")
        .params(processInstanceId, reference, kind.name(), body, sentBy, Timestamp.from(recordedAt), ownerId,
            recipientId, recipientAddress, OutboxMail.PENDING, Timestamp.from(recordedAt))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /**
   * Queues a message written in full by its caller, with no enquiry behind it (R14's ward event
   * notices), due at once; runs in the caller's transaction. The sender sends it as it is.
   */
  public long addRendered(String reference, CommunicationKind kind, Instant recordedAt, String recipientId,
      String recipientAddress, RenderedMail mail) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into mail_outbox (reference, kind, recorded_at, owner_id, recipient_id, recipient_address,"
            + " status, attempts, next_attempt_at, subject, text_body, html_body)"
            + " values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)")
        .params(reference, kind.name(), Timestamp.from(recordedAt), recipientId, recipientId, recipientAddress,
            OutboxMail.PENDING, Timestamp.from(recordedAt), mail.subject(), mail.text(), mail.html())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /**
   * Queues a message about an enquiry written in full by its caller (staff email, the Member's R10
   * escalation notices), due at once; runs in the caller's transaction. The sender sends it as it is.
   */
  public long addRendered(String processInstanceId, String reference, CommunicationKind kind, Instant recordedAt,
      String ownerId, String recipientId, String recipientAddress, RenderedMail mail) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into mail_outbox (process_instance_id, reference, kind, recorded_at, owner_id, recipient_id,"
            + " recipient_address, status, attempts, next_attempt_at, subject, text_body, html_body)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)")
        .params(processInstanceId, reference, kind.name(), Timestamp.from(recordedAt), ownerId, recipientId,
            recipientAddress, OutboxMail.PENDING, Timestamp.from(recordedAt), mail.subject(), mail.text(), mail.html())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Ids of pending messages due at {@code now} and not held by a live claim, oldest first. */
  public List<Long> due(Instant now, int limit) {
    Timestamp at = Timestamp.from(now);
    return jdbc.sql("select id from mail_outbox where status = ? and next_attempt_at <= ?"
            + " and (claimed_until is null or claimed_until <= ?) order by id limit ?")
        .params(OutboxMail.PENDING, at, at, limit)
        .query(Long.class).list();
  }

  /** Takes the row for this sender until {@code until}; false if it is sent, not due, or held by another. */
  public boolean claim(long id, String token, Instant now, Instant until) {
    Timestamp at = Timestamp.from(now);
    return jdbc.sql("update mail_outbox set claim_token = ?, claimed_until = ?, attempts = attempts + 1"
            + " where id = ? and status = ? and next_attempt_at <= ? and (claimed_until is null or claimed_until <= ?)")
        .params(token, Timestamp.from(until), id, OutboxMail.PENDING, at, at)
        .update() == 1;
  }

  public Optional<OutboxMail> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from mail_outbox where id = ?").param(id)
        .query(MailOutbox::map).optional();
  }

  /** Keeps the rendered message, so that every retry sends the same text under the same Message-ID. */
  public void rendered(long id, String token, RenderedMail mail) {
    jdbc.sql("update mail_outbox set subject = ?, text_body = ?, html_body = ? where id = ? and claim_token = ?")
        .params(mail.subject(), mail.text(), mail.html(), id, token)
        .update();
  }

  /** Keeps the message as written when the step that caused it commits, unless it was already written. */
  public void renderedWithStep(long id, RenderedMail mail) {
    jdbc.sql("update mail_outbox set subject = ?, text_body = ?, html_body = ? where id = ? and subject is null")
        .params(mail.subject(), mail.text(), mail.html(), id)
        .update();
  }

  public boolean sent(long id, String token, Instant at) {
    return jdbc.sql("update mail_outbox set status = ?, sent_at = ?, claim_token = null, claimed_until = null,"
            + " last_error = null where id = ? and claim_token = ?")
        .params(OutboxMail.SENT, Timestamp.from(at), id, token)
        .update() == 1;
  }

  /** Releases the claim after a failed attempt; the message is due again at {@code nextAttempt}. */
  public void failed(long id, String token, Instant nextAttempt, String error) {
    String shortError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    jdbc.sql("update mail_outbox set next_attempt_at = ?, last_error = ?, claim_token = null, claimed_until = null"
            + " where id = ? and claim_token = ?")
        .params(Timestamp.from(nextAttempt), shortError, id, token)
        .update();
  }

  /** The newest messages, for the administrators' page. */
  public List<OutboxMail> recent(int limit) {
    return jdbc.sql("select " + COLUMNS + " from mail_outbox order by id desc limit ?").param(limit)
        .query(MailOutbox::map).list();
  }

  public List<OutboxMail> forEnquiry(String processInstanceId) {
    return jdbc.sql("select " + COLUMNS + " from mail_outbox where process_instance_id = ? order by id")
        .param(processInstanceId).query(MailOutbox::map).list();
  }

  private static OutboxMail map(ResultSet rs, int n) throws SQLException {
    return new OutboxMail(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("reference"),
        CommunicationKind.valueOf(rs.getString("kind")), rs.getString("body"), rs.getString("sent_by"),
        instant(rs, "recorded_at"), rs.getString("owner_id"), rs.getString("recipient_id"),
        rs.getString("recipient_address"), rs.getString("status"), rs.getInt("attempts"),
        instant(rs, "next_attempt_at"), rs.getString("subject"), rs.getString("text_body"),
        rs.getString("html_body"), instant(rs, "sent_at"), rs.getString("last_error"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
