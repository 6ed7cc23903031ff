package org.memberenquiries.benchmark;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * Issue 11 (deadline burst): N enquiries are submitted through the product at the same instant (Monday 10:00), so
 * all their acknowledgement deadlines (R4) fall at 17:00 on Tuesday; the engine clock is then moved to 17:01 and
 * the job executor, running as in production (application.yml's {@code camunda.bpm.job-execution}), fires the N
 * timers: each records the breach and starts its escalation (R10: breach row, Member's and staff's mail, Member
 * Support's task). It prints the time until every breach is recorded and every escalation started, the rate, the
 * application's CPU (cores busy) and the machine's load. It asserts nothing:
 *
 * <pre>
 * ENQUIRIES_TEST_PG_SCHEMA=wt_engine_bench mvn -B -o test -Dtest=DeadlineBurstBenchmark -Denquiries.benchmark=true \
 *   -Denquiries.test.database=postgresql -Dsurefire.failIfNoSpecifiedTests=false -DskipLint=true
 * </pre>
 *
 * {@code -Denquiries.benchmark.burst=1000,5000} sets the bursts (default 1000), one after the other, a week apart.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "enquiries.benchmark", matches = "true")
@ExtendWith(PostgresqlTestDatabase.class)
// The job executor as in production (the test profile switches it off).
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.generic-properties.properties.jobExecutorActivate=true"})
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
class DeadlineBurstBenchmark {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final Caller MEMBER = new Caller("cllr.lovelace", Set.of(Groups.MEMBERS));
  static final int SUBMITTERS = 4;

  @Autowired JdbcTemplate jdbc;
  @Autowired EnquirySubmission submission;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired ProcessEngineConfiguration configuration;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void acknowledgementDeadlinesDueAtOnce() throws Exception {
    TestUsers.seed(identity, departments);
    int[] bursts = Arrays.stream(System.getProperty("enquiries.benchmark.burst", "1000").split(","))
        .mapToInt(n -> Integer.parseInt(n.trim())).toArray();
    JobExecutor executor = ((ProcessEngineConfigurationImpl) configuration).getJobExecutor();
    System.out.printf("%nDeadline burst benchmark on %s, %d cores: job executor active %s, %d jobs per acquisition,"
            + " wait %d ms (max %d ms), lock %d ms, backoff %d ms (max %d ms); history level %s%n",
        jdbc.queryForObject("select version()", String.class).split(",")[0], Runtime.getRuntime().availableProcessors(),
        executor.isActive(), executor.getMaxJobsPerAcquisition(), executor.getWaitTimeInMillis(),
        executor.getMaxWait(), executor.getLockTimeInMillis(), executor.getBackoffTimeInMillis(),
        executor.getMaxBackoff(), ((ProcessEngineConfigurationImpl) configuration).getHistoryLevel().getName());
    for (int week = 0; week < bursts.length; week++) {
      burst(bursts[week], LocalDateTime.parse("2026-11-23T10:00").plusWeeks(week));
    }
  }

  void burst(int n, LocalDateTime monday) throws Exception {
    clockAt(monday);
    long breachesBefore = count("select count(*) from breach");
    long tasksBefore = count("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'ResolveInformally'");
    long started = System.nanoTime();
    submit(n);
    System.out.printf("%n%,d enquiries submitted at %s in %.1f s (%.0f/s, %d clients, load %s)%n", n, monday,
        (System.nanoTime() - started) / 1e9, n / ((System.nanoTime() - started) / 1e9), SUBMITTERS,
        ReadModelBenchmark.load());
    // Tuesday 17:01: every acknowledgement deadline has just passed.
    long cpuBefore = ReadModelBenchmark.processCpuNanos();
    clockAt(monday.plusDays(1).withHour(17).withMinute(1));
    started = System.nanoTime();
    double firstBreach = -1;
    long lastPrint = 0;
    while (true) {
      Thread.sleep(250); // a benchmark, not a test: it waits for the job executor, which runs on its own threads
      long breaches = count("select count(*) from breach") - breachesBefore;
      long escalations = count("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'ResolveInformally'") - tasksBefore;
      double seconds = (System.nanoTime() - started) / 1e9;
      if (firstBreach < 0 && breaches > 0) {
        firstBreach = seconds;
      }
      if (seconds - lastPrint >= 10 || (breaches >= n && escalations >= n)) {
        lastPrint = (long) seconds;
        double cores = (ReadModelBenchmark.processCpuNanos() - cpuBefore) / 1e9 / seconds;
        System.out.printf("  %6.1f s: %,d breaches recorded, %,d escalations started (%.0f/s; app CPU %.2f cores; load %s)%n",
            seconds, breaches, escalations, escalations / seconds, cores, ReadModelBenchmark.load());
      }
      if (breaches >= n && escalations >= n) {
        double cores = (ReadModelBenchmark.processCpuNanos() - cpuBefore) / 1e9 / seconds;
        System.out.printf("%,d deadlines due at once: all breaches recorded and escalations started in %.1f s (first after"
                + " %.1f s), %.0f jobs/s, app CPU %.2f cores (%.1f ms CPU per job), load %s%n", n, seconds, firstBreach,
            n / seconds, cores, cores * seconds * 1000 / n, ReadModelBenchmark.load());
        return;
      }
      if (seconds > 3600) {
        System.out.printf("gave up after an hour: %,d of %,d%n", escalations, n);
        return;
      }
    }
  }

  void submit(int n) throws Exception {
    NewEnquiry enquiry = new NewEnquiry("Street lighting on Mill Lane",
        "Residents report the lights on Mill Lane have been out for a week.", Capacity.COUNTY_COUNCILLOR, "Mill Ward",
        "highways", "To answer residents at the ward surgery.", null, null, null);
    AtomicInteger left = new AtomicInteger(n);
    ExecutorService clients = Executors.newFixedThreadPool(SUBMITTERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < SUBMITTERS; c++) {
        done.add(clients.submit(() -> {
          while (left.getAndDecrement() > 0) {
            submission.submit(MEMBER, enquiry, null);
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      clients.shutdown();
    }
  }

  long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  static void clockAt(LocalDateTime london) {
    ClockUtil.setCurrentTime(Date.from(london.atZone(LONDON).toInstant()));
  }
}
