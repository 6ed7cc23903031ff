package org.memberenquiries.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.deadline.DeadlineCalculator;
import org.memberenquiries.department.Departments;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.enquiry.EnquirySubmission;
import org.memberenquiries.enquiry.NewEnquiry;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.testing.PostgresqlTestDatabase;
import org.memberenquiries.testing.TestDatabaseProfiles;
import org.memberenquiries.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 11 item 1: the scale benchmark. It prints (and asserts nothing) every row of the table, on the
 * real PostgreSQL server, with the ratios the issue asks for:
 * <ul>
 *   <li>the product's lifecycle (a Member submits through {@code POST /api/enquiries}; an officer triages,
 *       acknowledges and answers in full through the engine REST API as Tasklist does: find the task, claim it,
 *       submit its form) with C concurrent clients, against a bare process (start and two user tasks for the
 *       same queue, deployed beside it in the same run and driven the same way), in alternating rounds: the
 *       rate, the application's CPU per case, and the database work per case (SQL statements, commits and
 *       rows written, counted at the driver: {@link DatabaseWork});
 *   <li>{@code pgbench} simple-update with the same C clients: the database's own commit rate here;
 *   <li>history rows and database size per 1,000 answered enquiries (the product's rounds only);
 *   <li>a deadline burst: N enquiries whose acknowledgement deadline is one instant, the engine clock moved
 *       past it, the job executor (on, as in production) recording every breach and starting every escalation;
 *   <li>read-side latencies at two sizes (open enquiries, all in one officers' queue and all one Member's):
 *       the officer's Tasklist query (the queue's saved filter, 15 rows, with its columns' variables, as
 *       Tasklist asks it) and the Member's list ({@code GET /api/enquiries}), p50 and p95.
 * </ul>
 * Run (README, "Scale (issue 11)"); sizes are system properties, defaults take a few minutes on 2 cores:
 *
 * <pre>
 * ENQUIRIES_TEST_PG_SCHEMA=enquiries_benchmark mvn -B -P bench test -Dtest=ScaleBenchmark \
 *   [-Denquiries.benchmark.scale.clients=8] [-Denquiries.benchmark.scale.cases=100] [-Denquiries.benchmark.scale.rounds=2] \
 *   [-Denquiries.benchmark.scale.burst=300] [-Denquiries.benchmark.scale.open=1000,5000] [-Denquiries.benchmark.scale.reads=200]
 * </pre>
 *
 * The sizes: {@code -Denquiries.benchmark.scale.burst=100000 -Denquiries.benchmark.scale.open=1000,100000}
 * (hours on this machine, most of them filling). Eight clients by default: on two cores, four requests in flight
 * per core keep both busy while one waits on PostgreSQL, and fit the pool (Hikari's 10 connections) without
 * queueing for it; the 32 shows the pool's queue.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "enquiries.benchmark", matches = "true")
@ExtendWith(PostgresqlTestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // Passwords at production cost (application.yml): the API checks one on every request.
    "enquiries.passwords.argon2.memory-kib=16384", "enquiries.passwords.argon2.iterations=2",
    // The job executor runs, as in production (the test profile turns it off): the burst needs it.
    "camunda.bpm.job-execution.enabled=true", "camunda.bpm.generic-properties.properties.jobExecutorActivate=true"})
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
class ScaleBenchmark {

  static final int CLIENTS = Integer.getInteger("enquiries.benchmark.scale.clients", 8);
  static final int CASES = Integer.getInteger("enquiries.benchmark.scale.cases", 100);
  static final int ROUNDS = Integer.getInteger("enquiries.benchmark.scale.rounds", 2);
  static final int WARM_UP = Integer.getInteger("enquiries.benchmark.scale.warm-up", 40);
  static final int BURST = Integer.getInteger("enquiries.benchmark.scale.burst", 300);
  static final int READS = Integer.getInteger("enquiries.benchmark.scale.reads", 200);
  static final int PGBENCH_SECONDS = Integer.getInteger("enquiries.benchmark.scale.pgbench-seconds", 10);
  static final int[] OPEN = Arrays.stream(System.getProperty("enquiries.benchmark.scale.open", "1000,5000").split(","))
      .map(String::trim).mapToInt(Integer::parseInt).toArray();

