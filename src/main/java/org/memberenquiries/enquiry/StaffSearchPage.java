package org.memberenquiries.enquiry;

import java.util.List;

/** A page of the staff search. */
public record StaffSearchPage(List<StaffEnquirySummary> items, int page, int size, long totalItems, int totalPages) {}
