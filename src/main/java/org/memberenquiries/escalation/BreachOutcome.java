package org.memberenquiries.escalation;

import static org.memberenquiries.escalation.EscalationVariables.*;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.TaskActor;
import org.memberenquiries.engine.Variables;
import org.springframework.stereotype.Component;

/**
 * R10: records how a breach ended, from the Member Support task (resolved informally, or referred)
 * or from the referee's decision (executive director, monitoring officer, chief financial officer).
 * The bean name differs from the {@code breachOutcome} variable, which would otherwise shadow it in
 * the listener expression.
 */
@Component("breachOutcomeRecorded")
public class BreachOutcome implements TaskListener {

  static final String RESOLVED_INFORMALLY = "RESOLVED_INFORMALLY";

  private final BreachLog breaches;
  private final EngineClock clock;

  public BreachOutcome(BreachLog breaches, EngineClock clock) {
    this.breaches = breaches;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    long breachId = ((Number) task.getVariable(BREACH_ID)).longValue();
    String decidedBy = TaskActor.of(task);
    if ("ResolveInformally".equals(task.getTaskDefinitionKey())) {
      String notes = Variables.requireText(task, RESOLUTION_NOTES);
      boolean memberSatisfied = memberSatisfied(task.getVariable(MEMBER_SATISFIED));
      // Forms may send "true"/"false"; the gateway reads a boolean.
      task.getExecution().setVariable(MEMBER_SATISFIED, memberSatisfied);
      if (memberSatisfied) {
        breaches.decide(breachId, RESOLVED_INFORMALLY, notes, decidedBy, clock.now());
      } else {
        breaches.referred(breachId, Referee.of(Variables.requireText(task, REFEREE)).group);
      }
      return;
    }
    String outcome = Variables.requireText(task, BREACH_OUTCOME);
    if (!outcome.equals("UPHELD") && !outcome.equals("NOT_UPHELD")) {
      throw new BadUserRequestException("'breachOutcome' must be UPHELD or NOT_UPHELD; got '" + outcome + "'");
    }
    breaches.decide(breachId, outcome, Variables.requireText(task, OUTCOME_NOTES), decidedBy, clock.now());
  }

  private static boolean memberSatisfied(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if ("true".equals(String.valueOf(value)) || "false".equals(String.valueOf(value))) {
      return Boolean.parseBoolean(value.toString());
    }
    throw new BadUserRequestException("'memberSatisfied' must be true or false; got '" + value + "'");
  }

  /** Who decides a breach that Member Support could not resolve (R10); each is a Tasklist group. */
  enum Referee {
    EXECUTIVE_DIRECTOR("executive-director"),
    MONITORING_OFFICER("monitoring-officer"),
    CHIEF_FINANCIAL_OFFICER("chief-financial-officer");

    final String group;

    Referee(String group) {
      this.group = group;
    }

    static Referee of(String group) {
      for (Referee referee : values()) {
        if (referee.group.equals(group)) {
          return referee;
        }
      }
      throw new BadUserRequestException(
          "'referee' must be executive-director, monitoring-officer or chief-financial-officer; got '" + group + "'");
    }
  }
}
