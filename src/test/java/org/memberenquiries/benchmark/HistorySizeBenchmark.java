package org.memberenquiries.benchmark;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.department.Departments;
import org.memberenquiries.enquiry.EnquirySubmission;
import org.memberenquiries.enquiry.NewEnquiry;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.testing.PostgresqlTestDatabase;
import org.memberenquiries.testing.TestDatabaseProfiles;
import org.memberenquiries.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 11 (history size per enquiry): drives answered enquiries through the product the way the tests do
 * (submitted through {@link EnquirySubmission}, each step claimed and completed through the engine's task
 * service, timers executed on the engine clock) on PostgreSQL, and prints, per case, the rows each table
 * holds, the rows written (inserted, updated, deleted: PostgreSQL's own counters) and the space taken
 * ({@code pg_total_relation_size}) per 1,000 cases. Two kinds of case: answered on time (submit, triage,
 * acknowledge, respond in full), and answered after a missed acknowledgement (its timer fires, the breach
 * is recorded and escalated, Member Support resolves it informally). It asserts nothing:
 *
 * <pre>
 * ENQUIRIES_TEST_PG_SCHEMA=wt_engine_bench mvn -B -o test -Dtest=HistorySizeBenchmark -Denquiries.benchmark=true \
 *   -Denquiries.test.database=postgresql -Dsurefire.failIfNoSpecifiedTests=false -DskipLint=true
 * </pre>
 *
 * {@code -Denquiries.benchmark.cases=N} sets the cases of each kind (default 100).
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "enquiries.benchmark", matches = "true")
@ExtendWith(PostgresqlTestDatabase.class)
@SpringBootTest
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
class HistorySizeBenchmark {

  static final int CASES = Integer.getInteger("enquiries.benchmark.cases", 100);
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final Caller MEMBER = new Caller("cllr.lovelace", Set.of(Groups.MEMBERS));

  @Autowired JdbcTemplate jdbc;
  @Autowired EnquirySubmission submission;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired ProcessEngineConfiguration configuration;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void historyPerAnsweredEnquiry() throws Exception {
    TestUsers.seed(identity, departments);
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
    System.out.printf("%nHistory size benchmark on %s: history level %s, removal-time strategy %s, cleanup strategy %s,"
            + " %d cases of each kind (load %s)%n", jdbc.queryForObject("select version()", String.class).split(",")[0],
        engine.getHistoryLevel().getName(), engine.getHistoryRemovalTimeStrategy(), engine.getHistoryCleanupStrategy(),
        CASES, ReadModelBenchmark.load());
    // One case of each kind first, so that the tables' first pages and the deployment's own rows are not counted.
    answeredOnTime(0);
    answeredAfterMissedAcknowledgement(0);
    Snapshot before = snapshot();
    long started = System.nanoTime();
    for (int i = 1; i <= CASES; i++) {
      answeredOnTime(i);
    }
    double onTimeSeconds = (System.nanoTime() - started) / 1e9;
    Snapshot onTime = snapshot();
    started = System.nanoTime();
    for (int i = 1; i <= CASES; i++) {
      answeredAfterMissedAcknowledgement(i);
    }
    double lateSeconds = (System.nanoTime() - started) / 1e9;
    Snapshot late = snapshot();
    print("answered on time (submit, triage, acknowledge, full response)", before, onTime, onTimeSeconds);
    print("answered after a missed acknowledgement (timer, breach, escalation resolved informally)", onTime, late,
        lateSeconds);
  }

