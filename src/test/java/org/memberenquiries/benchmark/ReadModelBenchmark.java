package org.memberenquiries.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntSupplier;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memberenquiries.department.Departments;
import org.memberenquiries.enquiry.EnquiryQueries;
import org.memberenquiries.enquiry.EnquirySearch;
import org.memberenquiries.enquiry.EnquiryState;
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
 * Issue 8 item 4: a benchmark, not a test (it asserts nothing and is skipped unless asked for). With
 * 10,000 open enquiries in the read model on PostgreSQL it prints the 50th, 95th and 99th percentile
 * of a Member's list and of an officer's search, in the service (the SQL and its mapping) and over
 * HTTP (the pages in a signed-in session; the API with HTTP Basic, passwords at production cost), with
 * the CPU time spent per run. Run it, on a schema of its own that it empties first (README):
 *
 * <pre>
 * ENQUIRIES_TEST_PG_SCHEMA=enquiries_benchmark mvn -B -o test -Dtest=ReadModelBenchmark \
 *   -Denquiries.benchmark=true -Denquiries.test.database=postgresql -Dsurefire.failIfNoSpecifiedTests=false -DskipLint=true
 * </pre>
 *
 * The enquiries are written straight into the read model's table (five departments, 50 wards, 200
 * Members, open in every state), as CaseRecord would have left them, since the lists read nothing else.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "enquiries.benchmark", matches = "true")
@ExtendWith(PostgresqlTestDatabase.class)
// Passwords at production cost (application.yml), not the test profile's: the API checks one on every request.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"enquiries.passwords.argon2.memory-kib=16384", "enquiries.passwords.argon2.iterations=2"})
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
class ReadModelBenchmark {

  static final int ENQUIRIES = 10_000;
  static final int RUNS = 500;
  static final String[] WORDS = ("street lighting pothole gritting bins recycling school transport planning"
      + " extension care home library parking permit bus stop flooding drain hedge tree footpath crossing"
      + " speed camera noise licence market park playground graffiti fly tipping council tax housing").split(" ");
  static final EnquiryState[] OPEN = {EnquiryState.RECEIVED, EnquiryState.ACKNOWLEDGED,
      EnquiryState.HOLDING_RESPONSE_SENT, EnquiryState.AWAITING_MEMBER};

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired EnquiryQueries queries;
  @Autowired IdentityService identity;
  @Autowired Departments departments;

  final Random random = new Random(42);
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void tenThousandOpenEnquiries() throws Exception {
    TestUsers.seed(identity, departments);
    fill();
    Caller member = new Caller("cllr.lovelace", Set.of(Groups.MEMBERS));
    Caller officer = new Caller("officer.highways", Set.of("highways-officers"));
    System.out.printf("%nRead model benchmark: %d open enquiries on PostgreSQL (%s), %d runs each, milliseconds"
        + " (cpu: this JVM's CPU time per run, the server's and the client's)%n",
        count(), jdbc.queryForObject("select version()", String.class).split(",")[0], RUNS);
    report("service: a Member's list (page 1, 20 lines)", () -> queries.own(member, null, 0, 20).items().size());
    report("service: a Member's list, one state, page 2", () -> queries.own(member, EnquiryState.ACKNOWLEDGED, 1, 20).items().size());
    report("service: an officer's search (department, newest first)",
        () -> queries.search(officer, new EnquirySearch(null, null, null, null, null, null), 0, 20).items().size());
    report("service: an officer's search by ward and state",
        () -> queries.search(officer, new EnquirySearch(null, null, "ward 7", null, EnquiryState.RECEIVED, null), 0, 20).items().size());
    report("service: an officer's free-text search (subject and text)",
        () -> queries.search(officer, new EnquirySearch(null, null, null, null, null, word()), 0, 20).items().size());
    report("service: Member Support's search of every department by Member",
        () -> queries.search(new Caller("support", Set.of(Groups.MEMBER_SUPPORT)),
            new EnquirySearch(null, "bench.member." + random.nextInt(200), null, null, null, null), 0, 20).items().size());
    // Over HTTP as people use it: the pages, in a signed-in session.
    HttpSession lovelace = new HttpSession(port);
    lovelace.login("cllr.lovelace", TestUsers.PASSWORD);
    HttpSession highways = new HttpSession(port);
    highways.login("officer.highways", TestUsers.PASSWORD);
    report("HTTP: the Member's page /enquiries", () -> page(lovelace, "/enquiries"));
    report("HTTP: one of the Member's enquiries /enquiries/{reference}",
        () -> page(lovelace, "/enquiries/" + String.format("ME-B%05d", 100 * (1 + random.nextInt(ENQUIRIES / 100)))));
    report("HTTP: the officer's page /staff/enquiries", () -> page(highways, "/staff/enquiries"));
    report("HTTP: the officer's page /staff/enquiries?text=", () -> page(highways, "/staff/enquiries?text=" + word()));
    // The API authenticates every request with HTTP Basic, so each call also hashes the password
    // (Argon2id at production cost) unless it was accepted a moment ago (security.VerifiedCredentials;
    // -Denquiries.passwords.remember-verified=PT0S measures every request hashed).
    report("HTTP: GET /api/enquiries as the Member (Basic)", () -> get("cllr.lovelace", "/api/enquiries"));
    report("HTTP: GET /api/enquiries/search as an officer (Basic)", () -> get("officer.highways", "/api/enquiries/search"));
  }

