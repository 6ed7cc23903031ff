package org.memberenquiries.mail;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Item 5: whether a Member wants email, or reads everything on their pages only. Email unless they chose otherwise. */
@Repository
public class MailPreferences {

  private final JdbcClient jdbc;

  public MailPreferences(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean wantsEmail(String memberId) {
    return jdbc.sql("select email from member_mail_preference where member_id = ?").param(memberId)
        .query(Boolean.class).optional().orElse(true);
  }

  public void choose(String memberId, boolean email, Instant at) {
    int updated = jdbc.sql("update member_mail_preference set email = ?, updated_at = ? where member_id = ?")
        .params(email, Timestamp.from(at), memberId).update();
    if (updated == 0) {
      jdbc.sql("insert into member_mail_preference (member_id, email, updated_at) values (?, ?, ?)")
          .params(memberId, email, Timestamp.from(at)).update();
    }
  }
}
