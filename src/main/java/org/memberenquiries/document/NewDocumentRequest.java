package org.memberenquiries.document;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** R12: a Member's request to inspect a document. */
public record NewDocumentRequest(
    @Schema(description = "The document, as precisely as the Member can name it") @NotBlank @Size(max = 300) String documentTitle,
    @Schema(description = "Why the Member needs to know") @NotNull Basis basis,
    @Schema(description = "Personal or commercially sensitive") boolean confidential,
    @Schema(description = "Required for a confidential document, or a basis OTHER") @Size(max = 5000) String justification,
    @Schema(description = "R13: what the information will be used for") @NotBlank @Size(max = 1000) String purpose) {}
