package org.memberenquiries.burden;

import static org.memberenquiries.enquiry.EnquiryVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.Variables;
import org.memberenquiries.enquiry.CaseRecord;
import org.memberenquiries.enquiry.Step;
import org.springframework.stereotype.Component;

/**
 * "Replace the deadline with the agreed one" (R8): the agreed deadline (end of that working day)
 * replaces the deadline owed at the step the burden was raised from. A later deadline never falls
 * before it: the 20-working-day full response (R7) moves with an agreed response date beyond it.
 */
@Component("applyAgreedDeadline")
public class ApplyAgreedDeadline implements JavaDelegate {

  private final WorkingCalendar calendar;
  private final EngineClock clock;
  private final CaseRecord caseRecord;

  public ApplyAgreedDeadline(WorkingCalendar calendar, EngineClock clock, CaseRecord caseRecord) {
    this.caseRecord = caseRecord;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate day = Variables.date(execution, AGREED_DEADLINE, calendar.zone());
    Instant agreed = calendar.endOfWorkingDay(day).toInstant();
    Step step = Step.valueOf(Variables.requireText(execution, RETURN_TO));
    switch (step) {
      case RESPOND -> {
        execution.setVariable(RESPOND_BY, Date.from(agreed));
        Instant full = Variables.instant(execution, FULL_RESPONSE_BY, calendar.zone());
        if (full == null || full.isBefore(agreed)) {
          execution.setVariable(FULL_RESPONSE_BY, Date.from(agreed));
        }
      }
      case FULL_RESPONSE -> execution.setVariable(FULL_RESPONSE_BY, Date.from(agreed));
      case REVISED_FULL_RESPONSE -> {
        execution.setVariable(REVISED_FULL_RESPONSE_BY, Date.from(agreed));
        // The standard 20-working-day deadline (R7) still runs beside a revised date; an agreement
        // replaces it too, unless it was already missed (a missed deadline stays recorded).
        Instant full = Variables.instant(execution, FULL_RESPONSE_BY, calendar.zone());
        if (full != null && full.isAfter(clock.now())) {
          execution.setVariable(FULL_RESPONSE_BY, Date.from(agreed));
        }
      }
      case CAPACITY_CHECK -> throw new IllegalStateException("R8: no deadline is owed at the capacity check");
    }
    execution.setVariable(AGREED_DEADLINE_BY, Date.from(agreed));
    caseRecord.deadlineAgreed(execution, step); // issue 8 item 4: the read model; R16: which step it was for
  }
}
