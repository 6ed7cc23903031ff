package org.memberenquiries.capacity;

import static org.memberenquiries.casedata.EnquiryVariables.CAPACITY;
import static org.memberenquiries.casedata.EnquiryVariables.COUNCILLOR_ONLY;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * R3: information only available to a councillor is not released to a Member asking in any other
 * capacity. An officer marks a response councillor-only; it is then refused unless the capacity in
 * force (the {@link CapacityRecord}, never a value sent with the response) is the councillor one.
 */
@Component
public class CouncillorOnly {

  private final CapacityRecord capacities;

  public CouncillorOnly(CapacityRecord capacities) {
    this.capacities = capacities;
  }

  public void checkRelease(DelegateTask task) {
    Capacity capacity = capacityInForce(task);
    Object marked = task.getVariable(COUNCILLOR_ONLY);
    if (marked == null || !Boolean.parseBoolean(marked.toString())) {
      return;
    }
    if (!capacity.isCouncillor()) {
      throw new BadUserRequestException("R3: this response is marked councillor-only, but the Member asks as '"
          + capacity.label() + "'; it cannot be released to them");
    }
  }

  /**
   * The recorded capacity; a response that carries a different one is refused: the capacity changes
   * only through the capacity question (issue 7 item 6).
   */
  private Capacity capacityInForce(DelegateTask task) {
    Capacity variable = Capacity.of(CAPACITY, String.valueOf(task.getVariable(CAPACITY)));
    Capacity recorded = capacities.current(task.getProcessInstanceId()).orElse(variable);
    if (variable != recorded) {
      throw new BadUserRequestException("R3: the capacity is '" + recorded.label()
          + "' and changes only through the Member's answer to the capacity question; a response cannot change it");
    }
    return recorded;
  }
}
