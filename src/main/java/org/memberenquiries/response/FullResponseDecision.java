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
import org.memberenquiries.enquiry.CaseRecord;
import org.memberenquiries.enquiry.DeadlineClock;
import org.memberenquiries.enquiry.Detours;
import org.memberenquiries.enquiry.Outcome;
import org.springframework.stereotype.Component;

/**
 * R7: on completing "Send full response" (or its revised-date twin), records the full response, or
 * the reasons it is late and the revised date the Member is given, which re-arms the deadline timer
 * and starts the regular progress-update reminders. The officer may instead ask the Member a question
 * (R9) or raise a disproportionate burden (R8).
 */
@Component("fullResponseDecision")
public class FullResponseDecision implements TaskListener {

  private final CommunicationLog log;
  private final EngineClock clock;
  private final WorkingCalendar calendar;
  private final ResponseProperties properties;
  private final CouncillorOnly councillorOnly;
  private final CaseRecord caseRecord;
  private final DeadlineClock deadlineClock;

  public FullResponseDecision(CommunicationLog log, EngineClock clock, WorkingCalendar calendar,
      ResponseProperties properties, CouncillorOnly councillorOnly, CaseRecord caseRecord, DeadlineClock deadlineClock) {
    this.deadlineClock = deadlineClock;
    this.councillorOnly = councillorOnly;
    this.caseRecord = caseRecord;
    this.log = log;
    this.clock = clock;
    this.calendar = calendar;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    String outcome = Variables.requireText(task, FULL_RESPONSE_OUTCOME);
    Instant now = clock.now();
    switch (outcome) {
      case "SENT" -> {
        String text = Variables.requireText(task, FULL_RESPONSE_TEXT);
        councillorOnly.checkRelease(task);
        log.record(task.getProcessInstanceId(), CommunicationKind.FULL_RESPONSE, text, now, TaskActor.of(task));
        task.getExecution().setVariable(FULL_RESPONSE_SENT_AT, Date.from(now));
        task.getExecution().setVariable(OUTCOME, Outcome.ANSWERED_IN_FULL.name());
      }
      case "DELAYED" -> recordDelay(task, now);
      case "CLARIFICATION" -> Detours.askMember(task);
      case "BURDEN" -> Detours.raiseBurden(task);
      default ->
          throw new BadUserRequestException(
              "'fullResponseOutcome' must be SENT, DELAYED, CLARIFICATION or BURDEN; got '" + outcome + "'");
    }
  }

  private void recordDelay(DelegateTask task, Instant now) {
    String reasons = Variables.text(task, DELAY_REASONS);
    LocalDate revised = Variables.date(task, REVISED_FULL_RESPONSE_DATE, calendar.zone());
    if (reasons == null || revised == null) {
      throw new BadUserRequestException(
          "R7: a delayed full response needs 'delayReasons' and 'revisedFullResponseDate'");
    }
    if (!revised.isAfter(now.atZone(calendar.zone()).toLocalDate())) {
      throw new BadUserRequestException(
          "R7: 'revisedFullResponseDate' must be a future date; got " + revised);
    }
    if (!calendar.isWorkingDay(revised)) {
      throw new BadUserRequestException(
          "R7: 'revisedFullResponseDate' " + revised + " is not a working day (R0)");
    }
    String body = "Reasons for the delay: " + reasons + "\nRevised date for the full response: " + CouncilDates.date(revised);
    log.record(task.getProcessInstanceId(), CommunicationKind.REVISED_DATE_NOTICE, body, now, TaskActor.of(task));
    deadlineClock.revise(task.getExecution(), revised);
    task.getExecution().setVariable(PROGRESS_UPDATE_CYCLE, properties.progressUpdateCycle());
    caseRecord.caseChanged(task); // R7: the revised date owed
  }
}
