package org.memberenquiries.security;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Failed sign-ins throttle, instead of Camunda's lockout (which locks any account, admin included,
 * until an administrator unlocks it). Failures are counted over a sliding {@code window}; past the
 * free ones each further failure doubles the wait, from {@code first-delay} up to {@code max-delay},
 * and the wait ends by itself.
 *
 * @param clientFreeFailures failures one client (IP address) may make before it waits
 * @param accountFreeFailures failures for one account, from at least two clients, before the account
 *     waits for everyone (distributed guessing); one client alone only ever throttles itself
 * @param firstDelay the first wait
 * @param maxDelay the longest wait
 * @param window how long a failure counts
 */
@Validated
@ConfigurationProperties(prefix = "enquiries.sign-in")
public record SignInThrottleProperties(
    @DefaultValue("5") @Min(1) int clientFreeFailures,
    @DefaultValue("10") @Min(1) int accountFreeFailures,
    @DefaultValue("PT1S") Duration firstDelay,
    @DefaultValue("PT5M") Duration maxDelay,
    @DefaultValue("PT1H") Duration window) {}
