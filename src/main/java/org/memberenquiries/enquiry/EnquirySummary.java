package org.memberenquiries.enquiry;

import java.time.OffsetDateTime;

/** One line of a Member's list of enquiries. */
public record EnquirySummary(
    String reference,
    EnquiryState state,
    String subject,
    OffsetDateTime receivedAt,
    OffsetDateTime nextDeadline) {}
