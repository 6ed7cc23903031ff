package org.memberenquiries.enquiry;

import io.swagger.v3.oas.annotations.media.Schema;

/** What staff search enquiries by (issue 8 item 4); every field optional, all given must match. */
public record EnquirySearch(
    @Schema(description = "The reference, or its beginning (ME-0001)") String reference,
    @Schema(description = "The Member: their user id, or part of their name") String member,
    @Schema(description = "Part of the ward or division") String ward,
    @Schema(description = "The department's id") String department,
    EnquiryState state,
    @Schema(description = "Words in the subject or the enquiry's text") String text) {}
