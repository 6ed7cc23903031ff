package org.memberenquiries.escalation;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.engine.EngineClock;
import org.springframework.stereotype.Component;

/**
 * R10: the due date of each escalation task, worked out here (in working days, R0) and handed to the
 * BPMN as a variable that the task's {@code camunda:dueDate} reads, so Member Support's and the
 * referees' queues sort by it and show it overdue like every other task with a deadline. Runs as the
 * start listener of the task, so the date counts from the breach (Member Support) or the referral
 * (the referee).
 */
@Component("escalationDueDates")
public class EscalationDueDates implements ExecutionListener {

  /** When Member Support's informal resolution is due (R10). */
  public static final String RESOLVE_INFORMALLY_BY = "resolveInformallyBy";
  /** When the referee's decision on the breach is due (R10). */
  public static final String DECIDE_OUTCOME_BY = "decideOutcomeBy";

  private final WorkingCalendar calendar;
  private final EscalationTimescales timescales;
  private final EngineClock clock;

  public EscalationDueDates(WorkingCalendar calendar, EscalationTimescales timescales, EngineClock clock) {
    this.calendar = calendar;
    this.timescales = timescales;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    boolean referee = "DecideBreachOutcome".equals(execution.getCurrentActivityId());
    int workingDays = referee ? timescales.refereeDecisionWorkingDays() : timescales.informalResolutionWorkingDays();
    Date due = Date.from(calendar.endOfNthWorkingDayAfter(clock.now(), workingDays).toInstant());
    execution.setVariable(referee ? DECIDE_OUTCOME_BY : RESOLVE_INFORMALLY_BY, due);
  }
}