  static final String BARE = "bench-bare";
  static final String MEMBER = "cllr.lovelace";
  static final String OFFICER = "officer.highways";
  static final String QUEUE = "highways-officers";
  static final ObjectMapper JSON = new ObjectMapper();

  /** Counts what the application asks of the database (see {@link DatabaseWork}). */
  @TestConfiguration
  static class CountDatabaseWork {
    @Bean
    static BeanPostProcessor countingDataSource() {
      return DatabaseWork.wrapper();
    }
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired RepositoryService repository;
  @Autowired AuthorizationService authorizations;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired FilterService filters;
  @Autowired EnquirySubmission submission;
  @Autowired DeadlineCalculator deadlines;
  @Autowired EngineClock clock;

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  final AtomicInteger numbers = new AtomicInteger();
  final List<String> table = new ArrayList<>();
  double burstFirstSeconds;

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  @Test
  void scale() throws Exception {
    TestUsers.seed(identity, departments);
    deployBare();
    System.out.printf("%nScale benchmark (issue 11) on %s, %d cores, %d clients, %d cases per kind per round,"
            + " %d rounds; load at start %s%n", jdbc.queryForObject("select version()", String.class).split(",")[0],
        Runtime.getRuntime().availableProcessors(), CLIENTS, CASES, ROUNDS, ReadModelBenchmark.load());

    // Warm-up: the JIT, the pool, the password check (remembered after the first, security.VerifiedCredentials).
    drive(WARM_UP, this::productCase);
    drive(WARM_UP, this::bareCase);

    Round product = new Round("product");
    Round bare = new Round("bare");
    for (int r = 0; r < ROUNDS; r++) {
      product.add(measure(CASES, this::productCase, true));
      bare.add(measure(CASES, this::bareCase, false));
    }
    product.print();
    bare.print();
    System.out.println("  where the database's size went (all rounds and warm-up), largest first:");
    jdbc.queryForList("select tablename, pg_total_relation_size(format('%I.%I', schemaname, tablename)) bytes"
        + " from pg_tables where schemaname = current_schema() order by 2 desc limit 12").forEach(t ->
        System.out.printf("    %8.1f MiB  %s%n", ((Number) t.get("bytes")).longValue() / 1048576.0, t.get("tablename")));
    Pgbench.Result pgbench = Pgbench.simpleUpdate(jdbc.queryForObject("select current_schema()", String.class) + "_pgbench",
        CLIENTS, PGBENCH_SECONDS);
    double burstSeconds = burst();
    List<double[]> reads = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    for (int open : OPEN) {
      fill(open);
      sizes.add(openInQueue());
      reads.add(reads());
    }
    summary(product, bare, pgbench, burstSeconds, sizes, reads);
  }

  // ---- driving the cases

