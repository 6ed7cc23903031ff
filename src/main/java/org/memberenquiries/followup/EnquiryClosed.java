package org.memberenquiries.followup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.EnquiryInstance;
import org.springframework.stereotype.Component;

/** "Close the enquiry" (R5, R10): the window for follow-ups is over, or the dissatisfaction dealt with; the Member is told. */
@Component("enquiryClosed")
public class EnquiryClosed implements JavaDelegate {

  private final CommunicationLog log;
  private final EngineClock clock;

  public EnquiryClosed(CommunicationLog log, EngineClock clock) {
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    log.record(EnquiryInstance.of(execution), CommunicationKind.ENQUIRY_CLOSED, null, clock.now(), null);
  }
}
