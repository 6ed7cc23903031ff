package org.memberenquiries.benchmark;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.deadline.DeadlineCalculator;
import org.memberenquiries.deadline.Deadlines;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's bulk loader (issue 9, performance): historic enquiries written straight into the product's
 * own tables, exactly as the process leaves them, since driving 100,000 cases through the engine would take
 * hours on this machine. For each case it writes what the process writes, and nothing else:
 * <ul>
 *   <li>the {@code enquiry} row as {@code enquiry.CaseRecord} leaves it (V3, V22, V24): the register's columns
 *       (reference, process instance, Member, department, submitted), the case's data and deadlines owed
 *       (computed by the product's own {@link DeadlineCalculator} on R0's calendar, moved by the working days a
 *       question stopped the clock, R9), the team, triage time, when each message went, state and outcome, the
 *       clock stops at each answer, questions asked and answered, the officer;
 *   <li>one {@code communication} row per message sent (acknowledgement, holding and full responses, referral,
 *       question, reply, closure for no reply), as {@code communication.CommunicationLog} writes them;
 *   <li>one {@code breach} row per deadline missed (as {@code escalation.BreachLog}: due, missed when the
 *       timer fired at the deadline, escalated), with its outcome: resolved informally by Member Support, or
 *       referred (to whom) and upheld or not, or still awaiting one.
 * </ul>
 * No engine rows are written: the timeliness report reads none (the overdue list looks up open tasks for
 * their holder and finds none, as for a case whose task nobody claimed). The mix of paths is fixed by a seed:
 * 8% referred (R1, R2), 3% closed for no reply (R9), 7% answered after a question (R3, R9), 12% a holding then a
 * full response (R6, R7), the rest answered in full at once (R5); about one in five acknowledgements and one
 * in eight answers are late. Each case's
 * history stops at now (a step planned for later has not happened: the case is open there), and one in 500 is
 * never answered.
 */
final class HistoricEnquiries {

  private static final String[] ROUTES = {"COMPLAINTS_PROCEDURE", "CODE_OF_CONDUCT_PROCEDURE", "SERVICE_REQUEST_CHANNEL"};
  private static final String[] CAPACITIES = {"COUNTY_COUNCILLOR", "COUNTY_COUNCILLOR", "COUNTY_COUNCILLOR",
      "CABINET_OR_COMMITTEE_MEMBER", "DISTRICT_OR_PARISH_COUNCILLOR", "EXTERNAL_ORGANISATION", "GENERAL_OR_PERSONAL"};
  private static final String[] REFEREES = {"executive-director", "monitoring-officer", "chief-financial-officer"};

  private final JdbcTemplate jdbc;
  private final WorkingCalendar calendar;
  private final DeadlineCalculator deadlines;
  private final List<String> departments;
  private final Random random = new Random(9);
  private final ZoneId zone;
  private Instant now;

  private final List<Object[]> enquiries = new ArrayList<>();
  private final List<Object[]> messages = new ArrayList<>();
  private final List<Object[]> breaches = new ArrayList<>();
  int breachCount;

