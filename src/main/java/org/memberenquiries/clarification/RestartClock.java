package org.memberenquiries.clarification;

import static org.memberenquiries.enquiry.EnquiryVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.deadline.DeadlineCalculator;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.EnquiryInstance;
import org.memberenquiries.enquiry.CaseRecord;
import org.memberenquiries.engine.Variables;
import org.springframework.stereotype.Component;

/**
 * "Restart the clock" (R9): the Member replied. Every deadline still owed moves later by the working
 * days spent waiting, so the enquiry restarts with the working days that remained. The officer's
 * task opens again afterwards and its timer is created on the moved date.
 */
@Component("restartClock")
public class RestartClock implements JavaDelegate {

  /** The deadlines a stopped clock moves; the acknowledgement (R4) is always owed before any question. */
  static final List<String> MOVED_DEADLINES = List.of(RESPOND_BY, FULL_RESPONSE_BY, REVISED_FULL_RESPONSE_BY);

  private final WorkingCalendar calendar;
  private final DeadlineCalculator deadlines;
  private final CommunicationLog log;
  private final EngineClock clock;
  private final CaseRecord caseRecord;

  public RestartClock(WorkingCalendar calendar, DeadlineCalculator deadlines, CommunicationLog log, EngineClock clock,
      CaseRecord caseRecord) {
    this.caseRecord = caseRecord;
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = clock.now();
    Instant askedAt = Variables.instant(execution, QUESTION_ASKED_AT, calendar.zone());
    String enquiry = EnquiryInstance.of(execution);
    log.record(enquiry, CommunicationKind.MEMBER_REPLY,
        Variables.requireText(execution, CLARIFICATION_REPLY), now, Variables.text(execution, MEMBER_ID));

    int waited = calendar.workingDaysBetween(askedAt, now);
    if (waited > 0) {
      for (String name : MOVED_DEADLINES) {
        Instant deadline = Variables.instant(execution, name, calendar.zone());
        if (deadline != null) {
          execution.setVariable(name, Date.from(deadlines.moveLater(deadline, waited).toInstant()));
        }
      }
    }
    Object stopped = execution.getVariable(CLOCK_STOPPED_WORKING_DAYS);
    int total = (stopped instanceof Number n ? n.intValue() : 0) + waited;
    execution.setVariable(WORKING_DAYS_WAITED, waited);
    execution.setVariable(CLOCK_STOPPED_WORKING_DAYS, total);
    execution.setVariable(AWAITING_MEMBER_REPLY, false);
    caseRecord.clockRestarted(enquiry, execution); // R9: the moved deadlines (and R3: the capacity given)
  }
}
