package org.memberenquiries.triage;

import static org.memberenquiries.enquiry.EnquiryVariables.*;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.engine.Variables;
import org.memberenquiries.enquiry.CaseRecord;
import org.memberenquiries.enquiry.Step;
import org.springframework.stereotype.Component;

/**
 * R1, R2, R3: on completing "Triage enquiry", checks the officer's answers before the enquiry-scope
 * decision reads them: what is asked for, whether automated updates exist (needed for a progress
 * update, R2), and the capacity, with the question to ask when it is unclear (R3).
 */
@Component("enquiryTriaged")
public class EnquiryTriaged implements TaskListener {

  private final CaseRecord caseRecord;

  public EnquiryTriaged(CaseRecord caseRecord) {
    this.caseRecord = caseRecord;
  }

  @Override
  public void notify(DelegateTask task) {
    RequestKind kind = RequestKind.of(REQUEST_KIND, Variables.requireText(task, REQUEST_KIND));
    if (kind == RequestKind.PROGRESS_UPDATE && task.getVariable(AUTOMATED_UPDATES_EXIST) == null) {
      throw new BadUserRequestException(
          "R2: for a progress update, '" + AUTOMATED_UPDATES_EXIST
              + "' must say whether automated progress updates already exist for that service");
    }
    Object automated = task.getVariable(AUTOMATED_UPDATES_EXIST);
    task.getExecution().setVariable(AUTOMATED_UPDATES_EXIST, automated != null && Boolean.parseBoolean(automated.toString()));

    Capacity capacity = Capacity.of(CAPACITY, Variables.requireText(task, CAPACITY));
    if (capacity == Capacity.UNCLEAR) {
      if (Variables.text(task, CLARIFICATION_QUESTION) == null) {
        throw new BadUserRequestException(
            "R3: the capacity is unclear, so '" + CLARIFICATION_QUESTION + "' (what to ask the Member) is required");
      }
      task.getExecution().setVariable(RETURN_TO, Step.CAPACITY_CHECK.name());
    }
    caseRecord.caseChanged(task); // R3: the capacity as triaged
  }
}
