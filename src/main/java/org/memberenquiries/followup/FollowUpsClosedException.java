package org.memberenquiries.followup;

/** The enquiry is not waiting for a follow-up: not answered yet, its window ended, or one is under way. */
public class FollowUpsClosedException extends RuntimeException {

  public FollowUpsClosedException(String reference) {
    super("Enquiry " + reference + " is not open for follow-ups: it is not answered in full yet, its window for"
        + " follow-ups has ended, or a follow-up or dissatisfaction is already being dealt with");
  }
}
