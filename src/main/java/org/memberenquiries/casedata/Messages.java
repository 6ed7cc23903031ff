package org.memberenquiries.casedata;

/** The BPMN messages a Member sends into a process (their names in processes/). */
public final class Messages {

  /** R3, R9: the Member's reply to a question (ask-member). */
  public static final String MEMBER_REPLIED = "MemberReplied";
  /** R12: the Member disputes a refused need-to-know request (document-request). */
  public static final String DOCUMENT_REFUSAL_DISPUTED = "DocumentRefusalDisputed";

  /** R5: the Member asks a follow-up on an answered enquiry (after-the-answer). */
  public static final String MEMBER_FOLLOWED_UP = "MemberFollowedUp";
  /** R10: the Member says they are not satisfied with the answer (after-the-answer). */
  public static final String MEMBER_NOT_SATISFIED = "MemberNotSatisfied";

  private Messages() {}
}
