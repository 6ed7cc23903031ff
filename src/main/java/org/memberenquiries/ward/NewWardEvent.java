package org.memberenquiries.ward;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * An officer's record of an upcoming event, works or decision (R14). {@code withheldBasis} and
 * {@code withheldReason} together, or neither: a reason not to tell the local Members beforehand.
 */
public record NewWardEvent(
    @NotNull EventKind kind,
    @NotBlank @Size(max = 200) String title,
    @NotBlank @Size(max = 5000) String description,
    @NotNull LocalDate startsOn,
    @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 200) String> wards,
    WithholdingBasis withheldBasis,
    @Size(max = 5000) String withheldReason) {}
