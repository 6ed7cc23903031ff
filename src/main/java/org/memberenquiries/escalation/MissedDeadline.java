package org.memberenquiries.escalation;

/** Which deadline an enquiry missed (R4, R5, R7, or a revised or agreed date). */
public enum MissedDeadline {
  ACKNOWLEDGEMENT,
  RESPONSE,
  FULL_RESPONSE,
  REVISED_FULL_RESPONSE
}
