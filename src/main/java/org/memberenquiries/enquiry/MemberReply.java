package org.memberenquiries.enquiry;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.memberenquiries.capacity.Capacity;

/** The Member's reply to a question (R9), or to the question of their capacity (R3, then required). */
public record MemberReply(
    @NotBlank @Size(max = 20000) String reply,
    @Schema(description = "R3: required when the question was about the capacity the Member asks in") Capacity capacity) {}
