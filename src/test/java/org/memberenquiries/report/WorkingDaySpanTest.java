package org.memberenquiries.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.calendar.BankHolidays;
import org.memberenquiries.calendar.CalendarProperties;
import org.memberenquiries.calendar.WorkingCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R0, issue 9 performance: the working days the database counts on a {@link WorkingDaySpan} are the ones
 * {@link WorkingDayIndex} counts case by case (the report's definition), for receipts and steps at the edges that
 * matter: 17:00 exactly and a microsecond either side, midnight, weekends, Easter 2029 (Good Friday 30 March,
 * Easter Monday 2 April), both daylight-saving changes (25 March, 28 October) and closure days over Christmas;
 * and the month and week of receipt are the council's (London), not UTC's. On H2, as the tests' database.
 */
class WorkingDaySpanTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final List<LocalTime> TIMES = List.of(LocalTime.MIDNIGHT, LocalTime.of(0, 30), LocalTime.of(8, 59),
      LocalTime.of(16, 59, 59, 999_999_000), LocalTime.of(17, 0), LocalTime.of(17, 0, 0, 1_000), LocalTime.of(23, 30));

  final WorkingCalendar calendar = calendar();
  final JdbcClient jdbc = JdbcClient.create(h2());

  @Test
  @DisplayName("R0: working days from receipt to a step, counted in SQL on the span, equal the report's count case by case")
  void workingDaysAsTheReportCountsThem() {
    List<Instant> moments = new ArrayList<>();
    for (LocalDate start : List.of(LocalDate.of(2029, 3, 20), LocalDate.of(2029, 10, 22), LocalDate.of(2029, 12, 20))) {
      for (LocalDate day = start; day.isBefore(start.plusDays(20)); day = day.plusDays(1)) {
        for (LocalTime time : TIMES) {
          moments.add(day.atTime(time).atZone(LONDON).toInstant());
        }
      }
    }
    jdbc.sql("create table moment (at timestamp with time zone)").update();
    for (Instant moment : moments) {
      jdbc.sql("insert into moment values (?)").param(Timestamp.from(moment)).update();
    }
    Instant first = moments.get(0);
    Instant last = moments.get(moments.size() - 1);
    WorkingDaySpan span = WorkingDaySpan.covering(calendar, first, last);
    List<Map<String, Object>> rows = jdbc.sql("with " + span.table("wd") + " select r.at as received, m.at as done,"
            + " greatest(0, " + WorkingDaySpan.endsBefore("md", "m.at", false) + " - "
            + WorkingDaySpan.endsBefore("rd", "r.at", true) + ") as elapsed,"
            + " " + WorkingDaySpan.month("rd", "r.at") + " as receipt_month, " + WorkingDaySpan.week("rd", "r.at") + " as receipt_week"
            + " from moment r join moment m on m.at >= r.at - interval '2' day and m.at <= r.at + interval '15' day"
            + " join " + WorkingDaySpan.byDay("wd", true) + " rd on rd.d = " + WorkingDaySpan.day("r.at")
            + " join " + WorkingDaySpan.byDay("wd", false) + " md on md.d = " + WorkingDaySpan.day("m.at"))
        .query().listOfRows();

    WorkingDayIndex days = new WorkingDayIndex(calendar, LocalDate.of(2029, 3, 1), LocalDate.of(2030, 2, 1));
    assertThat(rows).hasSizeGreaterThan(5_000);
    int checked = 0;
    for (Map<String, Object> row : rows) {
      Instant received = instant(row.get("received"));
      Instant done = instant(row.get("done"));
      LocalDate receiptDay = days.receiptDay(received);
      assertThat(((Number) row.get("elapsed")).intValue()).as("from %s to %s", received, done)
          .isEqualTo(days.elapsed(receiptDay, done));
      LocalDate local = received.atZone(LONDON).toLocalDate();
      assertThat(row.get("receipt_month")).as("month of %s", received).isEqualTo(YearMonth.from(local).toString());
      assertThat(row.get("receipt_week")).as("week of %s", received)
          .isEqualTo(local.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString());
      checked++;
    }
    assertThat(checked).isEqualTo(rows.size());
  }

  @Test
  @DisplayName("R0: an answer at 17:00 on the day of receipt is day 0, a microsecond later the next working day's")
  void theEndOfTheWorkingDay() {
    // Thursday 29 March 2029 10:00, before Easter: Good Friday and Easter Monday are no working days.
    Instant received = Instant.parse("2029-03-29T09:00:00Z");
    assertThat(elapsed(received, Instant.parse("2029-03-29T16:00:00Z"))).isZero(); // 17:00 BST
    assertThat(elapsed(received, Instant.parse("2029-03-29T16:00:00.000001Z"))).isEqualTo(1); // Tuesday 3 April
    assertThat(elapsed(received, Instant.parse("2029-04-03T16:00:00Z"))).isEqualTo(1);
    assertThat(elapsed(received, Instant.parse("2029-04-04T08:00:00Z"))).isEqualTo(2);
  }

  int elapsed(Instant received, Instant done) {
    WorkingDaySpan span = WorkingDaySpan.covering(calendar, received, done);
    String receipt = "cast(:received as timestamp with time zone)";
    String step = "cast(:done as timestamp with time zone)";
    return jdbc.sql("with " + span.table("wd") + " select greatest(0, "
            + WorkingDaySpan.endsBefore("md", step, false) + " - " + WorkingDaySpan.endsBefore("rd", receipt, true)
            + ") from " + WorkingDaySpan.byDay("wd", false) + " rd, " + WorkingDaySpan.byDay("wd", false) + " md"
            + " where rd.d = " + WorkingDaySpan.day(receipt) + " and md.d = " + WorkingDaySpan.day(step))
        .param("received", java.time.OffsetDateTime.ofInstant(received, ZoneId.of("UTC")))
        .param("done", java.time.OffsetDateTime.ofInstant(done, ZoneId.of("UTC")))
        .query(Integer.class).single();
  }

  static WorkingCalendar calendar() {
    CalendarProperties properties = CalendarProperties.defaults()
        .withClosureDays(List.of(LocalDate.of(2029, 12, 27), LocalDate.of(2029, 12, 28), LocalDate.of(2029, 12, 31)));
    return new WorkingCalendar(properties, new BankHolidays(properties));
  }

  static JdbcDataSource h2() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:working-day-span-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    return dataSource;
  }

  static Instant instant(Object value) {
    if (value instanceof java.time.OffsetDateTime offset) return offset.toInstant();
    return ((Timestamp) value).toInstant();
  }
}
