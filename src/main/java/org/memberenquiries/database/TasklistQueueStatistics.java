package org.memberenquiries.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 30 (issue 11: the officer's Tasklist queue). Camunda grants each candidate group one
 * authorization row per open task and checks a task query by joining them, {@code (PERMS_ & 2) = 2} for
 * READ. PostgreSQL has no statistics for that expression and guessed 3 matching rows where a queue of 1,000
 * open tasks has 1,000, so it compared every task with every grant (a nested loop, 1,000 x 1,050 rows,
 * 300 ms, growing with the square of the queue). With statistics on the expression it probes the grants'
 * index per task instead (29 ms, measured on the benchmark's schema: README "Scale (issue 11)"). Expression
 * statistics need PostgreSQL 14 or later; on H2, or an older server, this does nothing.
 */
@Component
public class TasklistQueueStatistics implements JavaMigration {

  static final String NAME = "act_auth_read_permission";

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("30");
  }

  @Override
  public String getDescription() {
    return "statistics on authorization read permission on postgresql";
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
    if (!"postgresql".equals(connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT))
        || connection.getMetaData().getDatabaseMajorVersion() < 14) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("create statistics if not exists " + NAME
          + " on ((perms_ & 2)), resource_type_ from act_ru_authorization");
      statement.execute("analyze act_ru_authorization");
    }
  }
}
