package org.memberenquiries.casedata;

/** The keys of the processes in processes/. */
public final class Processes {

  public static final String MEMBER_ENQUIRY = "member-enquiry";
  public static final String ASK_MEMBER = "ask-member";
  public static final String AGREE_DEADLINE = "agree-deadline";
  public static final String ENQUIRY_ESCALATION = "enquiry-escalation";
  public static final String AFTER_THE_ANSWER = "after-the-answer";
  public static final String DOCUMENT_REQUEST = "document-request";

  private Processes() {}
}
