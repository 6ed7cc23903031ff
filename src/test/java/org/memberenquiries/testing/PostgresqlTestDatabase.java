package org.memberenquiries.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes the PostgreSQL run of the engine suite honest: the schema starts empty; an unreachable server
 * skips the run on a developer's machine, but fails it under CI (CI=true), where it must not skip.
 */
public class PostgresqlTestDatabase implements ExecutionCondition {

  static final String SCHEMA = env("SCHEMA", "member_enquiries_test");
  private static volatile Boolean prepared;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (!TestDatabaseProfiles.onPostgresql()) {
      return ConditionEvaluationResult.enabled("engine suite on H2");
    }
    synchronized (PostgresqlTestDatabase.class) {
      if (prepared == null) {
        prepared = emptySchema();
      }
    }
    return prepared
        ? ConditionEvaluationResult.enabled("engine suite on PostgreSQL at " + url())
        : ConditionEvaluationResult.disabled(
            "PostgreSQL at " + url() + " is not reachable: engine suite on PostgreSQL skipped");
  }

  private static boolean emptySchema() {
    return emptySchema(SCHEMA);
  }

  /**
   * Empties (drops and creates) a schema of its own for a test outside the engine suite's (the schema
   * given to the suite plus a suffix, e.g. {@code wt_x_nodes}): true when done, false when the server
   * is unreachable on a developer's machine (under CI=true that throws instead).
   */
  public static boolean emptySchema(String schema) {
    DriverManager.setLoginTimeout(5);
    try (Connection connection = connect(null);
        Statement statement = connection.createStatement()) {
      statement.execute("drop schema if exists " + schema + " cascade");
      statement.execute("create schema " + schema);
      return true;
    } catch (SQLException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(
            "CI=true but PostgreSQL at " + url() + " cannot be reached; the engine suite must run on it: "
                + e.getMessage(),
            e);
      }
      System.err.println("PostgreSQL at " + url() + " not reachable (" + e.getMessage() + "); skipping its run");
      return false;
    }
  }

  /** The schema the engine suite runs in; tests with a schema of their own add a suffix to it. */
  public static String schema() {
    return SCHEMA;
  }

  /** A connection to the test server, in the given schema (its current schema), or the default one. */
  public static Connection connect(String schema) throws SQLException {
    String url = schema == null ? url() : url() + "?currentSchema=" + schema;
    return DriverManager.getConnection(url, env("USER", "postgres"), env("PASSWORD", ""));
  }

  private static String url() {
    return "jdbc:postgresql://" + env("HOST", "127.0.0.1") + ":" + env("PORT", "5432") + "/" + env("DATABASE", "test");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv("ENQUIRIES_TEST_PG_" + name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
