package org.memberenquiries.enquiry;

import org.memberenquiries.casedata.EnquiryVariables;

import static org.memberenquiries.casedata.EnquiryVariables.*;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.memberenquiries.engine.Variables;

/**
 * R8, R9: instead of responding, an officer may ask the Member a question or raise a
 * disproportionate burden with their manager. The step's call activity (ask-member, agree-deadline)
 * takes it from there and comes back to the step; what it needs from the officer is checked here.
 */
public final class Detours {

  private Detours() {}

  /** R9: the question must be written; the clock stops while the Member answers it. */
  public static void askMember(DelegateTask task) {
    if (Variables.text(task, CLARIFICATION_QUESTION) == null) {
      throw new BadUserRequestException("R9: '" + CLARIFICATION_QUESTION + "' (what to ask the Member) is required");
    }
    VersionFour.comeBackTo(task);
  }

  /** R8: the manager needs to know why the enquiry is a disproportionate burden. */
  public static void raiseBurden(DelegateTask task) {
    if (Variables.text(task, BURDEN_REASON) == null) {
      throw new BadUserRequestException(
          "R8: '" + BURDEN_REASON + "' (why the enquiry is a disproportionate burden) is required");
    }
    VersionFour.comeBackTo(task);
    VersionFour.carryDeadline(task);
  }
}
