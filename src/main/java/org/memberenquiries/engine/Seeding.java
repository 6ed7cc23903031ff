package org.memberenquiries.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a node creates at start-up when it is missing (role groups, authorizations, the first
 * administrator, demo users) is created by one node at a time (issue 7 item 12). Each seeding runs in
 * one transaction that first locks the {@code seeding_lock} row (migration V7): a second node starting
 * at the same moment waits, then finds everything in place and adds nothing, instead of failing on a
 * unique constraint. The engine's services join the transaction (Camunda's Spring integration), so
 * what they create is committed together, or not at all.
 */
@Component
public class Seeding {

  private static final Logger LOG = LoggerFactory.getLogger(Seeding.class);
  /** H2 gives up waiting for a row lock after its lock timeout; try again rather than fail the start. */
  private static final int ATTEMPTS = 30;

  private final TransactionTemplate transaction;
  private final JdbcClient jdbc;

  public Seeding(PlatformTransactionManager transactions, JdbcClient jdbc) {
    this.transaction = new TransactionTemplate(transactions);
    this.jdbc = jdbc;
  }

  /** Runs an idempotent seeding (it adds only what is missing) while holding the seeding lock. */
  public void exclusively(String what, Runnable seeding) {
    for (int attempt = 1; ; attempt++) {
      try {
        transaction.executeWithoutResult(status -> {
          jdbc.sql("select name from seeding_lock where name = 'seeding' for update").query(String.class).single();
          seeding.run();
        });
        return;
      } catch (PessimisticLockingFailureException waitedTooLong) {
        if (attempt == ATTEMPTS) {
          throw waitedTooLong;
        }
        LOG.info("Another node is seeding; waiting to seed {} (attempt {})", what, attempt);
      }
    }
  }
}
