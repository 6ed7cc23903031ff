package org.memberenquiries.enquiry;

import java.util.List;

/** A page of a caller's enquiries. */
public record EnquiryPage(List<EnquirySummary> items, int page, int size, long totalItems, int totalPages) {}
