package org.memberenquiries.communication;

import java.time.Instant;

/** One message sent to the Member about an enquiry. */
public record Communication(
    long id, String processInstanceId, CommunicationKind kind, String body, Instant sentAt, String sentBy) {}
