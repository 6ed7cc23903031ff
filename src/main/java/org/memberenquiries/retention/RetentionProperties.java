package org.memberenquiries.retention;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The council's retention policy for closed cases ({@code enquiries.retention}, issue 11 item 3).
 *
 * @param closedCases how long a case is kept after it closed: the engine's history of it and the product's rows
 *     (default P6Y, "closure + 6 years", the period UK councils commonly give Member enquiry and casework files,
 *     in line with the Limitation Act 1980's six years)
 * @param windowStart when the nightly removal may start (server's local time)
 * @param windowEnd when it must stop; before the start: the next morning
 * @param batchSize cases removed per transaction, so that no lock on the tables officers use is held for long
 */
@ConfigurationProperties("enquiries.retention")
public record RetentionProperties(Period closedCases, LocalTime windowStart, LocalTime windowEnd, Integer batchSize) {

  /** Camunda's limit for a history cleanup batch. */
  static final int MAX_BATCH = 500;

  public RetentionProperties {
    closedCases = closedCases != null ? closedCases : Period.ofYears(6);
    windowStart = windowStart != null ? windowStart : LocalTime.of(1, 0);
    windowEnd = windowEnd != null ? windowEnd : LocalTime.of(5, 0);
    batchSize = batchSize != null ? batchSize : 100;
    if (closedCases.isNegative() || closedCases.isZero()) {
      throw new IllegalArgumentException("enquiries.retention.closed-cases must be a positive period, not " + closedCases);
    }
    if (batchSize < 1 || batchSize > MAX_BATCH) {
      throw new IllegalArgumentException("enquiries.retention.batch-size must be 1 to " + MAX_BATCH + ", not " + batchSize);
    }
    if (windowStart.equals(windowEnd)) {
      throw new IllegalArgumentException("enquiries.retention.window-start and window-end must differ");
    }
  }

  /**
   * The retention in whole days, as the engine's history time to live needs it: the longest the period can be
   * (from 1 January 2000, a leap year), so that nothing is removed before the policy allows. P6Y: 2,192 days.
   */
  public int days() {
    LocalDate from = LocalDate.of(2000, 1, 1);
    return Math.toIntExact(ChronoUnit.DAYS.between(from, from.plus(closedCases)));
  }
}
