package org.memberenquiries.enquiry;

import org.memberenquiries.casedata.EnquiryVariables;

import static org.memberenquiries.casedata.EnquiryVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.deadline.DeadlineCalculator;
import org.memberenquiries.deadline.Deadlines;
import org.springframework.stereotype.Service;

/**
 * The one place that sets, stops, restarts, replaces or revises a case's deadlines (issue 8 item 2):
 * R4, R5, R7 worked out from receipt (R0); R9 the clock stopped while the Member is asked and
 * restarted with the working days that remained; R8 an agreed deadline replacing the one owed at a
 * step; R7 a revised date given beside the 20-working-day deadline. Delegates and listeners call it;
 * the timers and due dates in the BPMN read what it wrote. A calendar change (calendarchange) moves
 * the same deadlines for every open case from outside a step.
 */
@Service
public class DeadlineClock {

  /** R9: the deadlines a stopped clock moves; the acknowledgement (R4) is always owed before any question. */
  static final List<String> MOVED_BY_STOPPED_CLOCK = List.of(RESPOND_BY, FULL_RESPONSE_BY, REVISED_FULL_RESPONSE_BY);

  private final WorkingCalendar calendar;
  private final DeadlineCalculator calculator;

  public DeadlineClock(WorkingCalendar calendar, DeadlineCalculator calculator) {
    this.calendar = calendar;
    this.calculator = calculator;
  }

  public CaseDeadlines of(VariableScope scope) {
    return new CaseDeadlines(scope, calendar.zone());
  }

  /** R0, R4, R5, R7: the deadlines owed from the time received; the clock has not stopped yet. */
  public Deadlines start(VariableScope scope, Instant receivedAt) {
    Deadlines owed = calculator.deadlinesFor(receivedAt);
    CaseDeadlines c = of(scope);
    c.set(ACKNOWLEDGE_BY, owed.acknowledgeBy().toInstant());
    c.set(RESPOND_BY, owed.respondBy().toInstant());
    c.set(FULL_RESPONSE_BY, owed.fullResponseBy().toInstant());
    c.setNumber(CLOCK_STOPPED_WORKING_DAYS, 0);
    return owed;
  }

  /**
   * R9: the Member replied to the question asked at {@code askedAt}; every deadline still owed moves
   * later by the working days spent waiting. Returns those working days.
   */
  public int restart(VariableScope scope, Instant askedAt, Instant now) {
    CaseDeadlines c = of(scope);
    int waited = calendar.workingDaysBetween(askedAt, now);
    if (waited > 0) {
      for (String name : MOVED_BY_STOPPED_CLOCK) {
        Instant deadline = c.get(name);
        if (deadline != null) {
          c.set(name, calculator.moveLater(deadline, waited).toInstant());
        }
      }
    }
    c.setNumber(WORKING_DAYS_WAITED, waited);
    c.setNumber(CLOCK_STOPPED_WORKING_DAYS, c.clockStoppedWorkingDays() + waited);
    return waited;
  }

  /**
   * R8: the deadline agreed with the Member (end of that working day) replaces {@code owedDeadline}
   * (escalation.MissedDeadline's name of the deadline owed at the step). A later deadline never falls
   * before it: the 20-working-day full response (R7) moves with an agreed response date beyond it.
   */
  public Instant replaceWithAgreed(VariableScope scope, String owedDeadline, LocalDate day, Instant now) {
    CaseDeadlines c = of(scope);
    Instant agreed = calendar.endOfWorkingDay(day).toInstant();
    switch (owedDeadline) {
      case "RESPONSE" -> {
        c.set(RESPOND_BY, agreed);
        Instant full = c.fullResponseBy();
        if (full == null || full.isBefore(agreed)) {
          c.set(FULL_RESPONSE_BY, agreed);
        }
      }
      case "FULL_RESPONSE" -> c.set(FULL_RESPONSE_BY, agreed);
      case "REVISED_FULL_RESPONSE" -> {
        c.set(REVISED_FULL_RESPONSE_BY, agreed);
        // The standard 20-working-day deadline (R7) still runs beside a revised date; an agreement
        // replaces it too, unless it was already missed (a missed deadline stays recorded).
        Instant full = c.fullResponseBy();
        if (full != null && full.isAfter(now)) {
          c.set(FULL_RESPONSE_BY, agreed);
        }
      }
      default -> throw new IllegalStateException("R8: no deadline " + owedDeadline + " to replace");
    }
    c.set(AGREED_DEADLINE_BY, agreed);
    return agreed;
  }

  /**
   * R0, R5 (issue 10 item 4): the window for follow-ups after an answer given at {@code answeredAt} ends at
   * the end of the {@code workingDays}-th working day after it (an answer after hours counts from the next
   * working day).
   */
  public Instant openFollowUpWindow(VariableScope scope, Instant answeredAt, int workingDays) {
    Instant ends = calendar.endOfNthWorkingDayAfter(answeredAt, workingDays).toInstant();
    of(scope).set(FOLLOW_UP_WINDOW_ENDS_AT, ends);
    return ends;
  }

  /** R5: a follow-up asked at {@code askedAt} gets its own response deadline, as an enquiry received then would. */
  public Instant followUp(VariableScope scope, Instant askedAt) {
    Instant due = calculator.followUpResponseDueBy(askedAt).toInstant();
    of(scope).set(FOLLOW_UP_RESPOND_BY, due);
    return due;
  }

  /** R7: the revised date the Member is told (end of that working day); the 20-working-day deadline runs on. */
  public Instant revise(VariableScope scope, LocalDate revisedDate) {
    Instant revised = calendar.endOfWorkingDay(revisedDate).toInstant();
    of(scope).set(REVISED_FULL_RESPONSE_BY, revised);
    return revised;
  }
}
