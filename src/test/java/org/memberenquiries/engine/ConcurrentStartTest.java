package org.memberenquiries.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.MemberEnquiriesApplication;
import org.memberenquiries.department.Departments;
import org.memberenquiries.security.Groups;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 7 item 12: two nodes start at the same moment on one empty database. Both come up; the
 * schema is created once (Flyway's lock, engine.EngineSchema) and every group, authorization and
 * user exists exactly once (engine.Seeding). On PostgreSQL, the production database (skipped only when it
 * is unreachable outside CI). Not on H2: an H2 file database belongs to one process, so two nodes never
 * share one (the same two nodes on one in-memory H2 database passed too, at the cost of another start).
 */
class ConcurrentStartTest {

  static final int NODES = 2;
  static final int DEPARTMENTS = 5;
  /** The demo profile's users: two Members, six single-role users, an officer and a manager per department, admin. */
  static final int DEMO_USERS = 2 + 6 + 2 * DEPARTMENTS + 1;

  @Test
  @DisplayName("Item 12: two nodes on an empty PostgreSQL schema both start; groups, authorizations and users exist once")
  void twoNodesOnPostgresql() throws Exception {
    String schema = env("SCHEMA", "member_enquiries_test") + "_nodes";
    String server = "jdbc:postgresql://" + env("HOST", "127.0.0.1") + ":" + env("PORT", "5432") + "/" + env("DATABASE", "test");
    try (Connection connection = DriverManager.getConnection(server, env("USER", "postgres"), env("PASSWORD", ""));
        Statement statement = connection.createStatement()) {
      statement.execute("drop schema if exists " + schema + " cascade");
      statement.execute("create schema " + schema);
    } catch (SQLException unreachable) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw unreachable;
      }
      Assumptions.abort("PostgreSQL at " + server + " is not reachable: " + unreachable.getMessage());
    }
    String url = server + "?currentSchema=" + schema;
    startTogether(Map.of(
        "spring.datasource.url", url,
        "spring.datasource.username", env("USER", "postgres"),
        "spring.datasource.password", env("PASSWORD", ""),
        "camunda.bpm.database.schema-name", schema,
        "camunda.bpm.database.table-prefix", schema + "."));
    assertSeededOnce(new JdbcTemplate(new DriverManagerDataSource(url, env("USER", "postgres"), env("PASSWORD", ""))));
  }

  /** Starts the nodes at the same instant, waits for all, and closes them again. */
  void startTogether(Map<String, Object> database) throws Exception {
    Map<String, ProcessEngine> engines = new HashMap<>(ProcessEngines.getProcessEngines());
    CyclicBarrier together = new CyclicBarrier(NODES);
    List<CompletableFuture<ConfigurableApplicationContext>> nodes = new ArrayList<>();
    for (int node = 0; node < NODES; node++) {
      String name = "node-" + System.nanoTime() + "-" + node;
      nodes.add(CompletableFuture.supplyAsync(() -> {
        try {
          together.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        Map<String, Object> properties = new LinkedHashMap<>(database);
        properties.putAll(Map.of(
            "server.port", "0",
            "camunda.bpm.process-engine-name", name,
            "camunda.bpm.job-execution.enabled", "false",
            "camunda.bpm.generic-properties.properties.jobExecutorActivate", "false",
            "spring.jmx.enabled", "false",
            // Without the webapps: they keep static state (Cockpit's runtime delegate) that a node's
            // shutdown would clear under the other test contexts in this JVM. They do not seed anything.
            "spring.autoconfigure.exclude", "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
            "spring.main.banner-mode", "off"));
        // As command-line arguments: they come before application.yml (default properties would not).
        return new SpringApplicationBuilder(MemberEnquiriesApplication.class)
            .profiles("demo")
            .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
      }));
    }
    List<ConfigurableApplicationContext> started = new ArrayList<>();
    List<Throwable> failed = new ArrayList<>();
    for (CompletableFuture<ConfigurableApplicationContext> node : nodes) {
      try {
        started.add(node.get(5, TimeUnit.MINUTES));
      } catch (Exception e) {
        failed.add(e.getCause() != null ? e.getCause() : e);
      }
    }
    started.forEach(ConfigurableApplicationContext::close);
    // Closing the nodes empties Camunda's static engine registry, which the engine REST API and the
    // webapps of the other test contexts in this JVM look their engine up in: put theirs back.
    engines.values().forEach(ProcessEngines::registerProcessEngine);
    assertThat(failed).as("nodes that failed to start").isEmpty();
    assertThat(started).hasSize(NODES);
  }

  static void assertSeededOnce(JdbcTemplate db) {
    assertThat(db.queryForObject("select count(*) from ACT_ID_GROUP", Integer.class))
        .isEqualTo(Groups.FIXED.size() + 2 * DEPARTMENTS);
    assertThat(db.queryForObject("select count(*) from ACT_ID_USER", Integer.class)).isEqualTo(DEMO_USERS);
    assertThat(db.queryForObject("select count(*) from ACT_ID_MEMBERSHIP", Integer.class)).isEqualTo(DEMO_USERS);
    assertThat(db.queryForList("select GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_ from ACT_RU_AUTHORIZATION"
        + " group by TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_ having count(*) > 1")).isEmpty();
    // Every officers' group got its grants once, whichever node made them.
    assertThat(db.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where GROUP_ID_ = ?", Integer.class,
        Departments.officerGroup("highways"))).isEqualTo(
        db.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where GROUP_ID_ = ?", Integer.class,
            Departments.officerGroup("finance")));
    // Each Tasklist queue once (tasklist.TaskQueues): one per department's officers and managers, and five more.
    assertThat(db.queryForObject("select count(*) from ACT_RU_FILTER", Integer.class)).isEqualTo(2 * DEPARTMENTS + 5);
    assertThat(db.queryForObject("select count(*) from ACT_GE_PROPERTY where NAME_ = 'schema.version'", Integer.class)).isOne();
    assertThat(db.queryForObject("select count(*) from \"flyway_schema_history\" where \"success\"", Integer.class))
        .isEqualTo(db.queryForObject("select count(distinct \"version\") from \"flyway_schema_history\"", Integer.class));
  }

  static String env(String name, String fallback) {
    String value = System.getenv("ENQUIRIES_TEST_PG_" + name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
