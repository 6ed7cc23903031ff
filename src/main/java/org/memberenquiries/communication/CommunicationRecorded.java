package org.memberenquiries.communication;

import java.time.Instant;

/**
 * Published synchronously, inside the step's transaction, each time something is recorded as sent to
 * the Member, so that listeners (the Members' email outbox) commit or roll back with the step.
 */
public record CommunicationRecorded(
    String processInstanceId, CommunicationKind kind, String body, Instant sentAt, String sentBy) {}
