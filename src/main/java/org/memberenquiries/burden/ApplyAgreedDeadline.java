package org.memberenquiries.burden;

import static org.memberenquiries.casedata.EnquiryVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.Variables;
import org.memberenquiries.enquiry.CaseRecord;
import org.memberenquiries.enquiry.DeadlineClock;
import org.memberenquiries.engine.EnquiryInstance;
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
  private final DeadlineClock deadlineClock;
  private final CaseRecord caseRecord;

  public ApplyAgreedDeadline(WorkingCalendar calendar, EngineClock clock, DeadlineClock deadlineClock,
      CaseRecord caseRecord) {
    this.calendar = calendar;
    this.clock = clock;
    this.deadlineClock = deadlineClock;
    this.caseRecord = caseRecord;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate day = Variables.date(execution, AGREED_DEADLINE, calendar.zone());
    // The deadline owed at the step the burden was raised from (escalation.MissedDeadline's names).
    String owed = Variables.requireText(execution, OWED_DEADLINE);
    deadlineClock.replaceWithAgreed(execution, owed, day, clock.now());
    caseRecord.deadlinesReplaced(EnquiryInstance.of(execution), execution, owed); // the read model (issue 8 item 4, R16)
  }
}