  /** A Member submits; an officer triages, acknowledges and answers in full, through the APIs. */
  void productCase(int n) {
    JsonNode created = post(MEMBER, "/api/enquiries", Map.of("subject", "Street lighting " + n,
        "text", "Residents report the lights on Mill Lane have been out for a week.", "capacity", "COUNTY_COUNCILLOR",
        "ward", "Mill Ward", "department", "highways", "purpose", "To answer residents at the ward surgery."), 201);
    String reference = created.get("reference").asText();
    work(reference, Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR"));
    work(reference, Map.of("acknowledgementText", "Thank you for your enquiry.", "acknowledgementChecked", true));
    work(reference, Map.of("responseType", "FULL", "responseText", "The lights were mended on Tuesday.",
        "councillorOnly", false));
  }

  /** The bare process: started, its two tasks worked the same way. */
  void bareCase(int n) {
    String key = "BARE-" + n;
    post(OFFICER, "/engine-rest/process-definition/key/" + BARE + "/start", Map.of("businessKey", key), 200);
    work(key, Map.of("decision", "QUESTION", "note", "Seen."));
    work(key, Map.of("decision", "FULL", "note", "Done."));
  }

  /** As an officer in Tasklist: the case's open task, claimed, its form submitted. */
  void work(String businessKey, Map<String, Object> form) {
    JsonNode open = get(OFFICER, "/engine-rest/task?processInstanceBusinessKey=" + businessKey, null);
    if (open.size() != 1) {
      throw new IllegalStateException(businessKey + ": expected one open task, found " + open);
    }
    String task = open.get(0).get("id").asText();
    post(OFFICER, "/engine-rest/task/" + task + "/claim", Map.of("userId", OFFICER), 204);
    Map<String, Object> variables = new LinkedHashMap<>();
    form.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    post(OFFICER, "/engine-rest/task/" + task + "/submit-form", Map.of("variables", variables), 204);
  }

  /** {@code cases} cases by {@link #CLIENTS} clients at once; the first failure fails the run. */
  void drive(int cases, IntConsumer oneCase) throws Exception {
    AtomicInteger left = new AtomicInteger(cases);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        running.add(clients.submit(() -> {
          while (left.getAndDecrement() > 0) {
            oneCase.accept(numbers.incrementAndGet());
          }
          return null;
        }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    } finally {
      clients.shutdownNow();
    }
  }

  void deployBare() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(BARE).name("Bare: start and two user tasks")
        .camundaHistoryTimeToLive(180)
        .startEvent()
        .userTask("First").camundaCandidateGroups(QUEUE)
        .userTask("Second").camundaCandidateGroups(QUEUE)
        .endEvent().done();
    repository.createDeployment().name(BARE).addModelInstance(BARE + ".bpmn", model).deploy();
    Authorization start = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    start.setGroupId(QUEUE);
    start.setResource(Resources.PROCESS_DEFINITION);
    start.setResourceId(BARE);
    start.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
    authorizations.saveAuthorization(start);
  }

  // ---- measuring

  /** One round of one kind: time, CPU, database work, and (product) what it left in the database. */
  record Measured(int cases, double seconds, double cpuSeconds, double requestCpuSeconds, DatabaseWork.Counts work,
      long historyRows, long bytes) {}

  Measured measure(int cases, IntConsumer oneCase, boolean sizes) throws Exception {
    long history = sizes ? historyRows() : 0;
    long bytes = sizes ? schemaBytes() : 0;
    Map<Long, Long> requestCpu = requestThreadCpu();
    long cpu = processCpuNanos();
    DatabaseWork.Counts before = DatabaseWork.COUNTER.now();
    long started = System.nanoTime();
    drive(cases, oneCase);
    double seconds = (System.nanoTime() - started) / 1e9;
    DatabaseWork.Counts work = DatabaseWork.COUNTER.now().minus(before);
    double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
    double requestCpuSeconds = cpuSince(requestCpu) / 1e9;
    return new Measured(cases, seconds, cpuSeconds, requestCpuSeconds, work,
        sizes ? historyRows() - history : 0, sizes ? schemaBytes() - bytes : 0);
  }

  /** The rounds of one kind, added up. */
  static final class Round {
    final String kind;
    final List<Measured> rounds = new ArrayList<>();

    Round(String kind) {
      this.kind = kind;
    }

    void add(Measured measured) {
      rounds.add(measured);
      System.out.printf("  round: %-7s %4d cases in %6.1f s = %6.2f cases/s; CPU %5.1f ms/case (requests %5.1f);"
              + " %5.1f statements, %4.1f commits (%4.1f of them auto-commit), %5.1f rows written per case (load %s)%n",
          kind, measured.cases, measured.seconds, measured.cases / measured.seconds,
          1000 * measured.cpuSeconds / measured.cases, 1000 * measured.requestCpuSeconds / measured.cases,
          (double) measured.work.statements() / measured.cases, (double) measured.work.commits() / measured.cases,
          (double) measured.work.autoCommits() / measured.cases, (double) measured.work.rowsWritten() / measured.cases, ReadModelBenchmark.load());
    }

    int cases() {
      return rounds.stream().mapToInt(Measured::cases).sum();
    }

    double rate() {
      return cases() / rounds.stream().mapToDouble(Measured::seconds).sum();
    }

    double cpuMillis() {
      return 1000 * rounds.stream().mapToDouble(Measured::cpuSeconds).sum() / cases();
    }

    double requestCpuMillis() {
      return 1000 * rounds.stream().mapToDouble(Measured::requestCpuSeconds).sum() / cases();
    }

    double statements() {
      return rounds.stream().mapToLong(m -> m.work.statements()).sum() / (double) cases();
    }

    double commits() {
      return rounds.stream().mapToLong(m -> m.work.commits()).sum() / (double) cases();
    }

    double rows() {
      return rounds.stream().mapToLong(m -> m.work.rowsWritten()).sum() / (double) cases();
    }

    double historyRows() {
      return rounds.stream().mapToLong(Measured::historyRows).sum() / (double) cases();
    }

    double mibPerThousand() {
      return rounds.stream().mapToLong(Measured::bytes).sum() / (double) cases() * 1000 / (1 << 20);
    }

    /** Where one case's statements go, most frequent first. */
    void print() {
      Map<String, Long> all = new HashMap<>();
      rounds.forEach(m -> m.work.byStatement().forEach((sql, n) -> all.merge(sql, n, Long::sum)));
      System.out.printf("  %s: the statements of one case, most frequent first (per case)%n", kind);
      new DatabaseWork.Counts(0, 0, 0, 0, all).top(25).forEach(e ->
          System.out.printf("    %6.2f  %s%n", e.getValue() / (double) cases(), e.getKey()));
    }
  }

  long historyRows() {
    return jdbc.queryForList("select table_name from information_schema.tables where table_schema = current_schema()"
        + " and lower(table_name) like 'act\\_hi\\_%'", String.class).stream()
        .mapToLong(table -> jdbc.queryForObject("select count(*) from " + table, Long.class)).sum();
  }

  long schemaBytes() {
    return jdbc.queryForObject("select coalesce(sum(pg_total_relation_size(format('%I.%I', schemaname, tablename))), 0)"
        + " from pg_tables where schemaname = current_schema()", Long.class);
  }

  static long processCpuNanos() {
    return ReadModelBenchmark.processCpuNanos();
  }

  /** CPU time so far of each of Tomcat's request threads: the server's share of the JVM's CPU. */
  static Map<Long, Long> requestThreadCpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> cpu = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("http-nio-")) {
        cpu.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return cpu;
  }

