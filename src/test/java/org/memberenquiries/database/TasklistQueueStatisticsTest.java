package org.memberenquiries.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.testing.ProcessEngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Runs in the engine suite's PostgreSQL run (on H2 the migration does nothing, and so does this). */
@ProcessEngineTest
class TasklistQueueStatisticsTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName("Issue 11: on PostgreSQL the planner has statistics for Camunda's READ check on authorizations,"
      + " so the Tasklist queue query probes the grants per task instead of comparing every task with every grant")
  void statisticsOnTheReadCheck() {
    assumeTrue(jdbc.queryForObject("select lower(?)", String.class, "x") != null
        && "PostgreSQL".equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())));
    assertThat(jdbc.queryForObject("select count(*) from pg_statistic_ext where stxname = ?"
        + " and stxnamespace = current_schema()::regnamespace", Long.class, TasklistQueueStatistics.NAME)).isEqualTo(1);
  }
}
