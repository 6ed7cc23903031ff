package org.memberenquiries.enquiry;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** One line of the staff search: the case, its Member, where it is handled and the date owed next. */
public record StaffEnquirySummary(
    String reference,
    EnquiryState state,
    String subject,
    String memberId,
    String memberName,
    String ward,
    String department,
    @Schema(description = "R15: the officer who last sent something to the Member in their name") String officer,
    OffsetDateTime receivedAt,
    OffsetDateTime nextDeadline,
    @Schema(description = "R10: a deadline has passed and what was owed is still owed") boolean late) {}
