package org.memberenquiries.escalation;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * R10: how long each step of an escalation may take, in working days (R0). The sources set no
 * timescale for a breach, so the product holds the escalation to the protocol's own: Member Support
 * answers the Member's grievance as any enquiry is answered (R5, 10 working days from the breach), and
 * the referee decides a formal referral as a full response is sent (R7, 20 working days, aligned with
 * Freedom of Information, from the referral).
 *
 * @param informalResolutionWorkingDays Member Support's "Resolve informally" task is due by the end of
 *     this working day after the breach was recorded
 * @param refereeDecisionWorkingDays the referee's "Decide outcome of breach" task is due by the end of
 *     this working day after Member Support referred it
 */
@Validated
@ConfigurationProperties("enquiries.escalation")
public record EscalationTimescales(
    @DefaultValue("10") @Positive int informalResolutionWorkingDays,
    @DefaultValue("20") @Positive int refereeDecisionWorkingDays) {}
