package org.memberenquiries.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 item 12: migration 5 creates the engine's tables on an empty database, and leaves a database
 * whose engine created its own tables (schema-update: true, before migration 5 existed) as it is.
 */
class EngineSchemaTest {

  @Test
  @DisplayName("Item 12: on an empty database, migration 5 creates every engine table from Camunda's scripts")
  void createsTheEngineTables() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:engine-schema-" + System.nanoTime(), "sa", "")) {
      new EngineSchema().migrate(context(connection));

      assertThat(count(connection, "select count(*) from information_schema.tables where table_name like 'ACT_%'"))
          .isEqualTo(49);
      assertThat(count(connection, "select count(*) from ACT_GE_SCHEMA_LOG where VERSION_ = '7.24.0'")).isOne();
    }
  }

  @Test
  @DisplayName("Item 12: a database made before migration 5 (the engine created its tables) is kept as it is")
  void keepsAnExistingEngineSchema() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:engine-schema-" + System.nanoTime(), "sa", "");
        Statement statement = connection.createStatement()) {
      statement.execute("create table ACT_GE_PROPERTY (NAME_ varchar(64) primary key, VALUE_ varchar(300), REV_ integer)");
      statement.execute("insert into ACT_GE_PROPERTY values ('schema.version', 'fox', 1)");

      new EngineSchema().migrate(context(connection));

      assertThat(count(connection, "select count(*) from information_schema.tables where table_name like 'ACT_%'")).isOne();
      assertThat(count(connection, "select count(*) from ACT_GE_PROPERTY")).isOne();
    }
  }

  static int count(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getInt(1);
    }
  }

  static Context context(Connection connection) {
    return new Context() {
      @Override
      public Configuration getConfiguration() {
        return null;
      }

      @Override
      public Connection getConnection() {
        return connection;
      }
    };
  }
}
