package org.memberenquiries.enquiry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.memberenquiries.calendar.WorkingCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the read model (issue 8 item 4): one case, a caller's own list and the staff search, each one
 * paged, filtered SQL query on {@code enquiry}; nothing is rebuilt from the engine's history.
 */
@Repository
public class CaseRows {

  private final JdbcClient jdbc;
  private final WorkingCalendar calendar;

  public CaseRows(JdbcClient jdbc, WorkingCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  public Optional<CaseRow> find(String processInstanceId) {
    return jdbc.sql("select " + CaseRow.COLUMNS + " from enquiry where process_instance_id = ?")
        .param(processInstanceId).query(CaseRow::map).optional();
  }

  /** R5, R10 (issue 10 item 4): the case's window for follow-ups, once it was answered in full. */
  record AfterTheAnswerRow(Instant windowEndsAt, int followUpsAsked, Instant followUpRespondBy,
      Instant notSatisfiedAt, Instant informalResolutionBy, Instant closedAt) {}

  Optional<AfterTheAnswerRow> afterTheAnswer(String processInstanceId) {
    return jdbc.sql("select follow_up_window_ends_at, follow_ups_asked, follow_up_respond_by, not_satisfied_at,"
            + " informal_resolution_by, follow_ups_closed_at from enquiry"
            + " where process_instance_id = ? and follow_up_window_ends_at is not null")
        .param(processInstanceId)
        .query((rs, n) -> new AfterTheAnswerRow(CaseRow.instant(rs, "follow_up_window_ends_at"),
            rs.getInt("follow_ups_asked"), CaseRow.instant(rs, "follow_up_respond_by"),
            CaseRow.instant(rs, "not_satisfied_at"), CaseRow.instant(rs, "informal_resolution_by"),
            CaseRow.instant(rs, "follow_ups_closed_at")))
        .optional();
  }

  /** Registered cases whose read model is not filled yet (rows made before migration 22). */
  public List<String> unfilled(int limit) {
    return jdbc.sql("select reference from enquiry where state is null and process_instance_id is not null"
            + " and reference is not null order by id fetch first " + limit + " rows only")
        .query(String.class).list();
  }

  /** A Member's own enquiries, or those a staff member logged, newest first. */
  public EnquiryPage own(String userId, EnquiryState state, int page, int size) {
    Where where = new Where();
    where.add("(member_id = :user or submitted_by = :user)", "user", userId);
    if (state != null) {
      where.add("state = :state", "state", state.name());
    }
    long total = count(where);
    List<EnquirySummary> items = page(where, page, size, (rs, n) -> new EnquirySummary(rs.getString("reference"),
        state(rs), rs.getString("subject"), local(rs, "received_at"), local(rs, "next_deadline"),
        rs.getBoolean("late")));
    return new EnquiryPage(items, page, size, total, pages(total, size));
  }

  /** The staff search, limited to the departments the caller may see (R11). */
  public StaffSearchPage search(EnquirySearch search, EnquiryAccess.StaffScope scope, int page, int size) {
    Where where = new Where();
    if (!scope.everyDepartment()) {
      if (scope.departments().isEmpty()) {
        return new StaffSearchPage(List.of(), page, size, 0, 0);
      }
      where.add("department in (:scope)", "scope", List.copyOf(scope.departments()));
    }
    if (has(search.reference())) {
      where.add("upper(reference) like :reference escape '\\'", "reference",
          like(search.reference().trim().toUpperCase(Locale.ROOT)) + "%");
    }
    if (has(search.member())) {
      where.add("(lower(member_id) = :memberId or lower(member_name) like :memberName escape '\\')",
          "memberId", search.member().trim().toLowerCase(Locale.ROOT));
      where.params.put("memberName", "%" + like(search.member().trim().toLowerCase(Locale.ROOT)) + "%");
    }
    if (has(search.ward())) {
      where.add("lower(ward) like :ward escape '\\'", "ward", "%" + like(search.ward().trim().toLowerCase(Locale.ROOT)) + "%");
    }
    if (has(search.department())) {
      where.add("department = :department", "department", search.department().trim());
    }
    if (search.state() != null) {
      where.add("state = :state", "state", search.state().name());
    }
    if (has(search.text())) {
      String words = "%" + like(search.text().trim().toLowerCase(Locale.ROOT)) + "%";
      // The enquiry's own text only for those who may read it (R11); otherwise its subject.
      where.add(scope.readsTexts()
          ? "search_text like :text escape '\\'"
          : "lower(subject) like :text escape '\\'", "text", words);
    }
    long total = count(where);
    List<StaffEnquirySummary> items = page(where, page, size, (rs, n) -> new StaffEnquirySummary(
        rs.getString("reference"), state(rs), rs.getString("subject"), rs.getString("member_id"),
        rs.getString("member_name"), rs.getString("ward"), rs.getString("department"), rs.getString("officer_id"),
        local(rs, "received_at"), local(rs, "next_deadline"),
        rs.getBoolean("late")));
    return new StaffSearchPage(items, page, size, total, pages(total, size));
  }

  private long count(Where where) {
    return jdbc.sql("select count(*) from enquiry where " + where.sql()).params(where.params).query(Long.class).single();
  }

  private <T> List<T> page(Where where, int page, int size, org.springframework.jdbc.core.RowMapper<T> mapper) {
    Map<String, Object> params = new LinkedHashMap<>(where.params);
    params.put("limit", size);
    params.put("offset", (long) page * size);
    return jdbc.sql("select " + CaseRow.SUMMARY_COLUMNS + ", " + CaseRow.NEXT_DEADLINE + " as next_deadline, "
            + CaseRow.LATE + " as late from enquiry where " + where.sql() + " order by submitted_at desc, id desc"
            + " offset :offset rows fetch next :limit rows only")
        .params(params).query(mapper).list();
  }

  private static EnquiryState state(ResultSet rs) throws SQLException {
    String state = rs.getString("state");
    return state == null ? EnquiryState.RECEIVED : EnquiryState.valueOf(state);
  }

  private static int pages(long total, int size) {
    return (int) ((total + size - 1) / size);
  }

  private static boolean has(String value) {
    return value != null && !value.isBlank();
  }

  /** A LIKE pattern matching the text literally: its wildcards and the escape character escaped. */
  static String like(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** The conditions of a query and their named parameters; registered cases only. */
  private static final class Where {
    final List<String> conditions = new ArrayList<>(List.of("reference is not null", "process_instance_id is not null"));
    final Map<String, Object> params = new LinkedHashMap<>();

    void add(String condition, String name, Object value) {
      conditions.add(condition);
      params.put(name, value);
    }

    String sql() {
      return String.join(" and ", conditions);
    }
  }

  /** A date in the council's zone, as every page and the API show it. */
  private OffsetDateTime local(ResultSet rs, String column) throws SQLException {
    Instant instant = CaseRow.instant(rs, column);
    return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
  }
}
