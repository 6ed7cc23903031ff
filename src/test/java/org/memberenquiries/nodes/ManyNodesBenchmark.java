package org.memberenquiries.nodes;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 11 item 4, the long crash test (the benchmark profile; skipped unless asked for): N nodes
 * (default 3) on one PostgreSQL schema, C clients (default 4) submitting without pause, R rounds
 * (default 6) each SIGKILLing the next node at a random moment and starting it again. It prints what the
 * rounds did and checks, as the short run in {@link ManyNodesTest} does, that nothing a client was
 * answered 201 for is lost or doubled and that every acknowledgement timer is still due or fired once:
 *
 * <pre>
 * ENQUIRIES_TEST_PG_SCHEMA=enquiries_benchmark mvn -B -o test -Dtest=ManyNodesBenchmark \
 *   -Denquiries.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false -DskipLint=true \
 *   [-Denquiries.nodes.count=3 -Denquiries.nodes.clients=4 -Denquiries.nodes.rounds=6 -Denquiries.nodes.seed=1]
 * </pre>
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "enquiries.benchmark", matches = "true")
class ManyNodesBenchmark {

  @Test
  void crashRounds() throws InterruptedException {
    int count = Integer.getInteger("enquiries.nodes.count", 3);
    int clients = Integer.getInteger("enquiries.nodes.clients", 4);
    int rounds = Integer.getInteger("enquiries.nodes.rounds", 6);
    long seed = Long.getLong("enquiries.nodes.seed", System.nanoTime());
    long started = System.nanoTime();
    try (ManyNodes many = ManyNodes.start(count, "_nodes_bench")) {
      assumeTrue(many != null, "PostgreSQL not reachable");
      System.out.printf("Many nodes, long crash test: %d nodes started together in %d s (seed %d)%n",
          count, Duration.ofNanos(System.nanoTime() - started).toSeconds(), seed);
      CrashRounds.Outcome outcome = new CrashRounds(many.nodes, seed, "crash-")
          .run(rounds, clients, Duration.ofSeconds(15), true);
      System.out.println("Many nodes, long crash test: " + ManyNodes.figures(outcome, clients));
      many.assertNothingLostOrDoubled(outcome, "crash-");
      System.out.println("Many nodes, long crash test: nothing lost or doubled");
    }
  }
}
