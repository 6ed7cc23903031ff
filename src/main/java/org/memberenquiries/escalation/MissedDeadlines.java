package org.memberenquiries.escalation;

import static org.memberenquiries.escalation.EscalationVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.AsTheEngine;
import org.memberenquiries.engine.EnquiryInstance;
import org.springframework.stereotype.Component;

/**
 * R10, issue 7 item 11: a deadline missed is a fact from the times alone. When an officer completes a
 * step after its deadline and its overdue timer has not fired yet (the job executor was behind, or
 * lost the race to this completion), the missed deadline is recorded and escalated here, exactly as
 * the timer would have: the enquiry-escalation process starts for it. When the timer got there first,
 * the breach is already recorded and nothing more happens. Used by each step's task in the BPMN as
 * {@code ${missedDeadlines.recordIfLate(task, 'RESPONSE')}}: the deadline is the task's due date.
 */
@Component("missedDeadlines")
public class MissedDeadlines {

  private final BreachLog breaches;
  private final RuntimeService runtime;
  private final AsTheEngine asTheEngine;
  private final EngineClock clock;

  public MissedDeadlines(BreachLog breaches, RuntimeService runtime, AsTheEngine asTheEngine, EngineClock clock) {
    this.breaches = breaches;
    this.runtime = runtime;
    this.asTheEngine = asTheEngine;
    this.clock = clock;
  }

  public void recordIfLate(DelegateTask task, String deadlineKind) {
    Date due = task.getDueDate();
    if (due == null || !clock.now().isAfter(due.toInstant())) {
      return;
    }
    MissedDeadline deadline = MissedDeadline.valueOf(deadlineKind);
    if (breaches.isRecorded(EnquiryInstance.of(task), deadline, due.toInstant())) {
      return;
    }
    escalate(task, task.getExecution().getProcessBusinessKey(), EnquiryInstance.of(task), deadline, due.toInstant());
  }

  /**
   * Starts the enquiry-escalation process on its own for a missed deadline: it then runs its course
   * (weeks, with Member Support and a referee) without holding up the step or detour that missed it.
   */
  public void escalate(VariableScope scope, String reference, String enquiry, MissedDeadline deadline, Instant due) {
    Map<String, Object> variables = new HashMap<>();
    for (String name : EscalationSummary.CASE_SUMMARY) {
      variables.put(name, scope.getVariable(name));
    }
    variables.put(MISSED_DEADLINE, deadline.name());
    variables.put(MISSED_DEADLINE_DUE, Date.from(due));
    variables.put(ENQUIRY_PROCESS_INSTANCE_ID, enquiry);
    // The escalation is the engine's bookkeeping, not the officer's act: an officer may not start
    // escalations themselves (security.CamundaAuthorizations).
    asTheEngine.run(() -> runtime.startProcessInstanceByKey(EscalationSummary.PROCESS, reference, variables));
  }
}
