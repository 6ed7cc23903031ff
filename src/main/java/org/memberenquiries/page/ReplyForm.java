package org.memberenquiries.page;

import java.util.List;
import java.util.Locale;
import org.memberenquiries.enquiry.MemberReply;

/**
 * The Member's reply to an officer's question (R9), with the capacity they ask in when that was the
 * question (R3). Checked by turning it into the API's {@link MemberReply}, so the limits are the same.
 */
public class ReplyForm {

  static final List<String> FIELDS = List.of("reply", "capacity");

  private String reply;
  private String capacity;

  MemberReply toMemberReply() {
    return new MemberReply(reply, EnquiryForm.capacity(capacity));
  }

  static String message(String field, String constraint, Object max) {
    if ("reply".equals(field)) {
      return "Size".equals(constraint)
          ? "Your reply must be " + (max instanceof Number n ? String.format(Locale.UK, "%,d", n.longValue()) : max)
              + " characters or fewer"
          : "Enter your reply";
    }
    return "Select the capacity you are asking in";
  }

  public String getReply() {
    return reply;
  }

  public void setReply(String reply) {
    this.reply = reply;
  }

  public String getCapacity() {
    return capacity;
  }

  public void setCapacity(String capacity) {
    this.capacity = capacity;
  }
}
