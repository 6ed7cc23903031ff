package org.memberenquiries.enquiry;

import static org.memberenquiries.enquiry.EnquiryVariables.*;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.memberenquiries.engine.Variables;

/**
 * R8, R9: instead of responding, an officer may ask the Member a question or raise a
 * disproportionate burden with their manager. Either way the case later comes back to the step it
 * left, which is remembered here.
 */
public final class Detours {

  private Detours() {}

  /** R9: the question must be written; the clock stops while the Member answers it. */
  public static void askMember(DelegateTask task) {
    if (Variables.text(task, CLARIFICATION_QUESTION) == null) {
      throw new BadUserRequestException("R9: '" + CLARIFICATION_QUESTION + "' (what to ask the Member) is required");
    }
    comeBackTo(task);
  }

  /** R8: the manager needs to know why the enquiry is a disproportionate burden. */
  public static void raiseBurden(DelegateTask task) {
    if (Variables.text(task, BURDEN_REASON) == null) {
      throw new BadUserRequestException(
          "R8: '" + BURDEN_REASON + "' (why the enquiry is a disproportionate burden) is required");
    }
    comeBackTo(task);
    // R8: until an alternative deadline is agreed the step's own deadline stands; the discussion
    // carries it (its due date and overdue timer), so it is recorded and escalated if it passes.
    task.getExecution().setVariable(OWED_DEADLINE, Step.ofTask(task.getTaskDefinitionKey()).deadline());
    task.getExecution().setVariable(OWED_DEADLINE_DUE, task.getDueDate());
  }

  private static void comeBackTo(DelegateTask task) {
    task.getExecution().setVariable(RETURN_TO, Step.ofTask(task.getTaskDefinitionKey()).name());
  }
}
