package org.memberenquiries.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.enquiry.EnquiryAccess;
import org.memberenquiries.enquiry.EnquiryView;
import org.memberenquiries.enquiry.EnquiryViews;
import org.memberenquiries.enquiry.RegisteredEnquiry;
import org.memberenquiries.member.Members;
import org.memberenquiries.security.Caller;
import org.memberenquiries.web.InvalidFieldException;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * R11: no silent copies. Only the requesting Member can let another Member see their enquiry; the
 * permission is recorded, and the enquiry then lists every recipient.
 */
@RestController
@Tag(name = "Enquiries")
public class SharingController {

  private final EnquiryAccess access;
  private final EnquiryShares shares;
  private final EnquiryViews views;
  private final Members members;
  private final EngineClock clock;

  public SharingController(EnquiryAccess access, EnquiryShares shares, EnquiryViews views, Members members,
      EngineClock clock) {
    this.access = access;
    this.shares = shares;
    this.views = views;
    this.members = members;
    this.clock = clock;
  }

  @PostMapping("/api/enquiries/{reference}/shares")
  @Operation(summary = "R11: the requesting Member permits another Member to see the enquiry and its answers")
  @Transactional
  EnquiryView share(@PathVariable String reference, @Valid @RequestBody ShareRequest request, Authentication user) {
    Caller caller = Caller.of(user);
    RegisteredEnquiry enquiry = access.ownedByMember(reference, caller);
    if (request.memberId().equals(caller.id()) || members.find(request.memberId()).isEmpty()) {
      throw new InvalidFieldException("memberId", "'memberId' " + request.memberId() + " is not another Member");
    }
    shares.permit(reference, request.memberId(), caller.id(), clock.now());
    return views.view(enquiry);
  }
}
