package org.memberenquiries.document;

/** Where a need-to-know request stands (R12). */
public enum DocumentRequestState {
  AWAITING_DECISION,
  GRANTED,
  /** Refused by the chief officer; the Member may dispute it until {@code disputeBy}. */
  REFUSED,
  DISPUTED,
  GRANTED_ON_APPEAL,
  REFUSAL_UPHELD,
  /** Refused and not disputed in time. */
  REFUSAL_STANDS
}
