package org.memberenquiries.enquiry;

/** Where an enquiry stands, as its Member sees it. */
public enum EnquiryState {
  /** Received; triage and acknowledgement (R4) pending. */
  RECEIVED,
  /** Acknowledged (R4); response pending (R5). */
  ACKNOWLEDGED,
  /** Waiting for the Member's answer to a question (R3, R9); the clock is stopped. */
  AWAITING_MEMBER,
  /** A holding response was sent (R6); the full response is pending (R7). */
  HOLDING_RESPONSE_SENT,
  /** Answered in full (R5, R7). */
  ANSWERED,
  /** Answered; the Member asked a follow-up, which the officer is answering by its own deadline (R5). */
  FOLLOW_UP,
  /** Answered; the Member said they are not satisfied and Member Support is resolving it informally (R10). */
  NOT_SATISFIED,
  /** Out of scope and referred elsewhere (R1, R2). */
  REFERRED,
  /** Closed: the Member did not answer a question within 10 working days (R9). */
  CLOSED_NO_RESPONSE
}
