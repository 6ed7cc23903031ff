package org.memberenquiries.enquiry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The register of submitted enquiries (table {@code enquiry}), written in the engine's transaction. */
@Repository
public class EnquiryRegister {

  private static final String COLUMNS = "id, reference, process_instance_id, member_id, submitted_by, department,"
      + " submitted_at, idempotency_key, request_hash";

  private final JdbcClient jdbc;

  public EnquiryRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Registers a submission and returns its number, from which the reference is made. */
  public long add(String memberId, String submittedBy, String department, Instant submittedAt,
      String idempotencyKey, String requestHash) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into enquiry (member_id, submitted_by, department, submitted_at, idempotency_key, request_hash)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(memberId, submittedBy, department, Timestamp.from(submittedAt), idempotencyKey, requestHash)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public void link(long id, String reference, String processInstanceId) {
    jdbc.sql("update enquiry set reference = ?, process_instance_id = ? where id = ?")
        .params(reference, processInstanceId, id)
        .update();
  }

  /** Each case's department, by its process instance id. */
  public Map<String, String> departmentsByProcessInstance() {
    Map<String, String> departments = new HashMap<>();
    jdbc.sql("select process_instance_id, department from enquiry where process_instance_id is not null")
        .query((RowCallbackHandler) rs -> departments.put(rs.getString(1), rs.getString(2)));
    return departments;
  }

  public Optional<RegisteredEnquiry> find(String reference) {
    return jdbc.sql("select " + COLUMNS + " from enquiry where reference = ?").param(reference)
        .query(EnquiryRegister::map).optional();
  }

  /** The enquiry a case in the engine belongs to (cases started outside the product have none). */
  public Optional<RegisteredEnquiry> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("select " + COLUMNS + " from enquiry where process_instance_id = ?").param(processInstanceId)
        .query(EnquiryRegister::map).optional();
  }

  public Optional<RegisteredEnquiry> findSubmission(String submittedBy, String idempotencyKey) {
    return jdbc.sql("select " + COLUMNS + " from enquiry where submitted_by = ? and idempotency_key = ?")
        .params(submittedBy, idempotencyKey)
        .query(EnquiryRegister::map).optional();
  }

  private static RegisteredEnquiry map(ResultSet rs, int row) throws SQLException {
    return new RegisteredEnquiry(rs.getLong("id"), rs.getString("reference"), rs.getString("process_instance_id"),
        rs.getString("member_id"), rs.getString("submitted_by"), rs.getString("department"),
        rs.getTimestamp("submitted_at").toInstant(), rs.getString("idempotency_key"), rs.getString("request_hash"));
  }
}
