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

  /** The enquiry named by a child's {@value #VARIABLE} value, read however; else the process's own instance. */
  public static String given(Object named, String own) {
    return named instanceof String enquiry && !enquiry.isBlank() ? enquiry : own;
  }

  private static String given(VariableScope scope, String own) {
    return given(scope.getVariable(VARIABLE), own);
  }
}
