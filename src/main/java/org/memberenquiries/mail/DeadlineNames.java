package org.memberenquiries.mail;

import org.memberenquiries.escalation.MissedDeadline;

/** How a deadline is named in an email, to staff or to the Member. */
final class DeadlineNames {

  private DeadlineNames() {}

  static String of(MissedDeadline deadline) {
    return switch (deadline) {
      case ACKNOWLEDGEMENT -> "the acknowledgement (R4)";
      case RESPONSE -> "the response (R5)";
      case FULL_RESPONSE -> "the full response (R7)";
      case REVISED_FULL_RESPONSE -> "the full response by the revised date (R7)";
      case FOLLOW_UP_RESPONSE -> "the answer to a follow-up (R5)";
    };
  }

  /** For the Member: without the rule numbers. */
  static String forMember(MissedDeadline deadline) {
    return switch (deadline) {
      case ACKNOWLEDGEMENT -> "the acknowledgement of your enquiry";
      case RESPONSE -> "our response to your enquiry";
      case FULL_RESPONSE -> "our full response to your enquiry";
      case REVISED_FULL_RESPONSE -> "our full response by the revised date we gave you";
      case FOLLOW_UP_RESPONSE -> "our answer to your follow-up";
    };
  }
}
