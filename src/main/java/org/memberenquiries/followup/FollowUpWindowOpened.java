package org.memberenquiries.followup;

import static org.memberenquiries.casedata.EnquiryVariables.ANSWERING_OFFICER;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.memberenquiries.communication.Communication;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.EnquiryInstance;
import org.memberenquiries.enquiry.CaseRecord;
import org.memberenquiries.enquiry.DeadlineClock;
import org.springframework.stereotype.Component;

/**
 * "Open the window for follow-ups" (R0, R5): the window ends at the end of the configured working day after
 * now (the full response, or a follow-up's answer, was just sent), and a follow-up goes back to the officer
 * who sent the last answer.
 */
@Component("followUpWindowOpened")
public class FollowUpWindowOpened implements JavaDelegate {

  /** The answers a follow-up is about; whoever sent the last one answers it. */
  static final Set<CommunicationKind> ANSWERS = EnumSet.of(CommunicationKind.FULL_RESPONSE,
      CommunicationKind.FOLLOW_UP_RESPONSE);

  private final DeadlineClock deadlines;
  private final CaseRecord caseRecord;
  private final CommunicationLog log;
  private final EngineClock clock;
  private final FollowUpProperties properties;

  public FollowUpWindowOpened(DeadlineClock deadlines, CaseRecord caseRecord, CommunicationLog log, EngineClock clock,
      FollowUpProperties properties) {
    this.deadlines = deadlines;
    this.caseRecord = caseRecord;
    this.log = log;
    this.clock = clock;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String enquiry = EnquiryInstance.of(execution);
    String officer = log.forEnquiry(enquiry).stream()
        .filter(sent -> ANSWERS.contains(sent.kind()))
        .reduce((first, second) -> second).map(Communication::sentBy).orElse(null);
    execution.setVariable(ANSWERING_OFFICER, officer);
    Instant ends = deadlines.openFollowUpWindow(execution, clock.now(), properties.windowWorkingDays());
    caseRecord.followUpWindowOpened(enquiry, ends);
  }
}
