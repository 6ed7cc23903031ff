package org.memberenquiries.burden;

import org.memberenquiries.calendar.CouncilDates;
import static org.memberenquiries.casedata.EnquiryVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.TaskActor;
import org.memberenquiries.engine.Variables;
import org.memberenquiries.engine.EnquiryInstance;
import org.springframework.stereotype.Component;

/**
 * R8: on completing "Discuss burden with the Member", records the manager's discussion and checks an
 * agreed alternative deadline: a working day (R0) after today.
 */
@Component("burdenDiscussed")
public class BurdenDiscussed implements TaskListener {

  private final CommunicationLog log;
  private final EngineClock clock;
  private final WorkingCalendar calendar;

  public BurdenDiscussed(CommunicationLog log, EngineClock clock, WorkingCalendar calendar) {
    this.log = log;
    this.clock = clock;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    String discussion = Variables.requireText(task, BURDEN_DISCUSSION);
    boolean agreed = Boolean.parseBoolean(String.valueOf(task.getVariable(DEADLINE_AGREED)));
    Instant now = clock.now();
    String record = discussion;
    if (agreed) {
      LocalDate deadline = Variables.date(task, AGREED_DEADLINE, calendar.zone());
      if (deadline == null) {
        throw new BadUserRequestException("R8: an agreed alternative deadline needs '" + AGREED_DEADLINE + "'");
      }
      if (!deadline.isAfter(now.atZone(calendar.zone()).toLocalDate())) {
        throw new BadUserRequestException("R8: '" + AGREED_DEADLINE + "' must be a future date; got " + deadline);
      }
      if (!calendar.isWorkingDay(deadline)) {
        throw new BadUserRequestException("R8: '" + AGREED_DEADLINE + "' " + deadline + " is not a working day (R0)");
      }
      record += "\n\nAlternative deadline agreed with the Member: " + CouncilDates.date(deadline);
    }
    log.record(EnquiryInstance.of(task), CommunicationKind.BURDEN_DISCUSSION, record, now, TaskActor.of(task));
    task.getExecution().setVariable(DEADLINE_AGREED, agreed);
  }
}
