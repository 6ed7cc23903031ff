package org.memberenquiries.clarification;

import static org.memberenquiries.casedata.EnquiryVariables.*;

import java.time.Instant;
import java.util.Comparator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.memberenquiries.calendar.CouncilDates;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.communication.Communication;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.Variables;
import org.memberenquiries.enquiry.Outcome;
import org.springframework.stereotype.Component;

/**
 * "Close: no response from Member" (R9): no reply within 10 working days. The enquiry closes and
 * its timescales no longer apply, which the Member's view and the timeliness figures (R16) show.
 */
@Component("closeForNoReply")
public class CloseForNoReply implements JavaDelegate {

  private final CommunicationLog log;
  private final EngineClock clock;
  private final WorkingCalendar calendar;

  public CloseForNoReply(CommunicationLog log, EngineClock clock, WorkingCalendar calendar) {
    this.log = log;
    this.clock = clock;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // The question went out from the ask-member process; when is in the enquiry's communication log.
    Instant askedAt = log.forEnquiry(execution.getProcessInstanceId()).stream()
        .filter(sent -> sent.kind() == CommunicationKind.QUESTION_TO_MEMBER)
        .map(Communication::sentAt).max(Comparator.naturalOrder())
        .orElseThrow(() -> new IllegalStateException("R9: no question to the Member was recorded"));
    String asked = CouncilDates.date(askedAt.atZone(calendar.zone()).toLocalDate());
    log.record(execution.getProcessInstanceId(), CommunicationKind.CLOSED_NO_REPLY,
        "No reply within 10 working days to the question asked on " + asked
            + ". The enquiry is closed as 'no response from Member'; its timescales no longer apply (R9).",
        clock.now(), null);
    execution.setVariable(OUTCOME, Outcome.NO_RESPONSE_FROM_MEMBER.name());
    execution.setVariable(TIMESCALES_APPLY, false);
    execution.setVariable(AWAITING_MEMBER_REPLY, false);
  }
}
