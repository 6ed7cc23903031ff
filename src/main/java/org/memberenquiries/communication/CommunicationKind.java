package org.memberenquiries.communication;

/** What passed between officers and the Member, by rule. */
public enum CommunicationKind {
  /** R4. */
  ACKNOWLEDGEMENT,
  /** R6: what is being done, with an estimated date for the full response. */
  HOLDING_RESPONSE,
  /** R5, R7. */
  FULL_RESPONSE,
  /** R7: reasons the full response is late, and the revised date. */
  REVISED_DATE_NOTICE,
  /** R7: regular update while the full response is late. */
  PROGRESS_UPDATE,
  /** R1, R2: where an out-of-scope request went. */
  REFERRAL_NOTICE,
  /** R3, R9: a question to the Member; the clock stops until the reply. */
  QUESTION_TO_MEMBER,
  /** R3, R9: the Member's reply to a question (the one entry written by the Member). */
  MEMBER_REPLY,
  /** R9: the enquiry closed because the Member did not reply within 10 working days. */
  CLOSED_NO_REPLY,
  /** R8: the manager's discussion with the Member about a disproportionate burden. */
  BURDEN_DISCUSSION,
  /** R5 (issue 10 item 4): the Member's follow-up on an answered enquiry; it has its own response deadline. */
  FOLLOW_UP,
  /** R5: the officer's answer to a follow-up. */
  FOLLOW_UP_RESPONSE,
  /** R10: the Member says they are not satisfied with the answer; Member Support tries to resolve it informally. */
  NOT_SATISFIED,
  /** R10: what Member Support did about the Member's dissatisfaction. */
  INFORMAL_RESOLUTION,
  /** The enquiry closed after the answer: the window for follow-ups ended, or the dissatisfaction was dealt with. */
  ENQUIRY_CLOSED,
  /** R14: an event, works or decision in the Member's ward or division, told beforehand (no enquiry). */
  WARD_EVENT_NOTICE,
  /**
   * R10: a step of a missed deadline's escalation told to the Member (raised with Member Support,
   * resolved informally, referred, decided). Outbox only, never in the communication log: the breach
   * log is its record.
   */
  ESCALATION_NOTICE,
  /** Staff email (outbox only): a new case in the department officers' queue. */
  STAFF_NEW_CASE,
  /** Staff email (outbox only): a deadline due at the end of the next working day (R4, R5, R7, R8). */
  STAFF_DEADLINE_REMINDER,
  /** Staff email (outbox only, R10): a breach in Member Support's or the referee's queue. */
  STAFF_BREACH;

  /** What the Member writes (a reply, a follow-up, their dissatisfaction); everything else is sent in an officer's name (R15). */
  public boolean fromMember() {
    return this == MEMBER_REPLY || this == FOLLOW_UP || this == NOT_SATISFIED;
  }

  /**
   * Whether the Member is emailed about it: everything sent to them, and the receipt of their follow-up or
   * dissatisfaction with what happens next (the new deadline, Member Support); never their reply to a question.
   */
  public boolean mailedToMember() {
    return this != MEMBER_REPLY;
  }
}
