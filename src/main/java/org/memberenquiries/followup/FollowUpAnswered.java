package org.memberenquiries.followup;

import static org.memberenquiries.casedata.EnquiryVariables.FOLLOW_UP_ANSWER;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.EnquiryInstance;
import org.memberenquiries.engine.TaskActor;
import org.memberenquiries.engine.Variables;
import org.springframework.stereotype.Component;

/** R5, R15: the officer's answer to the follow-up, sent to the Member in their name. */
@Component("followUpAnswered")
public class FollowUpAnswered implements TaskListener {

  private final CommunicationLog log;
  private final EngineClock clock;

  public FollowUpAnswered(CommunicationLog log, EngineClock clock) {
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    log.record(EnquiryInstance.of(task), CommunicationKind.FOLLOW_UP_RESPONSE,
        Variables.requireText(task, FOLLOW_UP_ANSWER), clock.now(), TaskActor.of(task));
  }
}
