package org.memberenquiries.triage;

import static org.memberenquiries.casedata.EnquiryVariables.*;

import java.time.Instant;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.TaskActor;
import org.memberenquiries.engine.Variables;
import org.memberenquiries.enquiry.CaseRecord;
import org.memberenquiries.enquiry.Outcome;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R1, R2: on completing "Refer and tell the Member", records where the request went (and its
 * reference there) and what the Member was told, and closes the case as referred.
 */
@Component("enquiryReferred")
public class EnquiryReferred implements TaskListener {

  private final CommunicationLog log;
  private final EngineClock clock;
  private final CaseRecord caseRecord;

  public EnquiryReferred(CommunicationLog log, EngineClock clock, CaseRecord caseRecord) {
    this.caseRecord = caseRecord;
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Scope scope = Scope.valueOf(Variables.requireText(task, SCOPE));
    String message = Variables.requireText(task, REFERRAL_MESSAGE);
    String reference = Variables.text(task, REFERRAL_REFERENCE);
    String route = scope.route() + (reference == null ? "" : " (reference " + reference + ")");
    Instant now = clock.now();
    log.record(task.getProcessInstanceId(), CommunicationKind.REFERRAL_NOTICE,
        message + "\n\nReferred to: " + route, now, TaskActor.of(task));
    task.getExecution().setVariable(REFERRED_TO, route);
    task.getExecution().setVariable(OUTCOME, Outcome.REFERRED.name());
    task.getExecution().setVariable(TIMESCALES_APPLY, false); // R1, R2: the other procedure's timescales apply
    caseRecord.caseChanged(task); // where it went
  }
}
