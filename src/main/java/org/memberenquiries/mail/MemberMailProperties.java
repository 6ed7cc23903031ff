package org.memberenquiries.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Email to Members ({@code enquiries.mail}). The SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the council's sending address, e.g. {@code "Anytown Council <enquiries@anytown.gov.uk>"}
 * @param pagesUrl where the Members' pages are, for the link in each message
 * @param batchSize how many due messages one run of the sender takes
 * @param claimLease how long a sender holds a claimed message; after that (a crashed sender) another may send it
 * @param firstRetryAfter the wait after the first failed attempt; it doubles with each failure (exponential backoff)
 * @param maxRetryAfter the longest wait between attempts; a message is retried until it is sent, never dropped
 */
@ConfigurationProperties("enquiries.mail")
public record MemberMailProperties(
    String from,
    String pagesUrl,
    int batchSize,
    Duration claimLease,
    Duration firstRetryAfter,
    Duration maxRetryAfter) {

  public MemberMailProperties {
    if (from == null || from.isBlank()) {
      from = "Member Enquiries <member-enquiries@council.example>";
    }
    if (pagesUrl == null || pagesUrl.isBlank()) {
      pagesUrl = "http://localhost:8080";
    }
    pagesUrl = pagesUrl.replaceAll("/+$", "");
    batchSize = batchSize > 0 ? batchSize : 50;
    claimLease = claimLease != null ? claimLease : Duration.ofMinutes(5);
    firstRetryAfter = firstRetryAfter != null ? firstRetryAfter : Duration.ofMinutes(1);
    maxRetryAfter = maxRetryAfter != null ? maxRetryAfter : Duration.ofHours(1);
  }

  /** The wait before attempt {@code failedAttempts + 1}: first, twice that, four times... up to the maximum. */
  public Duration retryAfter(int failedAttempts) {
    Duration wait = firstRetryAfter;
    for (int i = 1; i < failedAttempts && wait.compareTo(maxRetryAfter) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
  }
}
