package org.memberenquiries.enquiry;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.memberenquiries.capacity.Capacity;

/** A Member's enquiry as submitted to {@code POST /api/enquiries}. Unknown fields are refused. */
public record NewEnquiry(
    @Schema(description = "What the enquiry is about", example = "Street lighting on Mill Lane")
    @NotBlank @Size(max = 200) String subject,
    @Schema(description = "The enquiry itself")
    @NotBlank @Size(max = 20000) String text,
    @Schema(description = "R3: the capacity the Member asks in; UNCLEAR if they cannot say (the officer will ask)")
    @NotNull Capacity capacity,
    @Schema(description = "Ward or division the enquiry concerns", example = "Mill Ward")
    @NotBlank @Size(max = 200) String ward,
    @Schema(description = "Department id (see enquiries.departments)", example = "highways")
    @NotBlank @Size(max = 100) String department,
    @Schema(description = "R13: what the Member will use the information for; shown with every answer")
    @NotBlank @Size(max = 1000) String purpose,
    @Schema(description = "R2: reference of an earlier request for service, when asking for a progress update on it")
    @Size(max = 100) String serviceRequestReference,
    @Schema(description = "Only Member Support or an officer logging an enquiry on a Member's behalf: the Member's user id")
    @Size(max = 255) String memberId,
    @Schema(description = "Only Member Support or an officer: when the enquiry actually arrived (never in the future); default now")
    @PastOrPresent OffsetDateTime receivedAt) {}
