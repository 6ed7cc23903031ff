package org.memberenquiries.ward;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** R14's exception, recorded after the event: the basis and the reason, kept for the monitoring officer. */
public record Withholding(@NotNull WithholdingBasis basis, @NotBlank @Size(max = 5000) String reason) {}
