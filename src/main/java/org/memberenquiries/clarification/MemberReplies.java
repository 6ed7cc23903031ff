package org.memberenquiries.clarification;

import static org.memberenquiries.casedata.EnquiryVariables.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.capacity.CapacityRecord;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.EnquiryInstance;
import org.memberenquiries.enquiry.VersionFour;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R3, R9: delivers a Member's reply to the enquiry waiting for it (BPMN message {@value #MESSAGE},
 * correlated by the enquiry's reference, its business key). A reply to a capacity question must
 * name the capacity (R3).
 */
@Service
public class MemberReplies {

  public static final String MESSAGE = org.memberenquiries.casedata.Messages.MEMBER_REPLIED;
  static final int MAX_REPLY_LENGTH = 20_000;

  private final RuntimeService runtime;
  private final CapacityRecord capacities;
  private final EngineClock clock;

  public MemberReplies(RuntimeService runtime, CapacityRecord capacities, EngineClock clock) {
    this.runtime = runtime;
    this.capacities = capacities;
    this.clock = clock;
  }

  /** True if the enquiry with this reference is waiting for the Member's reply. */
  public boolean isAwaitingReply(String reference) {
    return waitingExecution(reference) != null;
  }

  @Transactional
  public void reply(String reference, String reply, Capacity capacity) {
    if (reply == null || reply.isBlank()) {
      throw new BadUserRequestException("R9: the reply must not be empty");
    }
    if (reply.length() > MAX_REPLY_LENGTH) {
      throw new BadUserRequestException("R9: the reply must be at most " + MAX_REPLY_LENGTH + " characters");
    }
    Execution waiting = waitingExecution(reference);
    if (waiting == null) {
      throw new NotAwaitingReplyException(reference);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(CLARIFICATION_REPLY, reply.trim());
    boolean capacityQuestion = CapacityQuestion.isAsked(runtime.getVariable(waiting.getId(), CAPACITY_QUESTION),
        runtime.getVariable(waiting.getId(), VersionFour.RETURN_TO));
    String enquiry = EnquiryInstance.given(runtime.getVariable(waiting.getId(), EnquiryInstance.VARIABLE),
        waiting.getProcessInstanceId());
    if (capacityQuestion && (capacity == null || capacity == Capacity.UNCLEAR)) {
      throw new BadUserRequestException(
          "R3: the Member was asked in which capacity they ask; the reply must give 'capacity' (not UNCLEAR)");
    }
    if (!capacityQuestion && capacity != null) {
      // Issue 7 item 6: the capacity changes only through the capacity question.
      throw new BadUserRequestException(
          "R3: the Member was asked a question, not their capacity; 'capacity' can only be given in answer to the"
              + " capacity question");
    }
    if (capacityQuestion) {
      variables.put(CAPACITY, capacity.name());
      capacities.record(enquiry, capacity, clock.now(),
          String.valueOf(runtime.getVariable(waiting.getId(), MEMBER_ID)),
          "The Member's answer to the capacity question");
    }
    runtime.createMessageCorrelation(MESSAGE)
        .processInstanceId(waiting.getProcessInstanceId())
        .setVariables(variables)
        .correlateWithResult();
  }

  /** The question waiting for the reply: ask-member's (or, on version 4, the enquiry's), under the enquiry's reference. */
  private Execution waitingExecution(String reference) {
    return runtime.createExecutionQuery()
        .processInstanceBusinessKey(reference)
        .messageEventSubscriptionName(MESSAGE)
        .singleResult();
  }
}
