package org.memberenquiries.enquiry;

import org.memberenquiries.casedata.EnquiryVariables;

import static org.memberenquiries.casedata.EnquiryVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When an officer's respond task opens, possibly again after a question to the Member (R9) or a
 * burden discussion (R8), it starts with no decision made: Tasklist fills a form from variables of
 * the same name, and the earlier choice must not come back preselected. History keeps the old values.
 */
@Component("freshDecision")
public class FreshDecision implements TaskListener {

  // R7: a further delay needs new reasons and a new revised date, not the last ones again.
  static final List<String> DECISION = List.of(RESPONSE_TYPE, FULL_RESPONSE_OUTCOME, CLARIFICATION_QUESTION, BURDEN_REASON,
      COUNCILLOR_ONLY, DELAY_REASONS, REVISED_FULL_RESPONSE_DATE);

  @Override
  public void notify(DelegateTask task) {
    task.getExecution().removeVariables(DECISION);
  }
}
