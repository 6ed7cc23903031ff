package org.memberenquiries.response;

import org.memberenquiries.calendar.CouncilDates;
import static org.memberenquiries.casedata.EnquiryVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.capacity.CouncillorOnly;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.TaskActor;
import org.memberenquiries.engine.Variables;
import org.memberenquiries.enquiry.Detours;
import org.memberenquiries.enquiry.Outcome;
import org.springframework.stereotype.Component;

/**
 * R5, R6: on completing "Respond to enquiry", records a full response, or a holding response, which
 * must explain what is being done and give an estimated date for the full response. The officer may
 * instead ask the Member a question (R9) or raise a disproportionate burden (R8).
 */
@Component("responseSent")
public class ResponseSent implements TaskListener {

  private final CommunicationLog log;
  private final EngineClock clock;
  private final WorkingCalendar calendar;
  private final CouncillorOnly councillorOnly;

  public ResponseSent(CommunicationLog log, EngineClock clock, WorkingCalendar calendar, CouncillorOnly councillorOnly) {
    this.councillorOnly = councillorOnly;
    this.log = log;
    this.clock = clock;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    ResponseType type = ResponseType.of(Variables.requireText(task, RESPONSE_TYPE));
    if (type == ResponseType.CLARIFICATION) {
      Detours.askMember(task);
      return;
    }
    if (type == ResponseType.BURDEN) {
      Detours.raiseBurden(task);
      return;
    }
    String text = Variables.requireText(task, RESPONSE_TEXT);
    councillorOnly.checkRelease(task);
    Instant now = clock.now();
    if (type == ResponseType.FULL) {
      log.record(task.getProcessInstanceId(), CommunicationKind.FULL_RESPONSE, text, now, TaskActor.of(task));
      task.getExecution().setVariable(FULL_RESPONSE_SENT_AT, Date.from(now));
      task.getExecution().setVariable(OUTCOME, Outcome.ANSWERED.name());
      return;
    }
    String explanation = Variables.text(task, HOLDING_EXPLANATION);
    LocalDate estimate = Variables.date(task, ESTIMATED_FULL_RESPONSE_DATE, calendar.zone());
    if (explanation == null || estimate == null) {
      throw new BadUserRequestException(
          "R6: a holding response needs 'holdingExplanation' (what is being done to investigate)"
              + " and 'estimatedFullResponseDate' (when the full response is expected)");
    }
    if (estimate.isBefore(now.atZone(calendar.zone()).toLocalDate())) {
      throw new BadUserRequestException(
          "R6: 'estimatedFullResponseDate' must not be in the past; got " + estimate);
    }
    String body = text + "\n\nWhat we are doing: " + explanation + "\nEstimated full response by: " + CouncilDates.date(estimate);
    log.record(task.getProcessInstanceId(), CommunicationKind.HOLDING_RESPONSE, body, now, TaskActor.of(task));
    task.getExecution().setVariable(HOLDING_RESPONSE_SENT_AT, Date.from(now));
  }

  enum ResponseType {
    FULL,
    HOLDING,
    /** R9: a question to the Member instead of a response. */
    CLARIFICATION,
    /** R8: a disproportionate burden raised with the manager. */
    BURDEN;

    static ResponseType of(String value) {
      try {
        return valueOf(value);
      } catch (IllegalArgumentException e) {
        throw new BadUserRequestException("'responseType' must be one of " + java.util.Arrays.toString(values()) + "; got '" + value + "'");
      }
    }
  }
}
