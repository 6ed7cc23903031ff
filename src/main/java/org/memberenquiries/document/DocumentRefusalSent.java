package org.memberenquiries.document;

import static org.memberenquiries.document.DocumentVariables.DISPUTE_BY;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.engine.EngineClock;
import org.springframework.stereotype.Component;

/** "Tell the Member of the refusal" (R12): the Member has 10 working days (R0) to dispute it. */
@Component("documentRefusalSent")
public class DocumentRefusalSent implements JavaDelegate {

  static final int DISPUTE_WORKING_DAYS = 10;

  private final WorkingCalendar calendar;
  private final EngineClock clock;

  public DocumentRefusalSent(WorkingCalendar calendar, EngineClock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(DISPUTE_BY,
        Date.from(calendar.endOfNthWorkingDayAfter(clock.now(), DISPUTE_WORKING_DAYS).toInstant()));
  }
}
