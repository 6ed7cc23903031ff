package org.memberenquiries.enquiry;

import org.memberenquiries.casedata.EnquiryVariables;

import static org.memberenquiries.casedata.EnquiryVariables.*;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.memberenquiries.engine.Actor;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.Variables;
import org.memberenquiries.member.Members;
import org.springframework.stereotype.Component;

/**
 * An enquiry logged from Tasklist's start form has no reference yet (the API gives one before the
 * case starts). It is registered here, in the same transaction, so the Member finds it among their
 * enquiries like any other. A reference chosen by a user of the engine API or Tasklist is refused:
 * only the register gives one (the product's submission path starts its cases unauthenticated, as
 * the engine itself, after its own checks).
 */
@Component
public class TasklistRegistration {

  private final EnquiryRegister register;
  private final Members members;
  private final EngineClock clock;

  public TasklistRegistration(EnquiryRegister register, Members members, EngineClock clock) {
    this.register = register;
    this.members = members;
    this.clock = clock;
  }

  public void registerIfNew(DelegateExecution execution, String department) {
    String chosen = execution.getProcessBusinessKey();
    if (chosen != null && !chosen.isBlank()) {
      if (Actor.of(execution) != null) {
        // Through the engine API or Tasklist (a signed-in engine user): a chosen reference could take
        // another case's place (R11). The product's own submission starts the case as the engine itself.
        throw new BadUserRequestException("An enquiry's reference is given by the register: start it without a"
            + " business key (Tasklist's start form), or submit it through POST /api/enquiries");
      }
      return;
    }
    String memberId = Variables.requireText(execution, MEMBER_ID);
    if (members.find(memberId).isEmpty()) {
      throw new BadUserRequestException("'memberId' " + memberId + " is not a Member");
    }
    String loggedBy = Actor.of(execution);
    long number = register.add(memberId, loggedBy == null ? "tasklist" : loggedBy, department, clock.now(), null, null);
    String reference = EnquirySubmission.reference(number);
    register.link(number, reference, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(reference);
    execution.setVariable(SUBMITTED_BY, loggedBy);
  }
}
