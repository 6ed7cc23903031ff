package org.memberenquiries.casedata;

/** The BPMN messages a Member sends into a process (their names in processes/). */
public final class Messages {

  /** R3, R9: the Member's reply to a question (ask-member). */
  public static final String MEMBER_REPLIED = "MemberReplied";
  /** R12: the Member disputes a refused need-to-know request (document-request). */
  public static final String DOCUMENT_REFUSAL_DISPUTED = "DocumentRefusalDisputed";

  private Messages() {}
}
