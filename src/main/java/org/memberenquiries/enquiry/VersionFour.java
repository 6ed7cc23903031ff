package org.memberenquiries.enquiry;

import org.memberenquiries.casedata.EnquiryVariables;

import static org.memberenquiries.casedata.EnquiryVariables.OWED_DEADLINE;
import static org.memberenquiries.casedata.EnquiryVariables.OWED_DEADLINE_DUE;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Enquiries started on member-enquiry version 4, before issue 8's spine, run to the end on their own
 * version. That model sent every question (R3, R9) and burden (R8) through one shared row and came back
 * through a "Back to which step?" gateway on {@value #RETURN_TO}, and its burden discussion took the
 * step's deadline from {@code owedDeadline}: what the officer's task left behind is set here, for those
 * enquiries only (a model with that gateway). Version 5 passes the step's question and deadline to its
 * child processes explicitly and reads none of this. Remove it once no version-4 enquiry is open
 * ({@code select count(*) from act_ru_execution e join act_re_procdef d on e.proc_def_id_ = d.id_
 * where d.key_ = 'member-enquiry' and d.version_tag_ = '4'}).
 */
public final class VersionFour {

  public static final String RETURN_TO = "returnTo";
  public static final String CAPACITY_CHECK = "CAPACITY_CHECK";
  private static final String ROUTER = "ReturnTo";

  /** Version 4's officer tasks: the step each stood for, and the deadline owed there. */
  private static final Map<String, String[]> STEPS = Map.of(
      "RespondToEnquiry", new String[] {"RESPOND", "RESPONSE"},
      "SendFullResponse", new String[] {"FULL_RESPONSE", "FULL_RESPONSE"},
      "SendFullResponseByRevisedDate", new String[] {"REVISED_FULL_RESPONSE", "REVISED_FULL_RESPONSE"});

  private VersionFour() {}

  /** R8, R9: the step the question or burden came from, for version 4's router. */
  public static void comeBackTo(DelegateTask task) {
    String[] step = STEPS.get(task.getTaskDefinitionKey());
    if (routesBack(task) && step != null) {
      task.getExecution().setVariable(RETURN_TO, step[0]);
    }
  }

  /** R8: the step's deadline, which version 4's burden discussion carries. */
  public static void carryDeadline(DelegateTask task) {
    String[] step = STEPS.get(task.getTaskDefinitionKey());
    if (routesBack(task) && step != null) {
      task.getExecution().setVariable(OWED_DEADLINE, step[1]);
      task.getExecution().setVariable(OWED_DEADLINE_DUE, task.getDueDate());
    }
  }

  /** R3: a capacity question at triage comes back to the capacity check. */
  public static void comeBackToCapacityCheck(DelegateTask task) {
    if (routesBack(task)) {
      task.getExecution().setVariable(RETURN_TO, CAPACITY_CHECK);
    }
  }

  private static boolean routesBack(DelegateTask task) {
    return task.getExecution() instanceof ExecutionEntity execution
        && execution.getProcessDefinition().findActivity(ROUTER) != null;
  }
}
