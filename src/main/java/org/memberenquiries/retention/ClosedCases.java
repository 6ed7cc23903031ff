package org.memberenquiries.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.engine.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The product's own records of a case follow the council's retention policy (issue 11 item 3), as the engine's
 * history does (history cleanup, application.yml): once a case closed longer ago than
 * {@code enquiries.retention.closed-cases}, its rows go, in batches of {@code batch-size} cases, one transaction
 * each, so that no lock is held for long on the tables officers use. What goes, per enquiry closed before the
 * cut-off (when its window for follow-ups closed, issue 10 item 4, or for a case without one the read model's
 * {@code closed_at}) whose process no longer runs: the {@code enquiry} row (read model
 * and register), {@code enquiry_share}, {@code communication} (what was sent to the Member), {@code breach},
 * {@code capacity_record}, {@code letter}, {@code deadline_change}, {@code mail_event} and {@code mail_outbox};
 * per document request (R12) whose process ended before the cut-off, its {@code document_request} row and its
 * mail; per ward event (R14) whose day is before the cut-off, the event, its wards, its notices and their mail.
 * Kept: open cases, the calendar and its changes, the ward register, Members' mail preferences.
 *
 * <p>Cluster safe: each batch holds the {@code retention} row of {@code seeding_lock} (migration 33), so two nodes
 * take turns, and a case is only ever chosen while its rows still exist.
 */
@Component
public class ClosedCases {

  private static final Logger LOG = LoggerFactory.getLogger(ClosedCases.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final RetentionProperties retention;
  private final EngineClock clock;
  private final ZoneId zone;

  public ClosedCases(JdbcClient jdbc, PlatformTransactionManager transactions, RetentionProperties retention,
      EngineClock clock, WorkingCalendar calendar) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.retention = retention;
    this.clock = clock;
    this.zone = calendar.zone();
  }

  /** Removes everything past retention now, batch by batch. */
  public int removeDue() {
    return removeDue(() -> true);
  }

  /** Removes what is past retention, batch by batch, while {@code carryOn} says so (the nightly window). */
  public int removeDue(BooleanSupplier carryOn) {
    int removed = 0;
    int batch;
    do {
      batch = transaction.execute(status -> {
        jdbc.sql("select name from seeding_lock where name = 'retention' for update").query(String.class).single();
        return removeBatch(cutOff());
      });
      removed += batch;
    } while (batch > 0 && carryOn.getAsBoolean());
    if (removed > 0) {
      LOG.info("Removed {} cases, document requests and ward events closed more than {} ago", removed,
          retention.closedCases());
    }
    return removed;
  }

  /** Closed before this are past retention: the same whole days the engine's history is kept for. */
  Instant cutOff() {
    return clock.now().minus(java.time.Duration.ofDays(retention.days()));
  }

  private int removeBatch(Instant cutOff) {
    Timestamp before = Timestamp.from(cutOff);
    int limit = retention.batchSize();
    List<Case> enquiries = jdbc.sql("select reference, process_instance_id from enquiry e"
            + " where coalesce(e.follow_ups_closed_at, e.closed_at) < ?"
            + " and not exists (select 1 from ACT_RU_EXECUTION x where x.PROC_INST_ID_ = e.process_instance_id)"
            + " order by coalesce(e.follow_ups_closed_at, e.closed_at) fetch first " + limit + " rows only")
        .param(before).query(Case.class).list();
    removeCases(enquiries, "enquiry");
    int removed = enquiries.size();
    if (removed < limit) {
      List<Case> requests = jdbc.sql("select reference, process_instance_id from document_request d where d.submitted_at < ?"
              + " and not exists (select 1 from ACT_RU_EXECUTION x where x.PROC_INST_ID_ = d.process_instance_id)"
              + " and not exists (select 1 from ACT_HI_PROCINST h where h.PROC_INST_ID_ = d.process_instance_id"
              + " and (h.END_TIME_ is null or h.END_TIME_ >= ?))"
              + " order by d.submitted_at fetch first " + (limit - removed) + " rows only")
          .params(before, before).query(Case.class).list();
      removeCases(requests, "document_request");
      removed += requests.size();
    }
    if (removed < limit) {
      LocalDate day = cutOff.atZone(zone).toLocalDate();
      List<Long> events = jdbc.sql("select id from ward_event where starts_on < ? order by starts_on fetch first "
          + (limit - removed) + " rows only").param(day).query(Long.class).list();
      for (Long event : events) {
        List<Long> mail = jdbc.sql("select outbox_id from ward_event_notice where event_id = ? and outbox_id is not null")
            .param(event).query(Long.class).list();
        jdbc.sql("delete from ward_event_notice where event_id = ?").param(event).update();
        jdbc.sql("delete from ward_event_ward where event_id = ?").param(event).update();
        jdbc.sql("delete from ward_event where id = ?").param(event).update();
        if (!mail.isEmpty()) {
          jdbc.sql("delete from mail_outbox where id in (:ids)").param("ids", mail).update();
        }
      }
      removed += events.size();
    }
    return removed;
  }

  private void removeCases(List<Case> cases, String register) {
    if (cases.isEmpty()) {
      return;
    }
    List<String> ids = cases.stream().map(Case::processInstanceId).filter(id -> id != null).toList();
    List<String> references = cases.stream().map(Case::reference).filter(reference -> reference != null).toList();
    ids = ids.isEmpty() ? Collections.singletonList("") : ids;
    references = references.isEmpty() ? Collections.singletonList("") : references;
    for (String table : List.of("communication", "breach", "capacity_record", "deadline_change", "mail_event")) {
      jdbc.sql("delete from " + table + " where process_instance_id in (:ids)").param("ids", ids).update();
    }
    jdbc.sql("delete from letter where process_instance_id in (:ids) or reference in (:references)")
        .param("ids", ids).param("references", references).update();
    // Staff mail about a case may name it by reference only.
    jdbc.sql("delete from mail_outbox where process_instance_id in (:ids) or reference in (:references)")
        .param("ids", ids).param("references", references).update();
    if (register.equals("enquiry")) {
      jdbc.sql("delete from enquiry_share where reference in (:references)").param("references", references).update();
    }
    jdbc.sql("delete from " + register + " where process_instance_id in (:ids) or reference in (:references)")
        .param("ids", ids).param("references", references).update();
  }

  /** A case's reference and its engine process instance. */
  record Case(String reference, String processInstanceId) {}
}
