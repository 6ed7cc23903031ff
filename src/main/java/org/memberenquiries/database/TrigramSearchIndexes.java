package org.memberenquiries.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Migration 27 (issue 8: the staff search under 100 ms with 10,000 open enquiries): on PostgreSQL,
 * indexes for the parts of the staff search ({@code enquiry.CaseRows#search}) that match anywhere in a
 * text, {@code lower(column) like '%words%'}, which a B-tree cannot serve: trigram (pg_trgm) GIN
 * indexes on the Member's name, the subject and the lower-cased subject and text; a B-tree on the
 * lower-cased Member id and on the reference for its prefix search. Not the ward: a council has a few
 * dozen, every one sharing the trigrams of "ward", so PostgreSQL combined such an index with the
 * department's and took longer than filtering that department's rows. On H2 (the embedded
 * default, small data) it does nothing: H2 has neither trigram nor expression indexes.
 *
 * <p>pg_trgm ships with PostgreSQL and is a trusted extension (PostgreSQL 13 and later): a user who
 * may create objects in the database may install it. It is used wherever it is installed already;
 * otherwise it is installed in {@code public} (outside the application's schema, so dropping that
 * schema never drops it from under another), or failing that in the current schema. Where it cannot
 * be installed at all, the search still works by scanning the table, and a warning says how to add
 * the indexes by hand ({@link #statements}).
 */
@Component
public class TrigramSearchIndexes implements JavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(TrigramSearchIndexes.class);

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("27");
  }

  @Override
  public String getDescription() {
    return "trigram search indexes on postgresql";
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
    if (!"postgresql".equals(connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT))) {
      return;
    }
    Optional<String> schema = trigramSchema(connection);
    if (schema.isEmpty()) {
      LOG.warn("PostgreSQL's pg_trgm extension could not be installed (the database user may not create it):"
          + " the staff search by name and text scans the enquiry table. To index it, install pg_trgm as"
          + " a superuser and run: {}", String.join("; ", statements("public")));
      return;
    }
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements(schema.get())) {
        statement.execute(sql);
      }
    }
    LOG.info("Trigram search indexes created (pg_trgm in schema {})", schema.get());
  }

  /** The indexes, with the operator class named in the schema that holds pg_trgm. */
  static List<String> statements(String trigramSchema) {
    String ops = quote(trigramSchema) + ".gin_trgm_ops";
    return List.of(
        "create index enquiry_member_name_trgm on enquiry using gin (lower(member_name) " + ops + ")",
        "create index enquiry_subject_trgm on enquiry using gin (lower(subject) " + ops + ")",
        "create index enquiry_search_text_trgm on enquiry using gin (search_text " + ops + ")",
        "create index enquiry_member_id_lower on enquiry (lower(member_id))",
        "create index enquiry_reference_upper on enquiry (upper(reference) text_pattern_ops)");
  }

  /** Where pg_trgm is installed, installing it first if it can be; empty if it cannot. */
  private static Optional<String> trigramSchema(Connection connection) throws SQLException {
    Optional<String> installed = installedIn(connection);
    if (installed.isPresent()) {
      return installed;
    }
    for (String schema : new String[] {"public", connection.getSchema()}) {
      if (schema != null && tryInstall(connection, schema)) {
        return installedIn(connection);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> installedIn(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select n.nspname from pg_extension e"
            + " join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'")) {
      return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
    }
  }

  /** A failed statement spoils PostgreSQL's transaction; the savepoint takes the failure back alone. */
  private static boolean tryInstall(Connection connection, String schema) throws SQLException {
    Savepoint savepoint = connection.setSavepoint();
    try (Statement statement = connection.createStatement()) {
      statement.execute("create extension if not exists pg_trgm with schema " + quote(schema));
      connection.releaseSavepoint(savepoint);
      return true;
    } catch (SQLException e) {
      connection.rollback(savepoint);
      LOG.debug("pg_trgm not installed in schema {}: {}", schema, e.getMessage());
      return false;
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
