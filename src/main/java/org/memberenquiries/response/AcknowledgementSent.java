package org.memberenquiries.response;

import static org.memberenquiries.enquiry.EnquiryVariables.ACKNOWLEDGED_AT;
import static org.memberenquiries.enquiry.EnquiryVariables.ACKNOWLEDGEMENT_TEXT;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.TaskActor;
import org.memberenquiries.engine.Variables;
import org.springframework.stereotype.Component;

/** R4: on completing "Acknowledge enquiry", records the acknowledgement and when it was sent. */
@Component("acknowledgementSent")
public class AcknowledgementSent implements TaskListener {

  private final CommunicationLog log;
  private final EngineClock clock;

  public AcknowledgementSent(CommunicationLog log, EngineClock clock) {
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String text = Variables.requireText(task, ACKNOWLEDGEMENT_TEXT);
    Instant now = clock.now();
    log.record(task.getProcessInstanceId(), CommunicationKind.ACKNOWLEDGEMENT, text, now, TaskActor.of(task));
    task.getExecution().setVariable(ACKNOWLEDGED_AT, Date.from(now));
  }
}
