package org.memberenquiries.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.memberenquiries.calendar.WorkingCalendar;

/**
 * R0's working days as a small SQL table for one report, so the database counts them and the report sums
 * its figures in SQL instead of fetching every enquiry: one row per UTC day of a span (a year's report: about
 * 370 rows), worked out here from {@link WorkingCalendar} as it stands, so a calendar change counts from the
 * next report on and nothing stored needs recounting.
 *
 * <p>A moment's working day changes only at the end of a working day (17:00): a moment up to it belongs to
 * that day, one after it (or on a day off) to the next working day. So "working days from receipt to X"
 * is the number of working-day ends after the receipt and before X, and each row gives, for its UTC day,
 * how many ends came before the day ({@code n}) and the (at most two) ends within it ({@code e1}, {@code e2},
 * timestamps; {@link #NEVER} when none). The database finds a timestamp's row by its epoch day, an equality
 * (hash) join, with no time-zone arithmetic in SQL. The row also gives the month of receipt in the council's
 * zone ({@code m0}, or {@code m1} from {@code mt} on, when the local month turns within the UTC day), and
 * the same for the week of receipt ({@code w0}, {@code wt}, {@code w1}: its Monday, yyyy-MM-dd).
 */
final class WorkingDaySpan {

  static final String COLUMNS = "d, n, e1, e2, m0, mt, m1, w0, wt, w1";
  /** A moment after any a report sees: "no such end". */
  static final String NEVER = "timestamp with time zone '9999-12-31 00:00:00+00'";
  private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
      .withZone(ZoneOffset.UTC);
  private static final long DAY = 86_400;

  private final long firstDay;
  private final long lastDay;
  private final String values;

  private WorkingDaySpan(long firstDay, long lastDay, String values) {
    this.firstDay = firstDay;
    this.lastDay = lastDay;
    this.values = values;
  }

  /** The UTC days from the one of {@code first} to the one of {@code last}, both included. */
  static WorkingDaySpan covering(WorkingCalendar calendar, Instant first, Instant last) {
    ZoneId zone = calendar.zone();
    long firstDay = Math.floorDiv(first.getEpochSecond(), DAY);
    long lastDay = Math.max(firstDay, Math.floorDiv(last.getEpochSecond(), DAY));
    Instant start = Instant.ofEpochSecond(firstDay * DAY);
    Instant end = Instant.ofEpochSecond((lastDay + 1) * DAY);
    List<Instant> ends = new ArrayList<>();
    for (LocalDate day = start.atZone(zone).toLocalDate().minusDays(1);
        !day.isAfter(end.atZone(zone).toLocalDate().plusDays(1)); day = day.plusDays(1)) {
      if (calendar.isWorkingDay(day)) {
        Instant dayEnd = calendar.endOfWorkingDay(day).toInstant();
        if (!dayEnd.isBefore(start) && dayEnd.isBefore(end)) {
          ends.add(dayEnd);
        }
      }
    }
    StringBuilder sql = new StringBuilder("values ");
    int next = 0;
    for (long d = firstDay; d <= lastDay; d++) {
      int before = next;
      Instant dayEnd = Instant.ofEpochSecond((d + 1) * DAY);
      List<String> within = new ArrayList<>();
      while (next < ends.size() && ends.get(next).isBefore(dayEnd)) {
        within.add(seconds(ends.get(next++)));
      }
      if (within.size() > 2) { // working-day ends are at least 23 hours apart
        throw new IllegalStateException("More than two working-day ends on UTC day " + d);
      }
      Instant dayStart = Instant.ofEpochSecond(d * DAY);
      YearMonth month = YearMonth.from(dayStart.atZone(zone));
      Instant monthTurns = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
      boolean turns = monthTurns.isBefore(dayEnd);
      LocalDate week = dayStart.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      Instant weekTurns = week.plusWeeks(1).atStartOfDay(zone).toInstant();
      boolean newWeek = weekTurns.isBefore(dayEnd);
      if (d > firstDay) {
        sql.append(", ");
      }
      sql.append('(').append(d).append(", ").append(before)
          .append(", ").append(within.size() > 0 ? within.get(0) : NEVER)
          .append(", ").append(within.size() > 1 ? within.get(1) : NEVER)
          .append(", '").append(month).append("', ").append(turns ? seconds(monthTurns) : NEVER)
          .append(", '").append(turns ? month.plusMonths(1) : month)
          .append("', '").append(week).append("', ").append(newWeek ? seconds(weekTurns) : NEVER)
          .append(", '").append(newWeek ? week.plusWeeks(1) : week).append("')");
    }
    return new WorkingDaySpan(firstDay, lastDay, sql.toString());
  }

  /** A timestamp literal: compared with the columns as they are, no arithmetic per row (it cost a third of the time). */
  private static String seconds(Instant moment) {
    return "timestamp with time zone '" + LITERAL.format(moment) + "+00'";
  }

  /** The span as a common table expression named {@code name}. */
  String table(String name) {
    return name + "(" + COLUMNS + ") as (" + values + ")";
  }

  /** The first moment the span covers. */
  Instant start() {
    return Instant.ofEpochSecond(firstDay * DAY);
  }

  /** The first moment after the span. */
  Instant end() {
    return Instant.ofEpochSecond((lastDay + 1) * DAY);
  }

  /** SQL: the epoch day of a timestamp column, the key of its row. */
  static String day(String column) {
    return "cast(floor(extract(epoch from " + column + ") / " + DAY + ") as integer)";
  }

  /**
   * SQL: the span's rows (of the common table expression {@code table}) to join on {@code d}; grouped by it so
   * that PostgreSQL's planner knows each timestamp finds one row. Without that it guesses each of the five joins
   * multiplies the cases, sorts and merges on disk and compiles the query (JIT): seconds instead of a hash join.
   */
  static String byDay(String table, boolean withPeriods) {
    return "(select d, min(n) as n, min(e1) as e1, min(e2) as e2"
        + (withPeriods ? ", min(m0) as m0, min(mt) as mt, min(m1) as m1, min(w0) as w0, min(wt) as wt, min(w1) as w1" : "")
        + " from " + table + " group by d)";
  }

  /**
   * SQL: working-day ends before a moment (or, with {@code atOrBefore}, at or before it) by the row {@code row}
   * joined on its day. From a receipt (ends at or before it) to a moment (ends before it), their difference is
   * the working days elapsed, as {@link WorkingDayIndex#elapsed}.
   */
  static String endsBefore(String row, String column, boolean atOrBefore) {
    String op = atOrBefore ? " <= " : " < ";
    String seconds = column;
    return "(" + row + ".n + case when " + row + ".e1" + op + seconds + " then 1 else 0 end + case when " + row + ".e2"
        + op + seconds + " then 1 else 0 end)";
  }

  /** SQL: the month of receipt (yyyy-MM, council's zone) of a timestamp column by its row. */
  static String month(String row, String column) {
    return "case when " + column + " >= " + row + ".mt then " + row + ".m1 else " + row + ".m0 end";
  }

  /** SQL: the week of receipt (its Monday, yyyy-MM-dd, council's zone) of a timestamp column by its row. */
  static String week(String row, String column) {
    return "case when " + column + " >= " + row + ".wt then " + row + ".w1 else " + row + ".w0 end";
  }
}
