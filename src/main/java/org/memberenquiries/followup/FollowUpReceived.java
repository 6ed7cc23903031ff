package org.memberenquiries.followup;

import static org.memberenquiries.casedata.EnquiryVariables.FOLLOW_UP_QUESTION;
import static org.memberenquiries.casedata.EnquiryVariables.MEMBER_ID;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.EnquiryInstance;
import org.memberenquiries.engine.Variables;
import org.memberenquiries.enquiry.CaseRecord;
import org.memberenquiries.enquiry.DeadlineClock;
import org.springframework.stereotype.Component;

/**
 * R5: as the Member's follow-up arrives (the end of "Member asks a follow-up"), it gets its own response
 * deadline, which "Answer the follow-up" then carries as its due date and timer (set before the task starts,
 * since the engine creates a boundary timer before the task's start listeners run), and is recorded in the
 * Member's name; the Member is emailed that date.
 */
@Component("followUpReceived")
public class FollowUpReceived implements ExecutionListener {

  private final DeadlineClock deadlines;
  private final CaseRecord caseRecord;
  private final CommunicationLog log;
  private final EngineClock clock;

  public FollowUpReceived(DeadlineClock deadlines, CaseRecord caseRecord, CommunicationLog log, EngineClock clock) {
    this.deadlines = deadlines;
    this.caseRecord = caseRecord;
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String enquiry = EnquiryInstance.of(execution);
    Instant now = clock.now();
    caseRecord.followUpAsked(enquiry, deadlines.followUp(execution, now));
    log.record(enquiry, CommunicationKind.FOLLOW_UP, Variables.requireText(execution, FOLLOW_UP_QUESTION), now,
        Variables.text(execution, MEMBER_ID));
  }
}
