package org.memberenquiries.clarification;

import static org.memberenquiries.casedata.EnquiryVariables.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.deadline.DeadlineCalculator;
import org.memberenquiries.engine.Actor;
import org.memberenquiries.engine.EnquiryInstance;
import org.memberenquiries.enquiry.CaseRecord;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.Variables;
import org.springframework.stereotype.Component;

/**
 * "Send question to Member" (R3, R9): records the question and when it was asked, which is when the
 * clock stops, and when the Member's reply is due (10 working days).
 */
@Component("questionSent")
public class QuestionSent implements JavaDelegate {

  private final CommunicationLog log;
  private final DeadlineCalculator deadlines;
  private final EngineClock clock;
  private final CaseRecord caseRecord;

  public QuestionSent(CommunicationLog log, DeadlineCalculator deadlines, EngineClock clock, CaseRecord caseRecord) {
    this.caseRecord = caseRecord;
    this.log = log;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String question = Variables.requireText(execution, CLARIFICATION_QUESTION);
    Instant now = clock.now();
    String enquiry = EnquiryInstance.of(execution);
    log.record(enquiry, CommunicationKind.QUESTION_TO_MEMBER, question, now, Actor.of(execution));
    Date replyDueBy = Date.from(deadlines.clarificationReplyDueBy(now).toInstant());
    execution.setVariable(QUESTION_ASKED_AT, Date.from(now));
    execution.setVariable(REPLY_DUE_BY, replyDueBy);
    execution.setVariable(AWAITING_MEMBER_REPLY, true);
    execution.removeVariable(CLARIFICATION_REPLY);
    caseRecord.questionAsked(enquiry, replyDueBy.toInstant(), CapacityQuestion.isAsked(execution)); // R9: the reply due date
  }
}
