package org.memberenquiries.escalation;

import static org.memberenquiries.escalation.EscalationVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.memberenquiries.casedata.EnquiryVariables;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Record the breach" (R10): every missed deadline is recorded once, with its due date and the moment
 * it was missed. A deadline already recorded (its timer re-armed on the same date) is not recorded
 * again; a moved deadline missed again is recorded but not escalated a second time.
 */
@Component("recordBreach")
public class RecordBreach implements JavaDelegate {

  private final BreachLog breaches;
  private final EngineClock clock;
  private final ApplicationEventPublisher events;

  public RecordBreach(BreachLog breaches, EngineClock clock, ApplicationEventPublisher events) {
    this.breaches = breaches;
    this.clock = clock;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String enquiry = enquiryProcessInstanceId(execution);
    MissedDeadline deadline = missedDeadline(execution);
    Instant due = Variables.instant(execution, MISSED_DEADLINE_DUE, java.time.ZoneOffset.UTC);
    if (due == null) {
      throw new BadUserRequestException("Variable '" + MISSED_DEADLINE_DUE + "' is required");
    }
    BreachLog.Recorded breach =
        breaches.recordOnce(
            enquiry,
            execution.getBusinessKey(),
            Variables.text(execution, EnquiryVariables.DEPARTMENT),
            deadline,
            due,
            clock.now());
    // Escalated once per missed deadline: not when this one was already recorded (a timer re-armed on
    // a date already missed), nor when the same obligation, moved, was escalated before.
    boolean escalate = breach.isNew() && !breaches.alreadyEscalated(enquiry, deadline);
    if (escalate) {
      breaches.escalated(breach.id());
      // R10: the Member is told (mail.EscalationNotices), in this step's transaction
      events.publishEvent(new BreachEscalation(BreachEscalation.Step.RAISED,
          breaches.find(breach.id()).orElseThrow(), null, null, clock.now()));
    }
    execution.setVariable(BREACH_ID, breach.id());
    execution.setVariable(ALREADY_ESCALATED, !escalate);
  }

  /**
   * The enquiry this escalation is about, as its caller names it (every call activity and a late
   * completion, {@link MissedDeadlines}, pass {@code enquiryProcessInstanceId}); or itself when started alone.
   * Enquiries started on member-enquiry version 4 (before issue 8's spine) call it without the name:
   * for them, and only them, it is the calling process.
   */
  private static String enquiryProcessInstanceId(DelegateExecution execution) {
    String named = Variables.text(execution, ENQUIRY_PROCESS_INSTANCE_ID);
    if (named != null) {
      return named;
    }
    DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
    return caller != null ? caller.getProcessInstanceId() : execution.getProcessInstanceId();
  }

  private static MissedDeadline missedDeadline(DelegateExecution execution) {
    String value = Variables.requireText(execution, MISSED_DEADLINE);
    try {
      return MissedDeadline.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException("Unknown missed deadline '" + value + "'");
    }
  }
}
