package org.memberenquiries.followup;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** R10: why the Member is not satisfied with the answer. */
public record NotSatisfiedRequest(@Schema(description = "Why the Member is not satisfied") @NotBlank @Size(max = 20000) String reason) {}
