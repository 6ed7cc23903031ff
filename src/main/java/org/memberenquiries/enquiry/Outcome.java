package org.memberenquiries.enquiry;

/** How an enquiry ended. */
public enum Outcome {
  /** R5: answered with a full response within the first step. */
  ANSWERED,
  /** R7: answered in full after a holding response. */
  ANSWERED_IN_FULL,
  /** R1, R2: out of scope, passed to another procedure or channel. */
  REFERRED,
  /** R9: the Member did not answer a question within 10 working days; timescales no longer apply. */
  NO_RESPONSE_FROM_MEMBER
}
