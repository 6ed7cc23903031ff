package org.memberenquiries.response;

import static org.memberenquiries.casedata.EnquiryVariables.PROGRESS_UPDATE_TEXT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.TaskActor;
import org.memberenquiries.engine.Variables;
import org.springframework.stereotype.Component;

/** R7: records each progress update sent to the Member while the full response is late. */
@Component("progressUpdateSent")
public class ProgressUpdateSent implements TaskListener {

  private final CommunicationLog log;
  private final EngineClock clock;

  public ProgressUpdateSent(CommunicationLog log, EngineClock clock) {
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String text = Variables.requireText(task, PROGRESS_UPDATE_TEXT);
    log.record(task.getProcessInstanceId(), CommunicationKind.PROGRESS_UPDATE, text, clock.now(), TaskActor.of(task));
  }
}
