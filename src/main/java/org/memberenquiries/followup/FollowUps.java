package org.memberenquiries.followup;

import static org.memberenquiries.casedata.EnquiryVariables.DISSATISFACTION_REASON;
import static org.memberenquiries.casedata.EnquiryVariables.FOLLOW_UP_QUESTION;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.memberenquiries.casedata.Messages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R5, R10 (issue 10 item 4): delivers the Member's follow-up or dissatisfaction to their answered enquiry
 * while its window for follow-ups is open (BPMN messages {@value Messages#MEMBER_FOLLOWED_UP} and
 * {@value Messages#MEMBER_NOT_SATISFIED}, correlated by the enquiry's reference, its business key). Who may
 * send them is the caller's to check (the Member who owns the enquiry).
 */
@Service
public class FollowUps {

  static final int MAX_TEXT_LENGTH = 20_000;

  private final RuntimeService runtime;

  public FollowUps(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** True while the enquiry with this reference waits for a follow-up (its window is open and nothing is under way). */
  public boolean isOpen(String reference) {
    return waiting(reference, Messages.MEMBER_FOLLOWED_UP) != null;
  }

  /** R5: the Member's follow-up; it goes back to the officer who answered, with a new response deadline. */
  @Transactional
  public void followUp(String reference, String question) {
    deliver(reference, Messages.MEMBER_FOLLOWED_UP, FOLLOW_UP_QUESTION, "the follow-up", question);
  }

  /** R10: the Member is not satisfied with the answer; Member Support tries to resolve it informally. */
  @Transactional
  public void notSatisfied(String reference, String reason) {
    deliver(reference, Messages.MEMBER_NOT_SATISFIED, DISSATISFACTION_REASON, "the reason", reason);
  }

  private void deliver(String reference, String message, String variable, String what, String text) {
    if (text == null || text.isBlank()) {
      throw new BadUserRequestException(what + " must not be empty");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new BadUserRequestException(what + " must be at most " + MAX_TEXT_LENGTH + " characters");
    }
    Execution waiting = waiting(reference, message);
    if (waiting == null) {
      throw new FollowUpsClosedException(reference);
    }
    runtime.createMessageCorrelation(message)
        .processInstanceId(waiting.getProcessInstanceId())
        .setVariable(variable, text.trim())
        .correlateWithResult();
  }

  private Execution waiting(String reference, String message) {
    return runtime.createExecutionQuery()
        .processInstanceBusinessKey(reference)
        .messageEventSubscriptionName(message)
        .singleResult();
  }
}
