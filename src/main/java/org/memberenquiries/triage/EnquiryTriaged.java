package org.memberenquiries.triage;

import static org.memberenquiries.enquiry.EnquiryVariables.*;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.capacity.CapacityRecord;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.TaskActor;
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

  private final CapacityRecord capacities;
  private final EngineClock clock;
  private final CaseRecord caseRecord;

  public EnquiryTriaged(CapacityRecord capacities, EngineClock clock, CaseRecord caseRecord) {
    this.capacities = capacities;
    this.clock = clock;
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
    confirmCapacity(task, capacity);
    if (capacity == Capacity.UNCLEAR) {
      if (Variables.text(task, CLARIFICATION_QUESTION) == null) {
        throw new BadUserRequestException(
            "R3: the capacity is unclear, so '" + CLARIFICATION_QUESTION + "' (what to ask the Member) is required");
      }
      task.getExecution().setVariable(RETURN_TO, Step.CAPACITY_CHECK.name());
    }
    caseRecord.triaged(task); // R3: the capacity as triaged; R16: when triage was done
  }

  /**
   * R3: the officer must not assume the capacity. Triage may correct a capacity the Member gave, but
   * turning an unclear capacity into a clear one, or any capacity into the councillor one, needs a
   * record of how the Member confirmed it ({@value #CAPACITY_CONFIRMATION}); otherwise the Member is
   * asked. Every change is recorded with who made it and when.
   */
  private void confirmCapacity(DelegateTask task, Capacity triaged) {
    Capacity submitted = capacities.current(task.getProcessInstanceId()).orElse(triaged);
    if (triaged == submitted) {
      return;
    }
    String confirmation = Variables.text(task, CAPACITY_CONFIRMATION);
    boolean assumes = submitted == Capacity.UNCLEAR || triaged.isCouncillor();
    if (assumes && confirmation == null) {
      throw new BadUserRequestException("R3: the Member gave the capacity as '" + submitted.label()
          + "'; do not assume '" + triaged.label() + "': keep it and ask the Member, or record in '"
          + CAPACITY_CONFIRMATION + "' how and when the Member confirmed it");
    }
    capacities.record(task.getProcessInstanceId(), triaged, clock.now(), TaskActor.of(task),
        confirmation != null ? "Confirmed by the Member: " + confirmation : "Corrected at triage");
  }
}
