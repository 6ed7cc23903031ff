package org.memberenquiries.benchmark;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.dashboard.TimelinessDashboard;
import org.memberenquiries.deadline.DeadlineCalculator;
import org.memberenquiries.department.Departments;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.report.GroupBy;
import org.memberenquiries.report.TimelinessFigures;
import org.memberenquiries.report.TimelinessReport;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.security.HttpSession;
import org.memberenquiries.testing.PostgresqlTestDatabase;
import org.memberenquiries.testing.TestDatabaseProfiles;
import org.memberenquiries.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 9, performance: a benchmark, not a test (it asserts nothing and is skipped unless asked for). With
 * 100,000 historic enquiries received over the last year in PostgreSQL ({@link HistoricEnquiries}, the
 * documented bulk loader that writes what the process writes), it prints the time of the year's timeliness
 * report (target under 1 second) and of the dashboard page's render over HTTP in a signed-in session (target
 * under 2 seconds), as a director (every department) and as a department's manager. Run it on a schema of its
 * own, which it empties first (README):
 *
 * <pre>
 * ENQUIRIES_TEST_PG_SCHEMA=timeliness_benchmark mvn -B -o test -Dtest=TimelinessBenchmark \
 *   -Denquiries.benchmark=true -Denquiries.test.database=postgresql -Dsurefire.failIfNoSpecifiedTests=false -DskipLint=true
 * </pre>
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "enquiries.benchmark", matches = "true")
@ExtendWith(PostgresqlTestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
class TimelinessBenchmark {

  static final int ENQUIRIES = Integer.getInteger("enquiries.benchmark.timeliness.enquiries", 100_000);
  static final int RUNS = Integer.getInteger("enquiries.benchmark.timeliness.runs", 10);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired WorkingCalendar calendar;
  @Autowired DeadlineCalculator deadlines;
  @Autowired EngineClock clock;
  @Autowired TimelinessReport report;
  @Autowired TimelinessDashboard dashboard;

  @Test
  void aYearOfOneHundredThousandEnquiries() {
    TestUsers.seed(identity, departments);
    Instant now = clock.now();
    long started = System.nanoTime();
    HistoricEnquiries loader = new HistoricEnquiries(jdbc, calendar, deadlines,
        departments.all().stream().map(d -> d.id()).toList());
    loader.load(ENQUIRIES, now);
    double loadSeconds = (System.nanoTime() - started) / 1e9;
    LocalDate to = now.atZone(calendar.zone()).toLocalDate();
    LocalDate from = to.minusDays(364);
    Caller director = new Caller("director", Set.of(Groups.EXECUTIVE_DIRECTOR));
    Caller manager = new Caller("manager.highways", Set.of("highways-managers"));

    System.out.printf("%nTimeliness benchmark: %,d enquiries received %s to %s (%,d breaches) on PostgreSQL (%s),"
            + " loaded in %.1f s; %d runs each after 2 warm-up runs, milliseconds%n",
        count(), from, to, loader.breachCount, jdbc.queryForObject("select version()", String.class).split(",")[0],
        loadSeconds, RUNS);
    TimelinessFigures year = report.figures(director, from, to, GroupBy.DEPARTMENT);
    System.out.printf("  the year: %,d received, %s%% answered within 10 working days, %,d overdue now%n",
        year.total().received(), year.total().percentRespondedOnTime(), year.overdue().size());
    time("the year's report, every department, by department (service)",
        () -> report.figures(director, from, to, GroupBy.DEPARTMENT).rows().size());
    time("the year's report, every department, by officer (service)",
        () -> report.figures(director, from, to, GroupBy.OFFICER).rows().size());
    time("the year's report, every department, by month (service)",
        () -> report.figures(director, from, to, GroupBy.MONTH).rows().size());
    time("the year's report, one department (manager), by department (service)",
        () -> report.figures(manager, from, to, GroupBy.DEPARTMENT).rows().size());

    HttpSession directorSession = new HttpSession(port);
    directorSession.login("director", TestUsers.PASSWORD);
    HttpSession managerSession = new HttpSession(port);
    managerSession.login("manager.highways", TestUsers.PASSWORD);
    String yearPage = "/staff/timeliness?from=" + from + "&to=" + to;
    time("HTTP: the dashboard page, default 13 weeks (director)", () -> page(directorSession, "/staff/timeliness"));
    time("HTTP: the dashboard page, the year (chart: every week) (director)", () -> page(directorSession, yearPage));
    time("HTTP: the dashboard page, the year (Highways manager)", () -> page(managerSession, yearPage));
    time("HTTP: the Cockpit plugin's figures, the year (director)",
        () -> page(directorSession, "/camunda/api/cockpit/plugin/timeliness/default/figures?from=" + from + "&to=" + to));
    time("HTTP: the Cockpit plugin's figures, the year (Highways manager)",
        () -> page(managerSession, "/camunda/api/cockpit/plugin/timeliness/default/figures?from=" + from + "&to=" + to));
  }

  long count() {
    return jdbc.queryForObject("select count(*) from enquiry", Long.class);
  }

  static int page(HttpSession session, String path) {
    var response = session.get(path);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + ": " + response.statusCode());
    }
    return response.body().length();
  }

  void time(String what, IntSupplier call) {
    call.getAsInt();
    call.getAsInt(); // warm-up
    double[] millis = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long started = System.nanoTime();
      call.getAsInt();
      millis[i] = (System.nanoTime() - started) / 1e6;
    }
    Arrays.sort(millis);
    System.out.printf("  %-66s median %7.1f  max %7.1f  (load %s)%n", what, millis[RUNS / 2], millis[RUNS - 1],
        ReadModelBenchmark.load());
  }
}
