package org.memberenquiries.response;

import static org.memberenquiries.casedata.EnquiryVariables.ACKNOWLEDGED_AT;
import static org.memberenquiries.casedata.EnquiryVariables.ACKNOWLEDGEMENT_TEXT;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.TaskActor;
import org.memberenquiries.engine.Variables;
import org.springframework.stereotype.Component;

/**
 * R4: on completing "Acknowledge enquiry", records the acknowledgement and when it was sent. The form
 * suggests a text; the officer must tick that they have read it (and changed it where it does not fit),
 * so that the suggestion never goes with one click. A caller of the engine API that writes its own text
 * and sends no tick is not asked for one.
 */
@Component("acknowledgementSent")
public class AcknowledgementSent implements TaskListener {

  /** The form's tick: "I have read this acknowledgement and it is right to send to the Member". */
  public static final String ACKNOWLEDGEMENT_CHECKED = "acknowledgementChecked";

  private final CommunicationLog log;
  private final EngineClock clock;

  public AcknowledgementSent(CommunicationLog log, EngineClock clock) {
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String text = Variables.requireText(task, ACKNOWLEDGEMENT_TEXT);
    Object checked = task.getVariable(ACKNOWLEDGEMENT_CHECKED);
    if (checked != null && !Boolean.TRUE.equals(checked) && !"true".equals(checked.toString())) {
      throw new BadUserRequestException("R4: read the acknowledgement, change it if it does not fit this enquiry,"
          + " and tick 'I have read this acknowledgement' before it is sent to the Member");
    }
    Instant now = clock.now();
    log.record(task.getProcessInstanceId(), CommunicationKind.ACKNOWLEDGEMENT, text, now, TaskActor.of(task));
    task.getExecution().setVariable(ACKNOWLEDGED_AT, Date.from(now));
  }
}
