package org.memberenquiries.calendarchange;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.memberenquiries.calendar.CalendarFingerprint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The calendar's run-time state and records (migration V23): changed days, changes, moved deadlines, fingerprint. */
@Repository
public class CalendarDays {

  static final String FINGERPRINT = "working-calendar";

  /** A day the process owner changed at run time: off (a closure day, a bank holiday) or working again. */
  public record ChangedDay(LocalDate date, boolean working, String kind, String reason, String changedBy,
      Instant changedAt) {}

  /** One change to the calendar, with how many open enquiries it moved. */
  public record Change(long id, LocalDate date, String change, String reason, String changedBy, Instant changedAt,
      int enquiriesMoved) {}

  private final JdbcClient jdbc;

  public CalendarDays(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<ChangedDay> changedDays() {
    return jdbc.sql("select calendar_date, working, kind, reason, changed_by, changed_at from calendar_day"
            + " order by calendar_date")
        .query((rs, n) -> new ChangedDay(rs.getDate("calendar_date").toLocalDate(), rs.getBoolean("working"),
            rs.getString("kind"), rs.getString("reason"), rs.getString("changed_by"),
            rs.getTimestamp("changed_at").toInstant()))
        .list();
  }

  /** Day to "is a working day", for the {@code WorkingCalendar}. */
  public Map<LocalDate, Boolean> workingByDay() {
    Map<LocalDate, Boolean> days = new LinkedHashMap<>();
    changedDays().forEach(day -> days.put(day.date(), day.working()));
    return days;
  }

  public void put(LocalDate date, boolean working, String kind, String reason, String by, Instant at) {
    delete(date);
    jdbc.sql("insert into calendar_day (calendar_date, working, kind, reason, changed_by, changed_at)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(Date.valueOf(date), working, kind, reason, by, Timestamp.from(at))
        .update();
  }

  public void delete(LocalDate date) {
    jdbc.sql("delete from calendar_day where calendar_date = ?").param(Date.valueOf(date)).update();
  }

  public long recordChange(LocalDate date, String change, String reason, String by, Instant at, int enquiriesMoved) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into calendar_change (calendar_date, change_kind, reason, changed_by, changed_at, enquiries_moved)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(date == null ? null : Date.valueOf(date), change, reason, by, Timestamp.from(at), enquiriesMoved)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public void recordMoved(long changeId, OpenEnquiryDeadlines.Moved moved) {
    jdbc.sql("insert into deadline_change (calendar_change_id, process_instance_id, reference, deadline,"
            + " previous_due, new_due) values (?, ?, ?, ?, ?, ?)")
        .params(changeId, moved.processInstanceId(), moved.reference(), moved.deadline(),
            Timestamp.from(moved.previous()), Timestamp.from(moved.next()))
        .update();
  }

  public List<Change> changes() {
    return jdbc.sql("select id, calendar_date, change_kind, reason, changed_by, changed_at, enquiries_moved"
            + " from calendar_change order by id")
        .query((rs, n) -> new Change(rs.getLong("id"),
            rs.getDate("calendar_date") == null ? null : rs.getDate("calendar_date").toLocalDate(),
            rs.getString("change_kind"), rs.getString("reason"), rs.getString("changed_by"),
            rs.getTimestamp("changed_at").toInstant(), rs.getInt("enquiries_moved")))
        .list();
  }

  /** A case's moved deadlines, with the change that moved each (who and why), oldest first. */
  public record CaseDeadlineChange(String deadline, Instant previousDue, Instant newDue, String change,
      LocalDate date, String reason, String changedBy, Instant changedAt) {}

  public List<CaseDeadlineChange> forEnquiry(String processInstanceId) {
    return jdbc.sql("select d.deadline, d.previous_due, d.new_due, c.change_kind, c.calendar_date, c.reason,"
            + " c.changed_by, c.changed_at from deadline_change d join calendar_change c on c.id = d.calendar_change_id"
            + " where d.process_instance_id = ? order by d.id")
        .param(processInstanceId)
        .query((rs, n) -> new CaseDeadlineChange(rs.getString("deadline"),
            rs.getTimestamp("previous_due").toInstant(), rs.getTimestamp("new_due").toInstant(),
            rs.getString("change_kind"),
            rs.getDate("calendar_date") == null ? null : rs.getDate("calendar_date").toLocalDate(),
            rs.getString("reason"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()))
        .list();
  }

  public Optional<CalendarFingerprint> fingerprint() {
    return jdbc.sql("select fingerprint from calendar_fingerprint where name = ?").param(FINGERPRINT)
        .query(String.class).optional().flatMap(CalendarFingerprint::parse);
  }

  public boolean hasFingerprint() {
    return jdbc.sql("select count(*) from calendar_fingerprint where name = ?").param(FINGERPRINT)
        .query(Integer.class).single() > 0;
  }

  public void saveFingerprint(CalendarFingerprint fingerprint, Instant at) {
    jdbc.sql("delete from calendar_fingerprint where name = ?").param(FINGERPRINT).update();
    jdbc.sql("insert into calendar_fingerprint (name, fingerprint, recorded_at) values (?, ?, ?)")
        .params(FINGERPRINT, fingerprint.text(), Timestamp.from(at))
        .update();
  }
}
