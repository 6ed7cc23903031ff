package org.memberenquiries.followup;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** R5: the Member's follow-up on their answered enquiry. */
public record FollowUpRequest(@Schema(description = "The follow-up question") @NotBlank @Size(max = 20000) String question) {}
