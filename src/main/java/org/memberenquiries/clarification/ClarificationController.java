package org.memberenquiries.clarification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.memberenquiries.enquiry.EnquiryAccess;
import org.memberenquiries.enquiry.EnquiryView;
import org.memberenquiries.enquiry.EnquiryViews;
import org.memberenquiries.enquiry.MemberReply;
import org.memberenquiries.enquiry.RegisteredEnquiry;
import org.memberenquiries.security.Caller;
import org.memberenquiries.web.ConflictException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Members' API: a Member answers the question an officer asked about their enquiry (R3, R9). */
@RestController
@RequestMapping("/api/enquiries")
@Tag(name = "Enquiries", description = "A Member's enquiries to officers (R3-R13)")
public class ClarificationController {

  private final EnquiryAccess access;
  private final EnquiryViews views;
  private final MemberReplies replies;

  public ClarificationController(EnquiryAccess access, EnquiryViews views, MemberReplies replies) {
    this.access = access;
    this.views = views;
    this.replies = replies;
  }

  @PostMapping("/{reference}/clarification")
  @Operation(summary = "The Member's reply to a question (R9) or to the question of their capacity (R3)")
  EnquiryView reply(@PathVariable String reference, @Valid @RequestBody MemberReply reply, Authentication user) {
    Caller caller = Caller.of(user);
    RegisteredEnquiry enquiry = access.ownedByMember(reference, caller);
    try {
      replies.reply(reference, reply.reply(), reply.capacity());
    } catch (NotAwaitingReplyException e) {
      throw new ConflictException(e.getMessage());
    }
    return views.view(enquiry);
  }
}
