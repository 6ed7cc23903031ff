package org.memberenquiries.followup;

import static org.memberenquiries.casedata.EnquiryVariables.INFORMAL_RESOLUTION;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.EnquiryInstance;
import org.memberenquiries.engine.TaskActor;
import org.memberenquiries.engine.Variables;
import org.springframework.stereotype.Component;

/** R10: what Member Support did about the Member's dissatisfaction, told to the Member. */
@Component("dissatisfactionResolved")
public class DissatisfactionResolved implements TaskListener {

  private final CommunicationLog log;
  private final EngineClock clock;

  public DissatisfactionResolved(CommunicationLog log, EngineClock clock) {
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    log.record(EnquiryInstance.of(task), CommunicationKind.INFORMAL_RESOLUTION,
        Variables.requireText(task, INFORMAL_RESOLUTION), clock.now(), TaskActor.of(task));
  }
}
