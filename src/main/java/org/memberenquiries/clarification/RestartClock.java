package org.memberenquiries.clarification;

import static org.memberenquiries.casedata.EnquiryVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.EnquiryInstance;
import org.memberenquiries.enquiry.CaseRecord;
import org.memberenquiries.enquiry.DeadlineClock;
import org.memberenquiries.engine.Variables;
import org.springframework.stereotype.Component;

/**
 * "Restart the clock" (R9): the Member replied. Every deadline still owed moves later by the working
 * days spent waiting ({@link DeadlineClock#restart}), so the enquiry restarts with the working days that
 * remained. The step's task opens again afterwards and its timer is created on the moved date.
 */
@Component("restartClock")
public class RestartClock implements JavaDelegate {

  private final WorkingCalendar calendar;
  private final DeadlineClock deadlineClock;
  private final CommunicationLog log;
  private final EngineClock clock;
  private final CaseRecord caseRecord;

  public RestartClock(WorkingCalendar calendar, DeadlineClock deadlineClock, CommunicationLog log, EngineClock clock,
      CaseRecord caseRecord) {
    this.calendar = calendar;
    this.deadlineClock = deadlineClock;
    this.log = log;
    this.clock = clock;
    this.caseRecord = caseRecord;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = clock.now();
    Instant askedAt = Variables.instant(execution, QUESTION_ASKED_AT, calendar.zone());
    String enquiry = EnquiryInstance.of(execution);
    log.record(enquiry, CommunicationKind.MEMBER_REPLY,
        Variables.requireText(execution, CLARIFICATION_REPLY), now, Variables.text(execution, MEMBER_ID));

    deadlineClock.restart(execution, askedAt, now);
    execution.setVariable(AWAITING_MEMBER_REPLY, false);
    caseRecord.clockRestarted(enquiry, execution); // R9: the moved deadlines (and R3: the capacity given)
  }
}
