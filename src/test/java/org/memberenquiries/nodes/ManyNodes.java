package org.memberenquiries.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.memberenquiries.testing.PostgresqlTestDatabase;

/**
 * Two (or more) nodes of the product on one PostgreSQL schema of their own, started together, with the
 * users the many-nodes tests sign in as; and the check every crash run ends with.
 */
final class ManyNodes implements AutoCloseable {

  final String schema;
  final List<AppNode> nodes;
  final SharedDatabase database;

  private ManyNodes(String schema, List<AppNode> nodes) {
    this.schema = schema;
    this.nodes = nodes;
    this.database = new SharedDatabase(schema);
  }

  /**
   * Empties the schema (the test run's schema plus {@code suffix}) and starts {@code count} nodes at
   * once on it, so they create it together (Flyway's lock, the seeding lock, the engine's deployment
   * lock). Null when PostgreSQL is not reachable on a developer's machine.
   */
  static ManyNodes start(int count, String suffix) {
    String schema = PostgresqlTestDatabase.schema() + suffix;
    if (!PostgresqlTestDatabase.emptySchema(schema)) {
      return null;
    }
    List<AppNode> nodes = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      nodes.add(new AppNode("node-" + (char) ('A' + i), schema));
    }
    ManyNodes many = new ManyNodes(schema, nodes);
    try {
      nodes.forEach(AppNode::start);
      nodes.forEach(AppNode::awaitUp);
      many.createUsers();
    } catch (RuntimeException e) {
      many.close();
      throw e;
    }
    return many;
  }

  AppNode node(int i) {
    return nodes.get(i);
  }

  /** A Member, Member Support and a highways officer, made through the engine REST API as the first administrator. */
  private void createUsers() {
    AppNode first = nodes.get(0);
    user(first, CrashRounds.MEMBER, "Ada", "Lovelace", "members");
    user(first, CrashRounds.SUPPORT, "Sam", "Support", "member-support");
    user(first, "officer.highways", "Olu", "Officer", "highways-officers");
  }

  private static void user(AppNode node, String id, String first, String last, String group) {
    try {
      NodeClient.Answer created = NodeClient.post(node, "admin", "/engine-rest/user/create", Map.of(
          "profile", Map.of("id", id, "firstName", first, "lastName", last, "email", id + "@council.example"),
          "credentials", Map.of("password", NodeClient.PASSWORD)));
      assertThat(created.status()).as("create user %s", id).isEqualTo(204);
      NodeClient.Answer joined = NodeClient.put(node, "admin", "/engine-rest/group/" + group + "/members/" + id);
      assertThat(joined.status()).as("%s joins %s", id, group).isEqualTo(204);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Nothing lost or doubled: every submission a client got a 201 for is registered exactly once under
   * its key, as the reference the client was given, with exactly one case; nothing else is registered
   * under the run's keys; no client got any other answer (a 5xx above all) or no answer at all. Every
   * acknowledgement timer is still due (the Member's own, due tomorrow or later, at its deadline) or
   * fired exactly once: one completed timer job, one breach, one escalation (those logged as received
   * two weeks ago, once the nodes' job executors have caught up).
   */
  void assertNothingLostOrDoubled(CrashRounds.Outcome outcome, String keyPrefix) {
    assertThat(outcome.errors()).as("submissions no node answered").isEmpty();
    assertThat(outcome.refused()).as("submissions answered other than 201 (a 5xx above all)").isEmpty();
    Map<String, SharedDatabase.Registered> registered = database.registered(keyPrefix);
    Map<String, NodeClient.Accepted> accepted = outcome.accepted().stream()
        .collect(Collectors.toMap(NodeClient.Accepted::key, Function.identity()));
    assertThat(registered.keySet()).as("registered keys are the accepted ones").isEqualTo(accepted.keySet());
    for (NodeClient.Accepted answer : outcome.accepted()) {
      SharedDatabase.Registered row = registered.get(answer.key());
      assertThat(row.rows()).as("rows for key %s", answer.key()).isEqualTo(1);
      assertThat(row.reference()).as("reference for key %s", answer.key()).isEqualTo(answer.reference());
      assertThat(row.cases()).as("cases of %s", answer.reference()).isEqualTo(1);
    }
    int stillDue = database.awaitTimersFired(AppNode.JOB_LOCK_TIME.plus(Duration.ofMinutes(2)));
    assertThat(stillDue).as("acknowledgement timers past due after the nodes caught up").isZero();
    Map<String, SharedDatabase.Timer> timers = database.acknowledgementTimers(keyPrefix);
    for (NodeClient.Accepted answer : outcome.accepted()) {
      SharedDatabase.Timer timer = timers.get(answer.reference());
      if (CrashRounds.receivedTwoWeeksAgo(Integer.parseInt(answer.key().substring(keyPrefix.length())))) {
        assertThat(timer.firedOnce()).as("fired once: %s", timer).isTrue();
      } else {
        assertThat(timer.stillDue()).as("still due: %s", timer).isTrue();
        assertThat(timer.jobDue()).as("due at the acknowledgement deadline: %s", timer)
            .isEqualTo(java.time.OffsetDateTime.parse(answer.view().path("deadlines").path("acknowledgeBy").asText())
                .toInstant());
      }
    }
  }

  /** A line for the README: what the rounds did and what the clients saw. */
  static String figures(CrashRounds.Outcome outcome, int clients) {
    double seconds = outcome.loadTime().toMillis() / 1000.0;
    return String.format("%d rounds, %d clients, %.0f s under load: %d submissions accepted (%.1f/s), %d answered"
            + " otherwise, %d unanswered; %d requests found their node dead and went to the next, %d answered as"
            + " replays (the dead node had registered them); restarts took %s s; kills: %s",
        outcome.kills().size(), clients, seconds, outcome.accepted().size(), outcome.accepted().size() / seconds,
        outcome.refused().size(), outcome.errors().size(), outcome.failovers(), outcome.replays(),
        outcome.restarts().stream().map(d -> String.valueOf(d.toSeconds())).collect(Collectors.joining(", ")),
        outcome.kills());
  }

  @Override
  public void close() {
    nodes.forEach(AppNode::kill);
  }
}