  void fill() {
    List<String> ids = departments.all().stream().map(d -> d.id()).toList();
    Instant start = Instant.parse("2026-06-01T09:00:00Z");
    List<Object[]> batch = new ArrayList<>();
    for (int i = 1; i <= ENQUIRIES; i++) {
      String member = i % 100 == 0 ? "cllr.lovelace" : "bench.member." + random.nextInt(200);
      Instant received = start.plus(Duration.ofMinutes(25L * i));
      EnquiryState state = OPEN[random.nextInt(OPEN.length)];
      String reference = String.format("ME-B%05d", i);
      String subject = sentence(4);
      String text = sentence(80);
      batch.add(new Object[] {reference, "bench-" + i, member, member, ids.get(i % ids.size()), Timestamp.from(received),
          state.name(), subject, text, (subject + "\n" + text).toLowerCase(), "Cllr " + member, "COUNTY_COUNCILLOR", "Ward " + random.nextInt(50),
          "Ward surgery.", Timestamp.from(received), Timestamp.from(received.plus(Duration.ofDays(1))),
          Timestamp.from(received.plus(Duration.ofDays(14))), Timestamp.from(received.plus(Duration.ofDays(28))),
          state == EnquiryState.AWAITING_MEMBER ? Timestamp.from(received.plus(Duration.ofDays(16))) : null});
    }
    jdbc.batchUpdate("insert into enquiry (reference, process_instance_id, member_id, submitted_by, department,"
        + " submitted_at, state, subject, enquiry_text, search_text, member_name, capacity, ward, purpose, received_at, acknowledge_by,"
        + " respond_by, full_response_by, reply_due_by, clock_stopped_working_days, timescales_apply)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, true)", batch);
    jdbc.execute("analyze enquiry");
  }

  long count() {
    return jdbc.queryForObject("select count(*) from enquiry where state in ('RECEIVED', 'ACKNOWLEDGED',"
        + " 'HOLDING_RESPONSE_SENT', 'AWAITING_MEMBER')", Long.class);
  }

  String word() {
    return WORDS[random.nextInt(WORDS.length)];
  }

  String sentence(int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append(i == 0 ? "" : " ").append(word());
    }
    return text.toString();
  }

  static int page(HttpSession session, String path) {
    HttpResponse<String> response = session.get(path);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + ": " + response.statusCode());
    }
    return response.body().length();
  }

  int get(String user, String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + " as " + user + ": " + response.statusCode() + " " + response.body());
      }
      return response.body().length();
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The JVM's CPU time (client and server alike, PostgreSQL's own not included): per run, a figure that a
   * busy machine changes much less than the wall-clock percentiles.
   */
  static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
  }

  /** The machine's 1-minute load average: the figures mean little on a machine busy with other work. */
  static String load() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  void report(String what, IntSupplier call) {
    for (int i = 0; i < 50; i++) {
      call.getAsInt(); // warm-up
    }
    double[] millis = new double[RUNS];
    long cpuBefore = processCpuNanos();
    for (int i = 0; i < RUNS; i++) {
      long started = System.nanoTime();
      call.getAsInt();
      millis[i] = (System.nanoTime() - started) / 1e6;
    }
    double cpuPerRun = (processCpuNanos() - cpuBefore) / 1e6 / RUNS;
    Arrays.sort(millis);
    System.out.printf("  %-62s p50 %6.1f  p95 %6.1f  p99 %6.1f  max %6.1f  cpu %5.1f  (load %s)%n", what,
        millis[RUNS / 2], millis[(int) (RUNS * 0.95)], millis[(int) (RUNS * 0.99)], millis[RUNS - 1], cpuPerRun, load());
  }
}
