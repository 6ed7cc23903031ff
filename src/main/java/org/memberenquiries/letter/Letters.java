package org.memberenquiries.letter;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.memberenquiries.communication.CommunicationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The letters issued on each case (table {@code letter}), written in the step's transaction. */
@Repository
public class Letters {

  private static final String COLUMNS = "id, reference, process_instance_id, kind, recorded_at, letter_date, signed_by,"
      + " signatory_name, signatory_title, recipients, enquiry_subject, body";

  private final JdbcClient jdbc;

  public Letters(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a letter and its PDF (null if it could not be rendered); returns its id. */
  public long add(Letter letter, byte[] pdf) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into letter (reference, process_instance_id, kind, recorded_at, letter_date, signed_by,"
            + " signatory_name, signatory_title, recipients, enquiry_subject, body, pdf)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(letter.reference(), letter.processInstanceId(), letter.kind().name(),
            Timestamp.from(letter.recordedAt()), Date.valueOf(letter.date()), letter.signedBy(),
            letter.signatoryName(), letter.signatoryTitle(), String.join("\n", letter.recipients()),
            letter.enquirySubject(), letter.body(), pdf)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** A case's letters, oldest first. */
  public List<Letter> forEnquiry(String reference) {
    return jdbc.sql("select " + COLUMNS + " from letter where reference = ? order by recorded_at, id")
        .param(reference).query(Letters::map).list();
  }

  /** The letter of one enquiry with this id; empty if there is none, or it belongs to another enquiry. */
  public Optional<Letter> find(String reference, long id) {
    return jdbc.sql("select " + COLUMNS + " from letter where reference = ? and id = ?")
        .params(reference, id).query(Letters::map).optional();
  }

  /** The letter carrying the communication recorded at {@code recordedAt} on this case (what an email attaches). */
  public Optional<Letter> forCommunication(String processInstanceId, CommunicationKind kind, Instant recordedAt) {
    return jdbc.sql("select " + COLUMNS + " from letter where process_instance_id = ? and kind = ? and recorded_at = ?"
            + " order by id")
        .params(processInstanceId, kind.name(), Timestamp.from(recordedAt))
        .query(Letters::map).list().stream().findFirst(); // list(): a JDBC stream would hold its connection
  }

  public Optional<byte[]> pdf(long id) {
    return jdbc.sql("select pdf from letter where id = ?").param(id)
        .query((rs, n) -> rs.getBytes("pdf")).list().stream().filter(bytes -> bytes != null).findFirst();
  }

  /** Keeps a PDF rendered late (rendering failed when the letter was issued). */
  public void storePdf(long id, byte[] pdf) {
    jdbc.sql("update letter set pdf = ? where id = ? and pdf is null").params(pdf, id).update();
  }

  private static Letter map(ResultSet rs, int n) throws SQLException {
    String recipients = rs.getString("recipients");
    return new Letter(rs.getLong("id"), rs.getString("reference"), rs.getString("process_instance_id"),
        CommunicationKind.valueOf(rs.getString("kind")), rs.getTimestamp("recorded_at").toInstant(),
        rs.getDate("letter_date").toLocalDate(), rs.getString("signed_by"), rs.getString("signatory_name"),
        rs.getString("signatory_title"),
        recipients == null || recipients.isEmpty() ? List.of() : Arrays.asList(recipients.split("\n")),
        rs.getString("enquiry_subject"), rs.getString("body"));
  }
}
