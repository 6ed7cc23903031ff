package org.memberenquiries.escalation;

/** Variables of the enquiry-escalation process. */
public final class EscalationVariables {

  /** Which deadline was missed, and when it was due: handed in by the member-enquiry process. */
  public static final String MISSED_DEADLINE = "missedDeadline";
  public static final String MISSED_DEADLINE_DUE = "missedDeadlineDue";

  /** The enquiry, when the escalation was started by a late completion rather than called by it. */
  public static final String ENQUIRY_PROCESS_INSTANCE_ID = "enquiryProcessInstanceId";

  public static final String BREACH_ID = "breachId";
  public static final String ALREADY_ESCALATED = "alreadyEscalated";
  public static final String RESOLUTION_NOTES = "resolutionNotes";
  public static final String MEMBER_SATISFIED = "memberSatisfied";
  public static final String REFEREE = "referee";
  public static final String BREACH_OUTCOME = "breachOutcome";
  public static final String OUTCOME_NOTES = "outcomeNotes";

  private EscalationVariables() {}
}
