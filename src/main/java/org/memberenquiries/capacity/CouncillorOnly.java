package org.memberenquiries.capacity;

import static org.memberenquiries.enquiry.EnquiryVariables.CAPACITY;
import static org.memberenquiries.enquiry.EnquiryVariables.COUNCILLOR_ONLY;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * R3: information only available to a councillor is not released to a Member asking in any other
 * capacity. An officer marks a response councillor-only; it is then refused unless the enquiry's
 * capacity is the councillor one.
 */
public final class CouncillorOnly {

  private CouncillorOnly() {}

  public static void checkRelease(DelegateTask task) {
    Object marked = task.getVariable(COUNCILLOR_ONLY);
    if (marked == null || !Boolean.parseBoolean(marked.toString())) {
      return;
    }
    Capacity capacity = Capacity.of(CAPACITY, String.valueOf(task.getVariable(CAPACITY)));
    if (!capacity.isCouncillor()) {
      throw new BadUserRequestException("R3: this response is marked councillor-only, but the Member asks as '"
          + capacity.label() + "'; it cannot be released to them");
    }
  }
}
