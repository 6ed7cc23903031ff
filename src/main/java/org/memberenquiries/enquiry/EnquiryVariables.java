package org.memberenquiries.enquiry;

/** Names of the member-enquiry process variables, shared by delegates, the API and tests. */
public final class EnquiryVariables {

  // What the Member sent (R3: capacity).
  public static final String MEMBER_ID = "memberId";
  public static final String MEMBER_NAME = "memberName";
  public static final String SUBJECT = "subject";
  public static final String ENQUIRY_TEXT = "enquiryText";
  public static final String CAPACITY = "capacity";
  public static final String WARD = "ward";
  public static final String DEPARTMENT = "department";
  public static final String RECEIVED_AT = "receivedAt";

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

  private EnquiryVariables() {}
}
