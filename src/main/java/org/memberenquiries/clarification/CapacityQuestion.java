package org.memberenquiries.clarification;

import static org.memberenquiries.casedata.EnquiryVariables.CAPACITY_QUESTION;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.memberenquiries.enquiry.VersionFour;

/** R3: whether the open question asks the Member in which capacity they ask. */
final class CapacityQuestion {

  private CapacityQuestion() {}

  /** The capacity step says so when it calls ask-member; a version-4 enquiry said so with its return step. */
  static boolean isAsked(VariableScope question) {
    return isAsked(question.getVariable(CAPACITY_QUESTION), question.getVariable(VersionFour.RETURN_TO));
  }

  static boolean isAsked(Object capacityQuestion, Object returnTo) {
    if (capacityQuestion instanceof Boolean asked) {
      return asked;
    }
    return VersionFour.CAPACITY_CHECK.equals(returnTo);
  }
}
