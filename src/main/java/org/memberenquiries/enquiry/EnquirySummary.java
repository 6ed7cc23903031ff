package org.memberenquiries.enquiry;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** One line of a Member's list of enquiries. */
public record EnquirySummary(
    String reference,
    EnquiryState state,
    String subject,
    OffsetDateTime receivedAt,
    OffsetDateTime nextDeadline,
    @Schema(description = "R10: a deadline has passed and what was owed is still owed") boolean late) {}
