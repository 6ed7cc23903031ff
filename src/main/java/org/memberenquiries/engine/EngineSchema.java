package org.memberenquiries.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Migration 5: the engine's tables, from the create scripts Camunda ships in the engine jar (the same
 * scripts its own {@code schema-update} runs), so that Flyway, not the engine, creates them. Flyway
 * migrates under a database lock, so nodes starting together on an empty database create the schema
 * once; the engine then only checks it ({@code camunda.bpm.database.schema-update: false}).
 *
 * <p>A database made before this migration existed already has the engine's tables (the engine
 * created them itself): they are kept as they are, and the migration is recorded as applied.
 */
@Component
public class EngineSchema implements JavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(EngineSchema.class);

  /** In the order the engine creates them (DbSqlSession#dbSchemaCreate). */
  static final List<String> COMPONENTS = List.of(
      "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("5");
  }

  @Override
  public String getDescription() {
    return "camunda engine schema";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    if (engineTablesExist(connection)) {
      LOG.info("The engine's tables exist already (created by the engine itself): kept as they are");
      return;
    }
    String database = camundaName(connection.getMetaData().getDatabaseProductName());
    for (String component : COMPONENTS) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource(
          "org/camunda/bpm/engine/db/create/activiti." + database + ".create." + component + ".sql"));
    }
    LOG.info("The engine's tables created from Camunda's {} scripts", database);
  }

  static boolean engineTablesExist(Connection connection) throws SQLException {
    try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), null, new String[] {"TABLE"})) {
      while (tables.next()) {
        if ("act_ge_property".equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String camundaName(String product) {
    return switch (product.toLowerCase(Locale.ROOT)) {
      case "h2" -> "h2";
      case "postgresql" -> "postgres";
      default -> throw new IllegalStateException("No engine schema for database " + product
          + "; this application runs on H2 or PostgreSQL");
    };
  }
}