  /** Submitted Monday 10:00, triaged and acknowledged the same day, answered in full on Wednesday. */
  void answeredOnTime(int i) {
    LocalDateTime monday = LocalDateTime.parse("2026-11-23T10:00");
    ProcessInstance enquiry = submitted(monday);
    work(enquiry, "TriageEnquiry", monday.plusMinutes(30),
        Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR"));
    work(enquiry, "AcknowledgeEnquiry", monday.plusHours(1), Map.of("acknowledgementText", "Thank you, received."));
    work(enquiry, "RespondToEnquiry", monday.plusDays(2),
        Map.of("responseType", "FULL", "responseText", "The lights were repaired on Tuesday."));
  }

  /**
   * Submitted Monday 10:00, triaged; nobody acknowledges by 17:00 Tuesday (R4): the timer records the breach and
   * starts the escalation (R10); Member Support resolves it informally; acknowledged and answered on Wednesday.
   */
  void answeredAfterMissedAcknowledgement(int i) {
    LocalDateTime monday = LocalDateTime.parse("2026-11-23T10:00");
    ProcessInstance enquiry = submitted(monday);
    work(enquiry, "TriageEnquiry", monday.plusMinutes(30),
        Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR"));
    clockAt(monday.plusDays(1).withHour(17).withMinute(1));
    for (Job job : management.createJobQuery().processInstanceId(enquiry.getId()).timers()
        .duedateLowerThan(ClockUtil.getCurrentTime()).list()) {
      management.executeJob(job.getId());
    }
    ProcessInstance escalation = runtime.createProcessInstanceQuery().superProcessInstanceId(enquiry.getId())
        .singleResult();
    work(escalation, "ResolveInformally", monday.plusDays(2),
        Map.of("resolutionNotes", "Called the Member.", "memberSatisfied", true));
    work(enquiry, "AcknowledgeEnquiry", monday.plusDays(2).plusMinutes(30),
        Map.of("acknowledgementText", "Sorry for the delay."));
    work(enquiry, "RespondToEnquiry", monday.plusDays(2).plusHours(1),
        Map.of("responseType", "FULL", "responseText", "The lights were repaired on Tuesday."));
  }

  ProcessInstance submitted(LocalDateTime at) {
    clockAt(at);
    NewEnquiry enquiry = new NewEnquiry("Street lighting on Mill Lane",
        "Residents report the lights on Mill Lane have been out for a week.", Capacity.COUNTY_COUNCILLOR, "Mill Ward",
        "highways", "To answer residents at the ward surgery.", null, null, null);
    String reference = submission.submit(MEMBER, enquiry, null).reference();
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(EnquirySubmission.PROCESS).singleResult();
  }

  void work(ProcessInstance instance, String taskKey, LocalDateTime at, Map<String, Object> variables) {
    clockAt(at);
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
    String officer = taskKey.equals("ResolveInformally") ? "support" : "officer.highways";
    tasks.claim(task.getId(), officer);
    identity.setAuthenticatedUserId(officer);
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  static void clockAt(LocalDateTime london) {
    ClockUtil.setCurrentTime(Date.from(london.atZone(LONDON).toInstant()));
  }

  /** Rows, bytes and PostgreSQL's write counters of every table in the schema. */
  record Snapshot(Map<String, long[]> tables, long schemaBytes) {}

  Snapshot snapshot() throws InterruptedException {
    // Each connection reports its write counters to PostgreSQL's statistics when idle for a while (PostgreSQL 15):
    // wait for the pool's connections to report, so the counters include every statement of the run.
    Thread.sleep(12_000);
    Map<String, long[]> tables = new TreeMap<>();
    jdbc.query("select relname, n_live_tup, n_tup_ins, n_tup_upd, n_tup_del,"
        + " pg_total_relation_size(relid) from pg_stat_user_tables where schemaname = current_schema()", rs -> {
          String table = rs.getString(1).toLowerCase();
          long rows = jdbc.queryForObject("select count(*) from " + table, Long.class);
          tables.put(table, new long[] {rows, rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)});
        });
    long bytes = tables.values().stream().mapToLong(t -> t[4]).sum();
    return new Snapshot(tables, bytes);
  }

  void print(String what, Snapshot from, Snapshot to, double seconds) {
    System.out.printf("%n%s: %d cases in %.1f s (%.1f cases/s, load %s)%n", what, CASES, seconds, CASES / seconds,
        ReadModelBenchmark.load());
    System.out.printf("  %-28s %9s %9s %9s %9s %12s%n", "table", "rows/case", "ins/case", "upd/case", "del/case",
        "MiB/1,000");
    Set<String> names = new TreeSet<>(to.tables().keySet());
    double[] history = new double[5];
    double[] all = new double[5];
    Map<String, double[]> lines = new LinkedHashMap<>();
    for (String table : names) {
      long[] a = from.tables().getOrDefault(table, new long[5]);
      long[] b = to.tables().get(table);
      double[] line = new double[5];
      for (int k = 0; k < 4; k++) {
        line[k] = (b[k] - a[k]) / (double) CASES;
      }
      line[4] = (b[4] - a[4]) * 1000.0 / CASES / (1 << 20);
      if (line[0] == 0 && line[1] == 0 && line[2] == 0 && line[3] == 0 && line[4] == 0) {
        continue;
      }
      lines.put(table, line);
      for (int k = 0; k < 5; k++) {
        all[k] += line[k];
        if (table.startsWith("act_hi_")) {
          history[k] += line[k];
        }
      }
    }
    lines.forEach((table, line) -> printLine(table, line));
    printLine("= engine history (act_hi_*)", history);
    printLine("= every table", all);
  }

  static void printLine(String name, double[] line) {
    System.out.printf("  %-28s %9.1f %9.1f %9.1f %9.1f %12.2f%n", name, line[0], line[1], line[2], line[3], line[4]);
  }
}
