package org.memberenquiries.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The enquiry's own process instance, which the product's records (communication log, read model,
 * breaches, capacity) are kept under. A child process of an enquiry (ask-member, agree-deadline,
 * enquiry-escalation) is handed it explicitly as {@value #VARIABLE} and never looks it up through its
 * caller; the enquiry's process itself has none and is its own.
 */
public final class EnquiryInstance {

  public static final String VARIABLE = "enquiryProcessInstanceId";

  private EnquiryInstance() {}

  public static String of(DelegateExecution execution) {
    return given(execution, execution.getProcessInstanceId());
  }

  public static String of(DelegateTask task) {
    return given(task, task.getProcessInstanceId());
  }

  private static String given(VariableScope scope, String own) {
    return scope.getVariable(VARIABLE) instanceof String enquiry && !enquiry.isBlank() ? enquiry : own;
  }
}
