package org.memberenquiries.casedata;

/** Names of the member-enquiry process variables, shared by delegates, the API and tests. */
public final class EnquiryVariables {

  /** The case's reference (also its business key), shown in the Tasklist queues. */
  public static final String REFERENCE = "reference";

  // What the Member sent (R3: capacity).
  public static final String MEMBER_ID = "memberId";
  public static final String MEMBER_NAME = "memberName";
  public static final String SUBJECT = "subject";
  public static final String ENQUIRY_TEXT = "enquiryText";
  public static final String CAPACITY = "capacity";
  public static final String WARD = "ward";
  public static final String DEPARTMENT = "department";
  public static final String RECEIVED_AT = "receivedAt";
  public static final String PURPOSE = "purpose"; // R13
  public static final String SERVICE_REQUEST_REFERENCE = "serviceRequestReference"; // R2
  public static final String SUBMITTED_BY = "submittedBy";
  public static final String COUNCILLOR_ONLY = "councillorOnly"; // R3
  /** R3: at triage, how and when the Member confirmed a capacity they had left unclear. */
  public static final String CAPACITY_CONFIRMATION = "capacityConfirmation";

  // Worked out by the WorkingCalendar (R0, R4, R5, R7).
  public static final String EFFECTIVE_RECEIPT_DAY = "effectiveReceiptDay";
  public static final String ACKNOWLEDGE_BY = "acknowledgeBy";
  public static final String RESPOND_BY = "respondBy";
  public static final String FULL_RESPONSE_BY = "fullResponseBy";
  public static final String OFFICER_GROUP = "officerGroup";
  public static final String MANAGER_GROUP = "managerGroup";

  // Recorded by the officer's tasks (R4–R7).
  public static final String ACKNOWLEDGEMENT_TEXT = "acknowledgementText";
  public static final String ACKNOWLEDGED_AT = "acknowledgedAt";
  public static final String RESPONSE_TYPE = "responseType";
  public static final String RESPONSE_TEXT = "responseText";
  public static final String HOLDING_EXPLANATION = "holdingExplanation";
  public static final String ESTIMATED_FULL_RESPONSE_DATE = "estimatedFullResponseDate";
  public static final String HOLDING_RESPONSE_SENT_AT = "holdingResponseSentAt";
  public static final String FULL_RESPONSE_OUTCOME = "fullResponseOutcome";
  public static final String FULL_RESPONSE_TEXT = "fullResponseText";
  public static final String FULL_RESPONSE_SENT_AT = "fullResponseSentAt";
  public static final String DELAY_REASONS = "delayReasons";
  public static final String REVISED_FULL_RESPONSE_DATE = "revisedFullResponseDate";
  public static final String REVISED_FULL_RESPONSE_BY = "revisedFullResponseBy";
  public static final String PROGRESS_UPDATE_CYCLE = "progressUpdateCycle";
  public static final String PROGRESS_UPDATE_TEXT = "progressUpdateText";

  // Triage (R1, R2) and referral.
  public static final String REQUEST_KIND = "requestKind";
  public static final String AUTOMATED_UPDATES_EXIST = "automatedUpdatesExist";
  public static final String SCOPE = "scope";
  public static final String REFERRAL_REFERENCE = "referralReference";
  public static final String REFERRAL_MESSAGE = "referralMessage";
  public static final String REFERRED_TO = "referredTo";

  // How the case ended (R1, R2, R5, R7, R9), and whether its timescales still apply (R9).
  public static final String OUTCOME = "outcome";
  public static final String TIMESCALES_APPLY = "timescalesApply";


  // Clarification (R3, R9).
  public static final String CLARIFICATION_QUESTION = "clarificationQuestion";
  /** R3: the question asks in which capacity the Member asks (given to ask-member by the capacity step). */
  public static final String CAPACITY_QUESTION = "capacityQuestion";
  public static final String CLARIFICATION_REPLY = "clarificationReply";
  public static final String QUESTION_ASKED_AT = "questionAskedAt";
  public static final String REPLY_DUE_BY = "replyDueBy";
  public static final String AWAITING_MEMBER_REPLY = "awaitingMemberReply";
  public static final String WORKING_DAYS_WAITED = "workingDaysWaited";
  public static final String CLOCK_STOPPED_WORKING_DAYS = "clockStoppedWorkingDays";

  // Disproportionate burden (R8).
  public static final String BURDEN_REASON = "burdenReason";
  public static final String BURDEN_DISCUSSION = "burdenDiscussion";
  public static final String DEADLINE_AGREED = "deadlineAgreed";
  public static final String AGREED_DEADLINE = "agreedDeadline";
  public static final String AGREED_DEADLINE_BY = "agreedDeadlineBy";
  /** R8: the deadline of the step a burden was raised from, which stands until an agreement replaces it. */
  public static final String OWED_DEADLINE = "owedDeadline";
  public static final String OWED_DEADLINE_DUE = "owedDeadlineDue";

  // After the answer: follow-ups and dissatisfaction (R5, R10; issue 10 item 4).
  /** When the window for follow-ups ends (end of the N-th working day after the last answer). */
  public static final String FOLLOW_UP_WINDOW_ENDS_AT = "followUpWindowEndsAt";
  /** The officer who sent the last answer, to whom a follow-up goes back. */
  public static final String ANSWERING_OFFICER = "answeringOfficer";
  public static final String FOLLOW_UP_QUESTION = "followUpQuestion";
  /** R5: the follow-up's own response deadline. */
  public static final String FOLLOW_UP_RESPOND_BY = "followUpRespondBy";
  public static final String FOLLOW_UP_ANSWER = "followUpAnswer";
  public static final String DISSATISFACTION_REASON = "dissatisfactionReason";
  /** R10: what Member Support did about the Member's dissatisfaction, told to the Member. */
  public static final String INFORMAL_RESOLUTION = "informalResolution";

  private EnquiryVariables() {}
}
