package org.memberenquiries.communication;

/** What an officer sent the Member, by rule. */
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
  PROGRESS_UPDATE
}
