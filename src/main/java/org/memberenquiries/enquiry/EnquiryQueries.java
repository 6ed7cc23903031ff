package org.memberenquiries.enquiry;

import org.memberenquiries.security.Caller;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A caller's own enquiries (a Member's, or those a staff member logged), and the staff search: newest
 * first, paged and filtered in SQL on the read model (issue 8 item 4).
 */
@Service
public class EnquiryQueries {

  public static final int MAX_PAGE_SIZE = 100;
  /** Pages beyond this are refused (400), so an offset never overflows. */
  public static final int MAX_PAGE = 1_000_000;

  private final CaseRows rows;
  private final EnquiryAccess access;

  public EnquiryQueries(CaseRows rows, EnquiryAccess access) {
    this.rows = rows;
    this.access = access;
  }

  public EnquiryPage own(Caller caller, EnquiryState state, int page, int size) {
    return rows.own(caller.id(), state, page, size);
  }

  /** R11: the cases of the departments the caller works for (every department for Member Support). */
  public StaffSearchPage search(Caller caller, EnquirySearch search, int page, int size) {
    if (!access.maySearch(caller)) {
      throw new AccessDeniedException("The enquiry search is for the officers handling enquiries");
    }
    return rows.search(search, access.staffScope(caller), page, size);
  }
}
