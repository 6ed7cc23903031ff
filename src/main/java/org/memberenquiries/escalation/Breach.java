package org.memberenquiries.escalation;

import java.time.Instant;

/** A missed deadline on an enquiry (R10), and what became of it. */
public record Breach(
    long id,
    String processInstanceId,
    String enquiryReference,
    String department,
    MissedDeadline deadline,
    Instant due,
    Instant missedAt,
    boolean escalated,
    String outcome,
    String outcomeNotes,
    String decidedBy,
    Instant decidedAt) {}
