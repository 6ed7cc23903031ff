package org.memberenquiries.document;

import static org.memberenquiries.document.DocumentVariables.*;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.memberenquiries.engine.Variables;
import org.springframework.stereotype.Component;

/**
 * R12: records the chief officer's decision, or the chief executive's on a dispute, with reasons;
 * each is kept under its own name so the Member sees both.
 */
@Component("documentDecisionRecorded")
public class DocumentDecisionRecorded implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String decision = Variables.requireText(task, DECISION);
    if (!decision.equals("GRANTED") && !decision.equals("REFUSED")) {
      throw new BadUserRequestException("R12: 'decision' must be GRANTED or REFUSED; got '" + decision + "'");
    }
    String reasons = Variables.requireText(task, DECISION_REASONS);
    boolean appeal = "DecideDispute".equals(task.getTaskDefinitionKey());
    task.getExecution().setVariable(appeal ? CHIEF_EXECUTIVE_DECISION : CHIEF_OFFICER_DECISION, decision);
    task.getExecution().setVariable(appeal ? CHIEF_EXECUTIVE_REASONS : CHIEF_OFFICER_REASONS, reasons);
    DocumentRequestState state = appeal
        ? (decision.equals("GRANTED") ? DocumentRequestState.GRANTED_ON_APPEAL : DocumentRequestState.REFUSAL_UPHELD)
        : (decision.equals("GRANTED") ? DocumentRequestState.GRANTED : DocumentRequestState.REFUSED);
    task.getExecution().setVariable(STATE, state.name());
  }
}