  HistoricEnquiries(JdbcTemplate jdbc, WorkingCalendar calendar, DeadlineCalculator deadlines, List<String> departments) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.departments = departments;
    this.zone = calendar.zone();
  }

  /** Loads {@code count} enquiries received over the 365 days up to {@code now}, in batches. */
  void load(int count, Instant now) {
    this.now = now;
    LocalDate first = now.atZone(zone).toLocalDate().minusDays(364);
    for (int i = 1; i <= count; i++) {
      LocalDate day = first.plusDays(random.nextInt(365));
      Instant received = ZonedDateTime.of(day, LocalTime.of(8, 0).plusMinutes(random.nextInt(11 * 60)), zone).toInstant();
      if (received.isAfter(now)) {
        received = now.minus(Duration.ofHours(1));
      }
      one(i, received);
      if (enquiries.size() == 5_000) {
        flush();
      }
    }
    flush();
    jdbc.execute("analyze enquiry");
    jdbc.execute("analyze breach");
    jdbc.execute("analyze communication");
  }

  /** Whether a step planned for this time has happened by now: the case's history stops at the first that has not. */
  private boolean happened(Instant at) {
    return !at.isAfter(now);
  }

  private void one(int i, Instant received) {
    String reference = String.format("ME-H%06d", i);
    String pid = "historic-" + i;
    String department = departments.get(random.nextInt(departments.size()));
    String officer = "officer." + department + "." + random.nextInt(8);
    String member = "historic.member." + random.nextInt(400);
    Deadlines owed = deadlines.deadlinesFor(received);
    LocalDate receiptDay = owed.effectiveReceiptDay();
    boolean stuck = random.nextInt(500) == 0; // never answered: open and overdue, whatever its age

    Case c = new Case(reference, pid, department, officer, member, received, owed);
    Instant triage = at(receiptDay, weighted(new int[] {0, 0, 0, 0, 0, 0, 1, 1, 2}), 10);
    int path = random.nextInt(100);
    if (happened(triage)) {
      c.triagedAt = triage;
      if (path < 8) { // R1, R2: referred at triage
        c.referredTo = ROUTES[random.nextInt(ROUTES.length)];
        sent(c, "REFERRAL_NOTICE", triage, officer);
        c.state = "REFERRED";
        c.outcome = "REFERRED";
        c.closedAt = triage;
        c.officerId = officer;
      } else {
        Instant acknowledged = at(receiptDay, random.nextInt(10) == 0 ? 2 : weighted(new int[] {0, 0, 1}), 15);
        if (acknowledged.isBefore(triage)) {
          acknowledged = triage.plus(Duration.ofMinutes(30));
        }
        if (happened(acknowledged)) {
          c.acknowledgedAt = acknowledged;
          c.state = "ACKNOWLEDGED";
          c.officerId = officer;
          sent(c, "ACKNOWLEDGEMENT", acknowledged, officer);
          if (!stuck) {
            if (path < 11) {
              noReply(c, receiptDay);
            } else if (path < 18) {
              questionAnswered(c, receiptDay);
            } else if (path < 30) {
              holdingThenFull(c, receiptDay);
            } else {
              fullAtOnce(c, at(receiptDay, lateOrNot(10), 14));
            }
          }
        }
      }
    }
    boolean waiting = "AWAITING_MEMBER".equals(c.state);
    missed(c, "ACKNOWLEDGEMENT", c.acknowledgeBy, c.acknowledgedAt != null ? c.acknowledgedAt : c.closedAt);
    if (!waiting && !"REFERRED".equals(c.state) && !"CLOSED_NO_RESPONSE".equals(c.state)) {
      missed(c, "RESPONSE", c.respondBy, c.firstResponse());
      if (c.holdingAt != null) {
        missed(c, "FULL_RESPONSE", c.fullResponseBy, c.fullAt);
      }
    }
    enquiries.add(c.row());
  }

  /** R9: a question, no reply within 10 working days, closed; timescales no longer apply. */
  private void noReply(Case c, LocalDate receiptDay) {
    Instant question = at(receiptDay, 2, 11);
    if (!happened(question)) {
      return;
    }
    ask(c, question);
    if (happened(c.replyDueBy)) {
      c.closedAt = c.replyDueBy;
      sent(c, "CLOSED_NO_REPLY", c.closedAt, null);
      c.state = "CLOSED_NO_RESPONSE";
      c.outcome = "NO_RESPONSE_FROM_MEMBER";
      c.timescalesApply = false;
    }
  }

  private void ask(Case c, Instant question) {
    c.questionAt = question;
    c.replyDueBy = deadlines.clarificationReplyDueBy(question).toInstant();
    c.questions = 1;
    c.state = "AWAITING_MEMBER";
    sent(c, "QUESTION_TO_MEMBER", question, c.officer);
  }

  /** R3, R9: a question, the Member's reply some working days later; the deadlines owed move by those days. */
  private void questionAnswered(Case c, LocalDate receiptDay) {
    Instant question = at(receiptDay, 2, 11);
    if (!happened(question)) {
      return;
    }
    ask(c, question);
    int waited = 1 + random.nextInt(5);
    Instant reply = at(calendar.effectiveReceiptDay(question), waited, 9);
    if (!happened(reply)) {
      return;
    }
    c.replies = 1;
    c.stopped = waited;
    c.state = "ACKNOWLEDGED";
    sent(c, "MEMBER_REPLY", reply, c.member);
    c.respondBy = deadlines.moveLater(c.respondBy, waited).toInstant();
    c.fullResponseBy = deadlines.moveLater(c.fullResponseBy, waited).toInstant();
    c.replyDueBy = null;
    fullAtOnce(c, at(calendar.effectiveReceiptDay(reply), lateOrNot(10 - 2), 14));
  }

  /** R6, R7: a holding response within 10 working days, the full response by the 20th (or late). */
  private void holdingThenFull(Case c, LocalDate receiptDay) {
    Instant holding = at(receiptDay, 3 + random.nextInt(random.nextInt(8) == 0 ? 10 : 7), 12);
    if (!happened(holding)) {
      return;
    }
    c.holdingAt = holding;
    sent(c, "HOLDING_RESPONSE", holding, c.officer);
    c.state = "HOLDING_RESPONSE_SENT";
    c.stoppedAtResponse = c.stopped;
    Instant full = at(receiptDay, lateOrNot(20), 16);
    if (full.isBefore(holding)) {
      full = holding.plus(Duration.ofHours(1));
    }
    if (!happened(full)) {
      return;
    }
    c.fullAt = full;
    sent(c, "FULL_RESPONSE", full, c.officer);
    c.state = "ANSWERED";
    c.outcome = "ANSWERED_IN_FULL";
    c.closedAt = full;
    c.stoppedAtFull = c.stopped;
  }

  private void fullAtOnce(Case c, Instant at) {
    if (!happened(at)) {
      return;
    }
    c.fullAt = at;
    sent(c, "FULL_RESPONSE", at, c.officer);
    c.state = "ANSWERED";
    c.outcome = "ANSWERED";
    c.closedAt = at;
    c.stoppedAtResponse = c.stopped;
    c.stoppedAtFull = c.stopped;
  }

  /** R10: a deadline passed before its step was done (or still undone): the breach, escalated, and its outcome. */
  private void missed(Case c, String kind, Instant due, Instant done) {
    if (!c.timescalesApply || due == null || !due.isBefore(now) || (done != null && !done.isAfter(due))) {
      return;
    }
    String outcome = null;
    String referredTo = null;
    Instant decidedAt = null;
    int fate = random.nextInt(10);
    if (due.isBefore(now.minus(Duration.ofDays(45)))) {
      if (fate < 7) {
        outcome = "RESOLVED_INFORMALLY";
      } else {
        referredTo = REFEREES[random.nextInt(REFEREES.length)];
        outcome = fate < 9 ? "UPHELD" : "NOT_UPHELD";
      }
      decidedAt = due.plus(Duration.ofDays(10));
    }
    breaches.add(new Object[] {c.pid, c.reference, c.department, kind, ts(due), ts(due), true, outcome,
        outcome == null ? null : "Bulk-loaded history", outcome == null ? null : "support", ts(decidedAt), referredTo});
    breachCount++;
  }

  private void sent(Case c, String kind, Instant at, String by) {
    messages.add(new Object[] {c.pid, kind, kind.toLowerCase() + " text", ts(at), by});
  }

  /** Mostly within the timescale, about one in eight later. */
  private int lateOrNot(int timescale) {
    return random.nextInt(8) == 0 ? timescale + 1 + random.nextInt(8) : 1 + random.nextInt(timescale);
  }

  private int weighted(int[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  /** The n-th working day after a day, at an hour (council's zone). */
  private Instant at(LocalDate day, int n, int hour) {
    return ZonedDateTime.of(calendar.nthWorkingDayAfter(day, n), LocalTime.of(hour, random.nextInt(60)), zone).toInstant();
  }

  private void flush() {
    jdbc.batchUpdate("insert into enquiry (reference, process_instance_id, member_id, submitted_by, department,"
        + " submitted_at, subject, enquiry_text, search_text, member_name, capacity, ward, purpose, received_at,"
        + " state, outcome, referred_to, officer_id, acknowledge_by, respond_by, full_response_by,"
        + " clock_stopped_working_days, timescales_apply, question_asked_at, reply_due_by, capacity_question,"
        + " acknowledged_at, holding_response_sent_at, full_response_sent_at, closed_at, updated_at,"
        + " triaged_at, officer_group, stopped_days_at_response, stopped_days_at_full_response,"
        + " questions_asked, replies_received)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        enquiries);
    jdbc.batchUpdate("insert into communication (process_instance_id, kind, body, sent_at, sent_by) values (?, ?, ?, ?, ?)",
        messages);
    jdbc.batchUpdate("insert into breach (process_instance_id, enquiry_reference, department, deadline_kind, deadline_due,"
        + " missed_at, escalated, outcome, outcome_notes, decided_by, decided_at, referred_to)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", breaches);
    enquiries.clear();
    messages.clear();
    breaches.clear();
  }

  private static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  /** One case as the process leaves it. */
  private final class Case {
    final String reference;
    final String pid;
    final String department;
    final String officer;
    final String member;
    final Instant received;
    final Instant acknowledgeBy;
    Instant respondBy;
    Instant fullResponseBy;
    Instant triagedAt;
    Instant acknowledgedAt;
    Instant holdingAt;
    Instant fullAt;
    Instant closedAt;
    Instant questionAt;
    Instant replyDueBy;
    String state = "RECEIVED";
    String outcome;
    String referredTo;
    String officerId;
    boolean timescalesApply = true;
    int stopped;
    Integer stoppedAtResponse;
    Integer stoppedAtFull;
    int questions;
    int replies;

    Case(String reference, String pid, String department, String officer, String member, Instant received, Deadlines owed) {
      this.reference = reference;
      this.pid = pid;
      this.department = department;
      this.officer = officer;
      this.member = member;
      this.received = received;
      this.acknowledgeBy = owed.acknowledgeBy().toInstant();
      this.respondBy = owed.respondBy().toInstant();
      this.fullResponseBy = owed.fullResponseBy().toInstant();
    }

    Instant firstResponse() {
      return holdingAt != null ? holdingAt : fullAt;
    }

    Object[] row() {
      String subject = "Historic enquiry " + reference;
      String text = "What the Member asked in " + reference + ".";
      Instant updated = closedAt != null ? closedAt : acknowledgedAt != null ? acknowledgedAt : received;
      return new Object[] {reference, pid, member, member, department, ts(received), subject, text,
          (subject + "\n" + text).toLowerCase(), "Cllr " + member, CAPACITIES[random.nextInt(CAPACITIES.length)],
          "Ward " + random.nextInt(60), "Ward surgery.", ts(received), state, outcome, referredTo, officerId,
          ts(acknowledgeBy), ts(respondBy), ts(fullResponseBy), stopped, timescalesApply, ts(questionAt),
          ts(replyDueBy), false, ts(acknowledgedAt), ts(holdingAt), ts(fullAt), ts(closedAt), ts(updated.isAfter(now) ? now : updated),
          ts(triagedAt != null && triagedAt.isAfter(now) ? null : triagedAt), department + "-officers", stoppedAtResponse,
          stoppedAtFull, questions, replies};
    }
  }
}
