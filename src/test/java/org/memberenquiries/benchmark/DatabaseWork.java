package org.memberenquiries.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Issue 11: what the application asks of the database, counted at the JDBC driver (datasource-proxy around
 * the application's one pool, which the engine, Flyway and the product share): SQL statements executed (a
 * batch counts each of its entries), transactions committed (a {@code commit()}, or a statement run in
 * auto-commit, as PostgreSQL's {@code xact_commit} counts them) and rows written (the update counts of
 * INSERT, UPDATE and DELETE). Only this application's work: the shared server's {@code pg_stat_database}
 * counts every other client too, and {@code pg_stat_statements} needs a server restart to load. Each
 * statement's text is counted too, so the benchmark can print where a case's statements go.
 */
final class DatabaseWork implements QueryExecutionListener, MethodExecutionListener {

  /** A snapshot of the counters. */
  record Counts(long statements, long commits, long autoCommits, long rowsWritten, Map<String, Long> byStatement) {

    Counts minus(Counts before) {
      Map<String, Long> delta = new LinkedHashMap<>();
      byStatement.forEach((sql, n) -> {
        long d = n - before.byStatement.getOrDefault(sql, 0L);
        if (d > 0) {
          delta.put(sql, d);
        }
      });
      return new Counts(statements - before.statements, commits - before.commits, autoCommits - before.autoCommits,
          rowsWritten - before.rowsWritten, delta);
    }

    /** The most frequent statements first. */
    List<Map.Entry<String, Long>> top(int n) {
      return byStatement.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(n).toList();
    }
  }

  static final DatabaseWork COUNTER = new DatabaseWork();

  private final LongAdder statements = new LongAdder();
  private final LongAdder commits = new LongAdder();
  private final LongAdder autoCommits = new LongAdder();
  private final LongAdder rowsWritten = new LongAdder();
  private final Map<String, LongAdder> byStatement = new ConcurrentHashMap<>();

  private DatabaseWork() {}

  Counts now() {
    Map<String, Long> each = new LinkedHashMap<>();
    byStatement.forEach((sql, n) -> each.put(sql, n.sum()));
    return new Counts(statements.sum(), commits.sum() + autoCommits.sum(), autoCommits.sum(), rowsWritten.sum(), each);
  }

  /** Wraps the application's pool (the bean, before anyone is handed it). */
  static BeanPostProcessor wrapper() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof HikariDataSource pool
            ? ProxyDataSourceBuilder.create(pool).name("counted").listener(COUNTER).methodListener(COUNTER).build()
            : bean;
      }
    };
  }

  @Override
  public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

  @Override
  public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    for (QueryInfo query : queries) {
      int times = Math.max(1, query.getParametersList().size());
      statements.add(times);
      byStatement.computeIfAbsent(normalized(query.getQuery()), sql -> new LongAdder()).add(times);
    }
    rowsWritten.add(updated(execution));
    if (autoCommit(execution.getStatement())) {
      autoCommits.increment();
    }
  }

  @Override
  public void beforeMethod(MethodExecutionContext context) {}

  @Override
  public void afterMethod(MethodExecutionContext context) {
    Method method = context.getMethod();
    if (context.getTarget() instanceof Connection && "commit".equals(method.getName()) && context.getThrown() == null) {
      commits.increment();
    }
  }

  private static long updated(ExecutionInfo execution) {
    Object result = execution.getResult();
    if (result instanceof int[] counts) {
      long rows = 0;
      for (int count : counts) {
        rows += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, count);
      }
      return rows;
    }
    if (result instanceof Number count) {
      return Math.max(0, count.longValue());
    }
    if (result instanceof Boolean hasResultSet && !hasResultSet) { // execute(): an update
      try {
        return Math.max(0, execution.getStatement().getUpdateCount());
      } catch (SQLException e) {
        return 0;
      }
    }
    return 0;
  }

  private static boolean autoCommit(Statement statement) {
    try {
      return statement != null && statement.getConnection().getAutoCommit();
    } catch (SQLException e) {
      return false;
    }
  }

  private static String normalized(String sql) {
    String one = sql.replaceAll("\\s+", " ").trim();
    return one.length() > 110 ? one.substring(0, 110) : one;
  }
}
