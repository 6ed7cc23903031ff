package org.memberenquiries.followup;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * After the answer (issue 10 item 4): how long an answered enquiry stays open for follow-ups.
 *
 * @param windowWorkingDays the Member may ask a follow-up or say they are not satisfied until the end of this
 *     working day (R0) after the full response, and after each follow-up's answer (Hillingdon's practice: 5)
 */
@Validated
@ConfigurationProperties("enquiries.follow-ups")
public record FollowUpProperties(@DefaultValue("5") @Positive int windowWorkingDays) {}
