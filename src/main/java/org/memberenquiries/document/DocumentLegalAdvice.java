package org.memberenquiries.document;

import static org.memberenquiries.document.DocumentVariables.LEGAL_ADVICE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.memberenquiries.engine.Variables;
import org.springframework.stereotype.Component;

/** R12: the chief legal officer's advice on a dispute must be recorded before the chief executive decides. */
@Component("documentLegalAdvice")
public class DocumentLegalAdvice implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Variables.requireText(task, LEGAL_ADVICE);
  }
}
