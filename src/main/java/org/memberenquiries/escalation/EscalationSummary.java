package org.memberenquiries.escalation;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * R10, R11: what an escalation holds about its case: the breach and a summary for the referee to judge
 * it by (the member-enquiry call activities hand in exactly these), never the enquiry's text, answers
 * or the Member's replies. Escalations started before that (when the whole case was copied in) lose
 * their copies on start-up, so a referee's task no longer shows them.
 */
@Component
public class EscalationSummary {

  public static final String PROCESS = org.memberenquiries.casedata.Processes.ENQUIRY_ESCALATION;

  /** The case summary handed in by member-enquiry (besides the business key, the case's reference). */
  public static final List<String> CASE_SUMMARY = List.of("subject", "memberName", "department", "capacity");

  private static final Logger LOG = LoggerFactory.getLogger(EscalationSummary.class);

  static final Set<String> KEPT = Stream.concat(CASE_SUMMARY.stream(), Stream.of(
          EscalationVariables.MISSED_DEADLINE, EscalationVariables.MISSED_DEADLINE_DUE, EscalationVariables.BREACH_ID,
          EscalationVariables.ALREADY_ESCALATED, EscalationVariables.ENQUIRY_PROCESS_INSTANCE_ID,
          EscalationVariables.RESOLUTION_NOTES,
          EscalationVariables.MEMBER_SATISFIED, EscalationVariables.REFEREE, EscalationVariables.BREACH_OUTCOME,
          EscalationVariables.OUTCOME_NOTES, EscalationDueDates.RESOLVE_INFORMALLY_BY,
          EscalationDueDates.DECIDE_OUTCOME_BY))
      .collect(Collectors.toUnmodifiableSet());

  private final RuntimeService runtime;

  public EscalationSummary(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @EventListener(ApplicationStartedEvent.class)
  public void forgetCopiedCaseData() {
    int cleaned = 0;
    for (ProcessInstance escalation : runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).list()) {
      List<String> copied = runtime.createVariableInstanceQuery().processInstanceIdIn(escalation.getId()).list().stream()
          .filter(variable -> variable.getExecutionId().equals(escalation.getId()))
          .map(VariableInstance::getName).filter(name -> !KEPT.contains(name)).toList();
      if (!copied.isEmpty()) {
        try {
          runtime.removeVariables(escalation.getId(), copied);
          cleaned++;
        } catch (ProcessEngineException concurrent) {
          // Another node starting at the same time, or the escalation moving on: it is cleaned once anyway.
          LOG.debug("R11: escalation {} cleaned concurrently", escalation.getId(), concurrent);
        }
      }
    }
    if (cleaned > 0) {
      LOG.info("R11: removed the copied case data from {} running escalations", cleaned);
    }
  }
}
