package org.memberenquiries.enquiry;

import java.util.List;
import org.memberenquiries.security.Caller;
import org.springframework.stereotype.Service;

/** A caller's own enquiries (a Member's, or those a staff member logged), newest first, paged. */
@Service
public class EnquiryQueries {

  public static final int MAX_PAGE_SIZE = 100;

  private final EnquiryRegister register;
  private final EnquiryViews views;

  public EnquiryQueries(EnquiryRegister register, EnquiryViews views) {
    this.register = register;
    this.views = views;
  }

  public EnquiryPage own(Caller caller, EnquiryState state, int page, int size) {
    List<EnquirySummary> all = register.ownedBy(caller.id()).stream()
        .map(views::summary)
        .filter(summary -> state == null || summary.state() == state)
        .toList();
    int from = (int) Math.min((long) page * size, all.size());
    int to = Math.min(from + size, all.size());
    return new EnquiryPage(all.subList(from, to), page, size, all.size(), (all.size() + size - 1) / size);
  }
}
