package org.memberenquiries.followup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.memberenquiries.enquiry.EnquiryAccess;
import org.memberenquiries.enquiry.EnquiryView;
import org.memberenquiries.enquiry.EnquiryViews;
import org.memberenquiries.enquiry.RegisteredEnquiry;
import org.memberenquiries.security.Caller;
import org.memberenquiries.web.ConflictException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Members' API after the answer (R5, R10; issue 10 item 4): a follow-up, or dissatisfaction. */
@RestController
@RequestMapping("/api/enquiries")
@Tag(name = "Enquiries", description = "A Member's enquiries to officers (R3-R13)")
public class FollowUpController {

  private final EnquiryAccess access;
  private final EnquiryViews views;
  private final FollowUps followUps;

  public FollowUpController(EnquiryAccess access, EnquiryViews views, FollowUps followUps) {
    this.access = access;
    this.views = views;
    this.followUps = followUps;
  }

  @PostMapping("/{reference}/follow-up")
  @Operation(summary = "R5: ask a follow-up on an answered enquiry, within its window for follow-ups; it goes back"
      + " to the officer who answered, with a new response deadline (409 outside the window)")
  EnquiryView followUp(@PathVariable String reference, @Valid @RequestBody FollowUpRequest request, Authentication user) {
    RegisteredEnquiry enquiry = access.ownedByMember(reference, Caller.of(user));
    try {
      followUps.followUp(reference, request.question());
    } catch (FollowUpsClosedException e) {
      throw new ConflictException(e.getMessage());
    }
    return views.view(enquiry);
  }

  @PostMapping("/{reference}/not-satisfied")
  @Operation(summary = "R10: say you are not satisfied with the answer, within the window for follow-ups; Member"
      + " Support tries to resolve it informally (409 outside the window)")
  EnquiryView notSatisfied(@PathVariable String reference, @Valid @RequestBody NotSatisfiedRequest request,
      Authentication user) {
    RegisteredEnquiry enquiry = access.ownedByMember(reference, Caller.of(user));
    try {
      followUps.notSatisfied(reference, request.reason());
    } catch (FollowUpsClosedException e) {
      throw new ConflictException(e.getMessage());
    }
    return views.view(enquiry);
  }
}
