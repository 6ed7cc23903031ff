package org.memberenquiries.sharing;

import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.enquiry.EnquiryAccess;
import org.memberenquiries.enquiry.EnquiryShares;
import org.memberenquiries.enquiry.EnquiryView;
import org.memberenquiries.enquiry.EnquiryViews;
import org.memberenquiries.enquiry.RegisteredEnquiry;
import org.memberenquiries.member.Members;
import org.memberenquiries.security.Caller;
import org.memberenquiries.web.InvalidFieldException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R11: no silent copies. Only the requesting Member can let another Member see their enquiry; the
 * permission is recorded with who gave it and when, and the enquiry then lists every recipient. The
 * API and the Members' pages share it.
 */
@Service
public class EnquirySharing {

  private final EnquiryAccess access;
  private final EnquiryShares shares;
  private final EnquiryViews views;
  private final Members members;
  private final EngineClock clock;

  public EnquirySharing(EnquiryAccess access, EnquiryShares shares, EnquiryViews views, Members members,
      EngineClock clock) {
    this.access = access;
    this.shares = shares;
    this.views = views;
    this.members = members;
    this.clock = clock;
  }

  @Transactional
  public EnquiryView share(String reference, Caller caller, String memberId) {
    RegisteredEnquiry enquiry = access.ownedByMember(reference, caller);
    if (memberId == null || memberId.equals(caller.id()) || members.find(memberId).isEmpty()) {
      throw new InvalidFieldException("memberId", "'memberId' " + memberId + " is not another Member");
    }
    shares.permit(reference, memberId, caller.id(), clock.now());
    return views.view(enquiry);
  }
}
