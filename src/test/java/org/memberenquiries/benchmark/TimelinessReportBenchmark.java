package org.memberenquiries.benchmark;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memberenquiries.department.DepartmentProperties.Department;
import org.memberenquiries.department.Departments;
import org.memberenquiries.report.GroupBy;
import org.memberenquiries.report.ReportScope;
import org.memberenquiries.report.TimelinessFigures;
import org.memberenquiries.report.TimelinessReport;
import org.memberenquiries.testing.PostgresqlTestDatabase;
import org.memberenquiries.testing.TestDatabaseProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 9 (performance, R16): a measurement, not a test (it asserts nothing and is skipped unless asked
 * for). 100,000 closed and open enquiries received over 2025 in the read model on PostgreSQL, 5% with a
 * breach, then the year's timeliness report in the service ({@link TimelinessReport}: SQL, working days,
 * grouping), 20 runs per grouping, printing the 50th and 95th percentiles. Run it on a schema of its own,
 * which it empties first:
 *
 * <pre>
 * ENQUIRIES_TEST_PG_SCHEMA=enquiries_benchmark mvn -B -o test -Dtest=TimelinessReportBenchmark \
 *   -Denquiries.benchmark=true -Denquiries.test.database=postgresql -Dsurefire.failIfNoSpecifiedTests=false -DskipLint=true
 * </pre>
 *
 * The rows are written straight into {@code enquiry} and {@code breach} as {@code enquiry.CaseRecord} and
 * {@code escalation.BreachLog} would have left them (not through the process: that would take hours here);
 * a loader through the product's own write path is part of the dashboard's benchmark (issue 9, performance).
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "enquiries.benchmark", matches = "true")
@ExtendWith(PostgresqlTestDatabase.class)
@SpringBootTest
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
class TimelinessReportBenchmark {

  static final int ENQUIRIES = 100_000;
  static final int RUNS = 20;
  static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Autowired JdbcTemplate jdbc;
  @Autowired TimelinessReport report;
  @Autowired Departments departments;

  final Random random = new Random(9);

  @Test
  void aYearOfOneHundredThousandEnquiries() {
    fill();
    // The baseline: fetching every case's columns, as the report did before it summed in SQL (issue 9).
    long[] sql = new long[5];
    for (int run = 0; run < sql.length; run++) {
      long start = System.nanoTime();
      jdbc.query("select reference, process_instance_id, department, officer_group, officer_id, state, outcome,"
          + " referred_to, capacity, received_at, triaged_at, acknowledge_by, respond_by, full_response_by,"
          + " revised_full_response_by, agreed_deadline_by, agreed_for_step, clock_stopped_working_days,"
          + " stopped_days_at_response, stopped_days_at_full_response, questions_asked, replies_received, timescales_apply,"
          + " acknowledged_at, holding_response_sent_at, full_response_sent_at, closed_at from enquiry"
          + " where received_at >= ? and received_at < ?", rs -> {
            for (int c = 1; c <= 27; c++) {
              rs.getObject(c);
            }
          }, Timestamp.from(LocalDate.of(2025, 1, 1).atStartOfDay(LONDON).toInstant()),
          Timestamp.from(LocalDate.of(2026, 1, 1).atStartOfDay(LONDON).toInstant()));
      sql[run] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(sql);
    System.out.printf("TIMELINESS baseline, fetching the year's 100,000 rows (27 columns): p50 %d ms (load %s)%n",
        sql[sql.length / 2], ReadModelBenchmark.load());
    for (GroupBy groupBy : GroupBy.values()) {
      long[] millis = new long[RUNS];
      TimelinessFigures figures = null;
      for (int run = 0; run < RUNS; run++) {
        long start = System.nanoTime();
        figures = report.figures(ReportScope.all(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), groupBy);
        millis[run] = (System.nanoTime() - start) / 1_000_000;
      }
      Arrays.sort(millis);
      System.out.printf("TIMELINESS %-10s received %d rows %d overdue %d: p50 %d ms, p95 %d ms (load %s)%n", groupBy,
          figures.total().received(), figures.rows().size(), figures.overdue().size(), millis[RUNS / 2],
          millis[(int) Math.ceil(RUNS * 0.95) - 1], ReadModelBenchmark.load());
    }
  }

  void fill() {
    jdbc.update("delete from breach");
    jdbc.update("delete from enquiry");
    List<String> ids = departments.all().stream().map(Department::id).toList();
    Instant start = LocalDate.of(2025, 1, 2).atTime(9, 0).atZone(LONDON).toInstant();
    List<Object[]> enquiries = new ArrayList<>();
    List<Object[]> breaches = new ArrayList<>();
    for (int i = 0; i < ENQUIRIES; i++) {
      Instant received = start.plus(Duration.ofMinutes(5L * i)); // 100,000 x 5 minutes: about 347 days
      String department = ids.get(i % ids.size());
      String officer = "officer." + department + "." + random.nextInt(8);
      Instant ack = received.plus(Duration.ofHours(random.nextInt(60)));
      Instant response = received.plus(Duration.ofHours(24 + random.nextInt(400)));
      boolean open = i > ENQUIRIES - 3_000 && random.nextBoolean();
      boolean holding = !open && random.nextInt(5) == 0;
      enquiries.add(new Object[] {String.format("ME-T%06d", i), "timeliness-" + i, "bench.member", "bench.member",
          department, Timestamp.from(received), open ? "ACKNOWLEDGED" : "ANSWERED", open ? null : holding ? "ANSWERED_IN_FULL" : "ANSWERED",
          "COUNTY_COUNCILLOR", Timestamp.from(received), Timestamp.from(received.plus(Duration.ofMinutes(30))),
          department + "-officers", officer, Timestamp.from(received.plus(Duration.ofDays(1))),
          Timestamp.from(received.plus(Duration.ofDays(14))), Timestamp.from(received.plus(Duration.ofDays(28))),
          Timestamp.from(ack), holding ? Timestamp.from(response) : null,
          open ? null : Timestamp.from(holding ? response.plus(Duration.ofDays(10)) : response),
          open ? null : Timestamp.from(holding ? response.plus(Duration.ofDays(10)) : response)});
      if (i % 20 == 0) {
        breaches.add(new Object[] {"timeliness-" + i, String.format("ME-T%06d", i), department, "RESPONSE",
            Timestamp.from(received.plus(Duration.ofDays(14))), Timestamp.from(received.plus(Duration.ofDays(14))),
            random.nextBoolean() ? "RESOLVED_INFORMALLY" : null});
      }
    }
    jdbc.batchUpdate("insert into enquiry (reference, process_instance_id, member_id, submitted_by, department,"
        + " submitted_at, state, outcome, capacity, received_at, triaged_at, officer_group, officer_id, acknowledge_by,"
        + " respond_by, full_response_by, acknowledged_at, holding_response_sent_at, full_response_sent_at, closed_at,"
        + " clock_stopped_working_days, stopped_days_at_response, timescales_apply)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, true)", enquiries);
    jdbc.batchUpdate("insert into breach (process_instance_id, enquiry_reference, department, deadline_kind, deadline_due,"
        + " missed_at, escalated, outcome) values (?, ?, ?, ?, ?, ?, true, ?)", breaches);
    jdbc.execute("analyze enquiry");
    jdbc.execute("analyze breach");
  }
}
