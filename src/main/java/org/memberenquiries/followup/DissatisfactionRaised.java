package org.memberenquiries.followup;

import static org.memberenquiries.casedata.EnquiryVariables.DISSATISFACTION_REASON;
import static org.memberenquiries.casedata.EnquiryVariables.MEMBER_ID;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.EnquiryInstance;
import org.memberenquiries.engine.Variables;
import org.memberenquiries.enquiry.CaseRecord;
import org.memberenquiries.escalation.EscalationDueDates;
import org.springframework.stereotype.Component;

/**
 * R10: as Member Support's "Resolve the Member's dissatisfaction informally" starts (after its due date is
 * worked out), the Member's dissatisfaction is recorded in their name; the Member is emailed when Member
 * Support's answer is due.
 */
@Component("dissatisfactionRaised")
public class DissatisfactionRaised implements ExecutionListener {

  private final CaseRecord caseRecord;
  private final CommunicationLog log;
  private final EngineClock clock;
  private final WorkingCalendar calendar;

  public DissatisfactionRaised(CaseRecord caseRecord, CommunicationLog log, EngineClock clock,
      WorkingCalendar calendar) {
    this.caseRecord = caseRecord;
    this.log = log;
    this.clock = clock;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String enquiry = EnquiryInstance.of(execution);
    caseRecord.notSatisfied(enquiry,
        Variables.instant(execution, EscalationDueDates.RESOLVE_INFORMALLY_BY, calendar.zone()));
    Instant now = clock.now();
    log.record(enquiry, CommunicationKind.NOT_SATISFIED, Variables.requireText(execution, DISSATISFACTION_REASON),
        now, Variables.text(execution, MEMBER_ID));
  }
}
