package org.memberenquiries.nodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One application node for the many-nodes tests: the product started in a child JVM of its own
 * ({@link NodeMain}, the test classpath) on a free port, on the PostgreSQL schema it is given, with the
 * job executor on (as in production) and its own engine host name, so the job log says which node ran
 * a timer. {@link #kill()} is a SIGKILL (no shutdown hooks, nothing flushed); {@link #start()} again is
 * the node coming back on the same port. Output goes to {@code target/nodes/<name>-<start>.log}.
 */
final class AppNode implements AutoCloseable {

  /** How long a killed node's jobs stay locked before another node takes them (Camunda's default: 5 minutes). */
  static final Duration JOB_LOCK_TIME = Duration.ofSeconds(15);

  // A node took 110 to 440 s to start on two cores while other builds ran and clients loaded the other nodes.
  private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

  final String name;
  final int port;
  private final String schema;
  private Process process;
  private Path log;
  private int starts;

  AppNode(String name, String schema) {
    this.name = name;
    this.schema = schema;
    this.port = freePort();
    Runtime.getRuntime().addShutdownHook(new Thread(this::kill));
  }

  String url() {
    return "http://localhost:" + port;
  }

  /** Starts the node's JVM; {@link #awaitUp()} waits until it serves. */
  synchronized AppNode start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is running");
    }
    starts++;
    try {
      Path dir = Path.of("target", "nodes").toAbsolutePath();
      Files.createDirectories(dir);
      log = dir.resolve(name + "-" + starts + ".log");
      List<String> command = new ArrayList<>(List.of(
          ProcessHandle.current().info().command().orElse("java"),
          "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
          "-cp", System.getProperty("java.class.path"),
          NodeMain.class.getName(),
          "--server.port=" + port,
          // the test profile's users' password cost and settings, on PostgreSQL (ENQUIRIES_TEST_PG_SCHEMA below)
          "--spring.profiles.active=test,postgresql-test",
          // production's job executor, which the test profile turns off: every node acquires and runs due jobs
          "--camunda.bpm.job-execution.enabled=true",
          "--camunda.bpm.generic-properties.properties.jobExecutorActivate=true",
          "--camunda.bpm.job-execution.lock-time-in-millis=" + JOB_LOCK_TIME.toMillis(),
          "--camunda.bpm.generic-properties.properties.hostname=" + name,
          // the first administrator, who creates the tests' users (NodeClient's password)
          "--enquiries.first-admin.user=admin",
          "--enquiries.first-admin.password=" + NodeClient.PASSWORD,
          "--spring.main.banner-mode=off"));
      ProcessBuilder builder = new ProcessBuilder(command)
          // not the project's folder: the classpath may hold its working directory, where processes/ lies
          .directory(dir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().put("ENQUIRIES_TEST_PG_SCHEMA", schema);
      process = builder.start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the node answers HTTP (it may take minutes on a busy machine). */
  AppNode awaitUp() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Process running = process;
      if (running == null || !running.isAlive()) {
        throw new IllegalStateException(name + " stopped while starting:\n" + tail());
      }
      try {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        // Any answer will do: the web server opens only once the application has started (under load the
        // health check may answer something other than UP while the node already serves).
        if (health.statusCode() > 0) {
          return this;
        }
      } catch (IOException e) {
        // not listening yet, or too busy to answer (its pool serving the clients' load)
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      pause(Duration.ofMillis(500));
    }
    throw new IllegalStateException(name + " did not come up in " + START_TIMEOUT + ":\n" + tail());
  }

  /** SIGKILL: the JVM ends at once, mid-request and mid-transaction. */
  synchronized void kill() {
    Process running = process;
    if (running != null && running.isAlive()) {
      running.destroyForcibly();
      try {
        running.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  boolean alive() {
    Process running = process;
    return running != null && running.isAlive();
  }

  /** The end of the current log, for a failure message. */
  String tail() {
    try {
      List<String> lines = log == null ? List.of() : Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    kill();
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
