package org.memberenquiries.page;

import org.memberenquiries.enquiry.EnquiryAccess;
import org.memberenquiries.enquiry.EnquiryQueries;
import org.memberenquiries.enquiry.EnquirySearch;
import org.memberenquiries.enquiry.EnquiryState;
import org.memberenquiries.enquiry.StaffSearchPage;
import org.memberenquiries.security.Caller;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Find an enquiry" (issue 8 item 4; R11, R16): the staff search as a page, for those who handle
 * enquiries, with the same scope as GET /api/enquiries/search (their departments', or every
 * department's for Member Support, the monitoring officer and administrators). Anyone else: 403.
 */
@Controller
public class StaffEnquiryPages {

  static final int PAGE_SIZE = 20;
  private static final int MAX_FILTER_LENGTH = 200;

  private final EnquiryQueries queries;
  private final EnquiryAccess access;
  private final PageText text;

  public StaffEnquiryPages(EnquiryQueries queries, EnquiryAccess access, PageText text) {
    this.queries = queries;
    this.access = access;
    this.text = text;
  }

  @GetMapping("/staff/enquiries")
  String search(@RequestParam(required = false) String reference, @RequestParam(required = false) String member,
      @RequestParam(required = false) String ward, @RequestParam(required = false) String department,
      @RequestParam(required = false) String state, @RequestParam(required = false) String text,
      @RequestParam(required = false) String page, Authentication user, Model model) {
    Caller caller = Caller.of(user);
    if (!access.maySearch(caller)) {
      throw new AccessDeniedException("The enquiry search is for the officers handling enquiries");
    }
    EnquiryState filter = state(state);
    EnquirySearch search = new EnquirySearch(filterText(reference), filterText(member), filterText(ward),
        filterText(department), filter, filterText(text));
    int number = pageNumber(page);
    StaffSearchPage found = queries.search(caller, search, number - 1, PAGE_SIZE);
    model.addAttribute("fmt", this.text);
    model.addAttribute("title", "Find an enquiry");
    model.addAttribute("search", search);
    model.addAttribute("found", found);
    model.addAttribute("pageNumber", number);
    model.addAttribute("totalPages", Math.max(1, found.totalPages()));
    model.addAttribute("previousPage", number > 1 ? url(search, number - 1) : null);
    model.addAttribute("nextPage", number < found.totalPages() ? url(search, number + 1) : null);
    return "staff/enquiries";
  }

  /** A filter as typed, trimmed; an over-long one is cut (a page never answers 400 for a search box). */
  private static String filterText(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    return trimmed.length() > MAX_FILTER_LENGTH ? trimmed.substring(0, MAX_FILTER_LENGTH) : trimmed;
  }

  private static EnquiryState state(String value) {
    for (EnquiryState state : EnquiryState.values()) {
      if (state.name().equals(value)) {
        return state;
      }
    }
    return null; // none, or an unknown one: every state
  }

  private static int pageNumber(String value) {
    try {
      int number = Integer.parseInt(value == null ? "1" : value.trim());
      return Math.min(Math.max(number, 1), 1_000_000);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static String url(EnquirySearch search, int page) {
    UriComponentsBuilder url = UriComponentsBuilder.fromPath("/staff/enquiries");
    add(url, "reference", search.reference());
    add(url, "member", search.member());
    add(url, "ward", search.ward());
    add(url, "department", search.department());
    add(url, "state", search.state() == null ? null : search.state().name());
    add(url, "text", search.text());
    return url.queryParam("page", page).encode().toUriString();
  }

  private static void add(UriComponentsBuilder url, String name, String value) {
    if (value != null) {
      url.queryParam(name, value);
    }
  }
}
