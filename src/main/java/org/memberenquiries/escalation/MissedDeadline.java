package org.memberenquiries.escalation;

/** Which deadline an enquiry missed (R4, R5, R7, or a revised or agreed date; R5 a follow-up's answer). */
public enum MissedDeadline {
  ACKNOWLEDGEMENT,
  RESPONSE,
  FULL_RESPONSE,
  REVISED_FULL_RESPONSE,
  /** R5: the answer to a follow-up asked after the full response (issue 10 item 4). */
  FOLLOW_UP_RESPONSE
}
