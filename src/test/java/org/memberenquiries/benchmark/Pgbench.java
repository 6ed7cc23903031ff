package org.memberenquiries.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 11: the database's own commit rate on this machine, as a yardstick for the application's: PostgreSQL's
 * {@code pgbench} simple-update script ({@code -N}: one small transaction of three writes and a read) with as
 * many clients as the benchmark's, in a scratch schema of its own on the same server. Empty when pgbench is
 * not installed (the benchmark says so and goes on).
 */
final class Pgbench {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  private Pgbench() {}

  /** Transactions per second, or a reason there is no figure. */
  record Result(double tps, String note) {}

  static Result simpleUpdate(String schema, int clients, int seconds) {
    List<String> connection = List.of("-h", env("HOST", "127.0.0.1"), "-p", env("PORT", "5432"), "-U", env("USER", "postgres"));
    String database = env("DATABASE", "test");
    Map<String, String> environment = Map.of("PGOPTIONS", "-c search_path=" + schema, "PGPASSWORD", env("PASSWORD", ""));
    try {
      String created = run(List.of("psql", "-q", "-v", "ON_ERROR_STOP=1", "-c", "create schema if not exists " + schema),
          connection, database, environment);
      if (created == null) {
        return new Result(0, "psql could not create schema " + schema);
      }
      if (run(List.of("pgbench", "-i", "-q", "-s", "1"), connection, database, environment) == null) {
        return new Result(0, "pgbench -i failed");
      }
      List<String> bench = new ArrayList<>(List.of("pgbench", "-N", "-n", "-c", String.valueOf(clients),
          "-j", String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())), "-T", String.valueOf(seconds)));
      String out = run(bench, connection, database, environment);
      Matcher tps = out == null ? null : TPS.matcher(out);
      return tps != null && tps.find() ? new Result(Double.parseDouble(tps.group(1)), "")
          : new Result(0, "pgbench printed no tps: " + out);
    } catch (IOException e) {
      return new Result(0, "pgbench not run (" + e.getMessage() + ")");
    }
  }

  private static String run(List<String> command, List<String> connection, String database, Map<String, String> environment)
      throws IOException {
    List<String> full = new ArrayList<>(command.subList(0, 1));
    full.addAll(connection);
    full.addAll(command.subList(1, command.size()));
    full.add(database);
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    try {
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0 ? out : null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
      return null;
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv("ENQUIRIES_TEST_PG_" + name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
