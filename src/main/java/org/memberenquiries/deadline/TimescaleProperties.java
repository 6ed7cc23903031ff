package org.memberenquiries.deadline;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The protocol's timescales, in working days (R0).
 *
 * @param acknowledgementWorkingDays R4: acknowledge by the end of the next working day
 * @param responseWorkingDays R5: respond (or send a holding response, R6) within 10 working days
 * @param fullResponseWorkingDays R7: full response within 20 working days of receipt
 * @param clarificationWorkingDays R9: the Member is expected to reply to a question within 10
 */
@Validated
@ConfigurationProperties("enquiries.timescales")
public record TimescaleProperties(
    @DefaultValue("1") @Positive int acknowledgementWorkingDays,
    @DefaultValue("10") @Positive int responseWorkingDays,
    @DefaultValue("20") @Positive int fullResponseWorkingDays,
    @DefaultValue("10") @Positive int clarificationWorkingDays) {

  /** The protocol's own numbers. */
  public static TimescaleProperties defaults() {
    return new TimescaleProperties(1, 10, 20, 10);
  }
}
