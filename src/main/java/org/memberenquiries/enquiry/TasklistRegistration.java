package org.memberenquiries.enquiry;

import static org.memberenquiries.enquiry.EnquiryVariables.*;

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
 * enquiries like any other.
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
    if (execution.getProcessBusinessKey() != null) {
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