  static long cpuSince(Map<Long, Long> before) {
    long total = 0;
    for (Map.Entry<Long, Long> now : requestThreadCpu().entrySet()) {
      total += Math.max(0, now.getValue() - before.getOrDefault(now.getKey(), 0L));
    }
    return total;
  }

  // ---- the deadline burst

  /**
   * {@link #BURST} enquiries received at one instant, so their acknowledgement deadline is one instant; the
   * engine clock moved a minute past it; the time until the job executor has recorded every breach and started
   * every escalation (engine's {@code DeadlineBurstBenchmark}, when present, goes further).
   */
  double burst() throws Exception {
    if (BURST <= 0) {
      return 0;
    }
    Instant received = clock.now();
    ClockUtil.setCurrentTime(java.util.Date.from(received));
    submitInProcess(BURST);
    Instant due = deadlines.deadlinesFor(received).acknowledgeBy().toInstant();
    long breachesBefore = jdbc.queryForObject("select count(*) from breach", Long.class);
    long escalationsBefore = runtime.createProcessInstanceQuery().processDefinitionKey("enquiry-escalation").count();
    ClockUtil.setCurrentTime(java.util.Date.from(due.plusSeconds(60)));
    long started = System.nanoTime();
    long breaches = 0;
    long escalations = 0;
    double firstSeconds = -1;
    while (System.nanoTime() - started < 30L * 60 * 1_000_000_000L) {
      breaches = jdbc.queryForObject("select count(*) from breach", Long.class) - breachesBefore;
      escalations = runtime.createProcessInstanceQuery().processDefinitionKey("enquiry-escalation").count()
          - escalationsBefore;
      if (breaches > 0 && firstSeconds < 0) {
        firstSeconds = (System.nanoTime() - started) / 1e9;
      }
      if (breaches >= BURST && escalations >= BURST) {
        break;
      }
      Thread.sleep(100);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("  burst: %d acknowledgement deadlines due at %s: %d breaches recorded, %d escalations started"
        + " in %.1f s from the clock's move (the first after %.1f s: the job executor's idle wait) = %.0f jobs/s;"
        + " %.0f jobs/s from the first (load %s)%n", BURST, due, breaches, escalations, seconds, firstSeconds,
        BURST / seconds, BURST / Math.max(0.001, seconds - firstSeconds), ReadModelBenchmark.load());
    burstFirstSeconds = firstSeconds;
    return seconds;
  }

  /** Enquiries submitted through the product's own service (no HTTP): the fastest honest way to fill. */
  void submitInProcess(int count) throws Exception {
    Caller member = new Caller(MEMBER, Set.of(Groups.MEMBERS));
    drive(count, n -> submission.submit(member, new NewEnquiry("Grit bins " + n,
        "Where are the grit bins on Mill Lane?", Capacity.COUNTY_COUNCILLOR, "Mill Ward", "highways",
        "To answer residents.", null, null, null), null));
  }

  // ---- the read side

  long openInQueue() {
    return tasks.createTaskQuery().taskCandidateGroup(QUEUE).count();
  }

  void fill(int open) throws Exception {
    long missing = open - openInQueue();
    long started = System.nanoTime();
    if (missing > 0) {
      submitInProcess((int) missing);
    }
    jdbc.execute("analyze");
    System.out.printf("  filled to %,d open tasks in %s's queue (%,d enquiries of %s) in %.0f s%n", openInQueue(), QUEUE,
        jdbc.queryForObject("select count(*) from enquiry where member_id = ?", Long.class, MEMBER), MEMBER,
        (System.nanoTime() - started) / 1e9);
  }

  /** p50 and p95 of the Tasklist query and of the Member's list, one request at a time. */
  double[] reads() {
    String filter = filters.createFilterQuery().filterName("Highways and Transport: officers").singleResult().getId();
    DatabaseWork.Counts before = DatabaseWork.COUNTER.now();
    double[] tasklist = latencies(() -> post(OFFICER, "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15",
        "{}", "application/hal+json", 200).path("_embedded").path("task").size());
    DatabaseWork.Counts tasklistWork = DatabaseWork.COUNTER.now().minus(before);
    before = DatabaseWork.COUNTER.now();
    double[] memberList = latencies(() -> get(MEMBER, "/api/enquiries", null).path("items").size());
    DatabaseWork.Counts memberWork = DatabaseWork.COUNTER.now().minus(before);
    int calls = READS + Math.min(20, READS);
    System.out.printf("  reads at %,d open: Tasklist query p50 %.1f p95 %.1f ms (%.1f statements each); Member's list"
        + " p50 %.1f p95 %.1f ms (%.1f statements each) (load %s)%n", openInQueue(), tasklist[0], tasklist[1],
        tasklistWork.statements() / (double) calls, memberList[0], memberList[1], memberWork.statements() / (double) calls,
        ReadModelBenchmark.load());
    tasklistWork.top(8).forEach(e -> System.out.printf("    %6.2f  %s%n", e.getValue() / (double) calls, e.getKey()));
    return new double[] {tasklist[0], tasklist[1], memberList[0], memberList[1]};
  }

  static double[] latencies(IntSupplier call) {
    for (int i = 0; i < Math.min(20, READS); i++) {
      call.getAsInt();
    }
    double[] millis = new double[READS];
    for (int i = 0; i < READS; i++) {
      long started = System.nanoTime();
      call.getAsInt();
      millis[i] = (System.nanoTime() - started) / 1e6;
    }
    Arrays.sort(millis);
    return new double[] {millis[READS / 2], millis[(int) (READS * 0.95)]};
  }

  // ---- the table

  void summary(Round product, Round bare, Pgbench.Result pgbench, double burstSeconds, List<Long> sizes,
      List<double[]> reads) {
    double perTaskCommits = (product.commits() / 3) / (bare.commits() / 2);
    double perTaskRows = (product.rows() / 3) / (bare.rows() / 2);
    System.out.printf("%nScale (issue 11): measured here (%d clients, %d cores, load %s) | the issue's target%n",
        CLIENTS, Runtime.getRuntime().availableProcessors(), ReadModelBenchmark.load());
    row("lifecycle vs bare (same run)", String.format("product %.2f cases/s, bare %.2f cases/s: %.2fx the bare rate;"
            + " CPU per case %.0f vs %.0f ms (%.2fx; request threads %.0f vs %.0f ms)", product.rate(), bare.rate(),
        product.rate() / bare.rate(), product.cpuMillis(), bare.cpuMillis(), product.cpuMillis() / bare.cpuMillis(),
        product.requestCpuMillis(), bare.requestCpuMillis()), "product >= 0.77x bare (overhead <= 1.3x)");
    row("database work per enquiry", String.format("%.1f commits, %.1f rows written, %.1f statements (bare case: %.1f"
            + " commits, %.1f rows, %.1f statements); per task %.2fx commits, %.2fx rows of the bare case's",
        product.commits(), product.rows(), product.statements(), bare.commits(), bare.rows(), bare.statements(),
        perTaskCommits, perTaskRows), "commits and rows per task <= 1.3x the bare case's");
    row("database's own commit rate (pgbench -N)", pgbench.tps() > 0
        ? String.format("%.0f tps with %d clients; the product used %.0f commits/s (%.0f%% of it)", pgbench.tps(),
            CLIENTS, product.rate() * product.commits(), 100 * product.rate() * product.commits() / pgbench.tps())
        : pgbench.note(), "(yardstick)");
    row("history rows and size per 1,000 answered", String.format("%.0f history rows per case; %.1f MiB per 1,000",
        product.historyRows(), product.mibPerThousand()), "<= 25 MiB per 1,000");
    row("deadlines due at one instant", BURST <= 0 ? "not run" : String.format("%,d in %.1f s (%.0f jobs/s; %.0f jobs/s after"
        + " the first, %.1f s after the clock's move)", BURST, burstSeconds, BURST / burstSeconds,
        BURST / Math.max(0.001, burstSeconds - burstFirstSeconds), burstFirstSeconds), "100,000 in < 2 min (>= 830 jobs/s)");
    StringBuilder tasklist = new StringBuilder();
    StringBuilder members = new StringBuilder();
    for (int i = 0; i < sizes.size(); i++) {
      tasklist.append(String.format("%s%.0f/%.0f ms at %,d open", i == 0 ? "" : "; ", reads.get(i)[0], reads.get(i)[1],
          sizes.get(i)));
      members.append(String.format("%s%.0f/%.0f ms at %,d open", i == 0 ? "" : "; ", reads.get(i)[2], reads.get(i)[3],
          sizes.get(i)));
    }
    row("officer's Tasklist query (p50/p95)", tasklist.toString(), "p95 < 100 ms with 100,000 open");
    row("a Member's list (p50/p95)", members.toString(), "p95 < 100 ms, flat in the count");
    table.forEach(System.out::println);
  }

  void row(String figure, String measured, String target) {
    table.add(String.format("| %s | %s | %s |", figure, measured, target));
  }

  // ---- HTTP

  JsonNode get(String user, String path, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (accept != null) {
      request.header("Accept", accept);
    }
    return send(user, request, 200, path);
  }

  JsonNode post(String user, String path, Object body, int expected) {
    return post(user, path, body, null, expected);
  }

  JsonNode post(String user, String path, Object body, String accept, int expected) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body)));
      if (accept != null) {
        request.header("Accept", accept);
      }
      return send(user, request, expected, path);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  JsonNode send(String user, HttpRequest.Builder request, int expected, String path) {
    request.header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(path + " as " + user + ": " + response.statusCode() + " " + response.body());
      }
      return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
