package org.memberenquiries.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What an enquiry is owed, from the moment it was received (R0). Date-times carry the council
 * zone's offset on that day.
 *
 * @param receivedAt when the enquiry arrived
 * @param effectiveReceiptDay the working day it counts as received on (R0)
 * @param acknowledgeBy R4
 * @param respondBy R5 (response, or holding response for a complicated enquiry, R6)
 * @param fullResponseBy R7 (full response after a holding response)
 */
public record Deadlines(
    Instant receivedAt,
    LocalDate effectiveReceiptDay,
    OffsetDateTime acknowledgeBy,
    OffsetDateTime respondBy,
    OffsetDateTime fullResponseBy) {}
