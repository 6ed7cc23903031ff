package org.memberenquiries.nodes;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The crash test (issue 11 item 4): clients submit enquiries without pause through every node while,
 * round after round, one node is killed (SIGKILL) at a random moment and started again, the load going
 * on meanwhile. Half the enquiries are a Member's own (received now: the acknowledgement timer is due
 * tomorrow or later), half are logged by Member Support as received two weeks ago (the timer is due at
 * once, so the nodes' job executors fire timers while nodes die). Every submission carries its own
 * Idempotency-Key; a client that gets no answer sends the same request to the next node.
 */
final class CrashRounds {

  static final String MEMBER = "cllr.lovelace";
  static final String SUPPORT = "support";

  /** What the clients saw and what the rounds did. */
  record Outcome(List<NodeClient.Accepted> accepted, List<NodeClient.Accepted> refused, List<String> errors,
      List<String> kills,
      List<Duration> restarts, int failovers, int replays, Duration loadTime) {}

  private final List<AppNode> nodes;
  private final Random random;
  private final String keyPrefix;

  CrashRounds(List<AppNode> nodes, long seed, String keyPrefix) {
    this.nodes = nodes;
    this.random = new Random(seed);
    this.keyPrefix = keyPrefix;
  }

  /**
   * Runs the rounds: in each, after a random stretch of load within {@code beforeKill}, the next node
   * in turn is killed, left dead for a random moment under a second, started again, and the round ends
   * when it serves. Unless {@code restartLast}, the last round's node stays dead (the short run saves a
   * start: the nodes left must finish its work, its locked timers included).
   */
  Outcome run(int rounds, int clients, Duration beforeKill, boolean restartLast) throws InterruptedException {
    Queue<NodeClient.Accepted> accepted = new ConcurrentLinkedQueue<>();
    Queue<NodeClient.Accepted> refused = new ConcurrentLinkedQueue<>();
    Queue<String> errors = new ConcurrentLinkedQueue<>();
    AtomicBoolean loading = new AtomicBoolean(true);
    AtomicInteger sequence = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    long started = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      Thread client = new Thread(() -> {
        while (loading.get()) {
          int n = sequence.getAndIncrement();
          try {
            NodeClient.Accepted answer = NodeClient.submit(nodes, n, receivedTwoWeeksAgo(n) ? SUPPORT : MEMBER,
                enquiry(n), keyPrefix + n, Duration.ofMinutes(5));
            (answer.status() == 201 ? accepted : refused).add(answer);
          } catch (RuntimeException e) {
            errors.add(keyPrefix + n + ": " + e);
          }
        }
      }, "crash-client-" + c);
      client.start();
      threads.add(client);
    }
    List<String> kills = new ArrayList<>();
    List<Duration> restarts = new ArrayList<>();
    try {
      for (int round = 0; round < rounds; round++) {
        AppNode victim = nodes.get(round % nodes.size());
        AppNode.pause(Duration.ofMillis(500 + random.nextLong(beforeKill.toMillis())));
        victim.kill();
        kills.add(victim.name + " after " + accepted.size() + " accepted");
        AppNode.pause(Duration.ofMillis(random.nextInt(1000)));
        if (round == rounds - 1 && !restartLast) {
          break;
        }
        long restart = System.nanoTime();
        victim.start().awaitUp();
        restarts.add(Duration.ofNanos(System.nanoTime() - restart));
      }
    } finally {
      loading.set(false);
      for (Thread thread : threads) {
        thread.join(Duration.ofMinutes(6).toMillis());
      }
    }
    int failovers = accepted.stream().mapToInt(NodeClient.Accepted::failovers).sum();
    int replays = (int) accepted.stream().filter(NodeClient.Accepted::replayed).count();
    return new Outcome(List.copyOf(accepted), List.copyOf(refused), List.copyOf(errors), kills, restarts, failovers, replays,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /** Odd n: logged by Member Support as received two weeks ago, so its acknowledgement timer is due at once. */
  static boolean receivedTwoWeeksAgo(int n) {
    return n % 2 == 1;
  }

  /** Enquiry n: a Member's own (even n), or logged by Member Support as received two weeks ago (odd n). */
  static Map<String, Object> enquiry(int n) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of(
        "subject", "Crash test enquiry " + n,
        "text", "Submitted while nodes were being killed.",
        "capacity", "COUNTY_COUNCILLOR",
        "ward", "Mill Ward",
        "department", "highways",
        "purpose", "To prove nothing is lost or doubled."));
    if (receivedTwoWeeksAgo(n)) {
      body.put("memberId", MEMBER);
      body.put("receivedAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(14).toString());
    }
    return body;
  }
}
