package org.memberenquiries.clarification;

import org.camunda.bpm.engine.BadUserRequestException;

/** A reply was sent for an enquiry that is not waiting for one (no open question, or already closed). */
public class NotAwaitingReplyException extends BadUserRequestException {

  public NotAwaitingReplyException(String reference) {
    super("Enquiry " + reference + " is not waiting for a reply from the Member");
  }
}
