package org.memberenquiries.enquiry;

import java.time.Instant;

/** An enquiry in the register: whose it is, who submitted it, and the case in the engine. */
public record RegisteredEnquiry(
    long id,
    String reference,
    String processInstanceId,
    String memberId,
    String submittedBy,
    String department,
    Instant submittedAt,
    String idempotencyKey,
    String requestHash) {}
