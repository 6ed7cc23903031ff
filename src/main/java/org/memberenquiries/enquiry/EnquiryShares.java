package org.memberenquiries.enquiry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** R11: the Members a requesting Member has permitted to see their enquiry (table {@code enquiry_share}). */
@Repository
public class EnquiryShares {

  private final JdbcClient jdbc;

  public EnquiryShares(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean isSharedWith(String reference, String memberId) {
    return jdbc.sql("select count(*) from enquiry_share where reference = ? and member_id = ?")
        .params(reference, memberId).query(Long.class).single() > 0;
  }

  public void permit(String reference, String memberId, String permittedBy, Instant at) {
    if (!isSharedWith(reference, memberId)) {
      jdbc.sql("insert into enquiry_share (reference, member_id, permitted_by, permitted_at) values (?, ?, ?, ?)")
          .params(reference, memberId, permittedBy, Timestamp.from(at)).update();
    }
  }

  public List<String> sharedWith(String reference) {
    return jdbc.sql("select member_id from enquiry_share where reference = ? order by permitted_at, member_id")
        .param(reference).query(String.class).list();
  }
}
