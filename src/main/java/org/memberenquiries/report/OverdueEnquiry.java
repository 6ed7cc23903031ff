package org.memberenquiries.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/**
 * One enquiry open and overdue now (R10, R16): which deadline it is past, by how many working days, and
 * who holds it. Deliberately no subject, text or Member: the report's readers include directors who may
 * not read the case (R11); the reference is the drill-down to a case for those who may.
 */
@Schema(description = "An enquiry open and past a deadline now; no enquiry text or Member details (R11)")
public record OverdueEnquiry(
    @Schema(description = "The enquiry's reference") String reference,
    @Schema(description = "The department's id") String department,
    @Schema(description = "The team: the officers' group (queue) handling it") String team,
    @Schema(description = "The officer holding it: the task's assignee, else the officer who last wrote to the Member; null while unallocated in the queue") String officer,
    @Schema(description = "Where it stands (enquiry state)") String state,
    @Schema(description = "The deadline passed: ACKNOWLEDGEMENT, RESPONSE, FULL_RESPONSE or REVISED_FULL_RESPONSE") String deadline,
    @Schema(description = "When that deadline passed, council's zone") OffsetDateTime due,
    @Schema(description = "Working days overdue (R0): 1 on the first working day after the deadline's day") int workingDaysOverdue,
    @Schema(description = "The receipt time, council's zone") OffsetDateTime receivedAt) {}
