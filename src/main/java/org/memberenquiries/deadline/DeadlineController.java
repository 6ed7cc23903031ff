package org.memberenquiries.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.DateTimeException;
import java.time.temporal.TemporalAccessor;
import org.memberenquiries.calendar.Division;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.web.InvalidParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only: the deadlines an enquiry received at a given time would be owed (R0, R4, R5, R7). */
@RestController
@RequestMapping("/api/calendar")
public class DeadlineController {

  static final String RECEIVED_AT = "receivedAt";
  static final String EXPECTED_FORMAT =
      "an ISO-8601 date-time with an offset (2026-03-27T18:00:00Z, 2026-03-27T18:00:00+01:00)"
          + " or without one, taken in the council's zone (2026-03-27T18:00:00)";

  private final DeadlineCalculator calculator;
  private final WorkingCalendar calendar;

  public DeadlineController(DeadlineCalculator calculator, WorkingCalendar calendar) {
    this.calculator = calculator;
    this.calendar = calendar;
  }

  /**
   * Date-times are ISO-8601 text in the council's zone, with that day's offset. Formatted here rather
   * than by Jackson, because a global {@code spring.jackson.time-zone} would re-write every
   * OffsetDateTime in that zone and Jackson has no per-property switch to stop it.
   */
  public record DeadlinesView(
      String receivedAt,
      LocalDate effectiveReceiptDay,
      String acknowledgeBy,
      String respondBy,
      String fullResponseBy,
      ZoneId zone,
      Division division) {}

  // Not required by Spring: a missing value gets the same explanation as a blank or garbled one.
  @GetMapping("/deadlines")
  public DeadlinesView deadlines(@RequestParam(name = RECEIVED_AT, required = false) String receivedAt) {
    Instant received = parse(receivedAt).toInstant();
    if (!calendar.covers(received)) {
      throw new InvalidParameterException(RECEIVED_AT, "Parameter 'receivedAt' must be " + WorkingCalendar.coveredYears() + ".");
    }
    Deadlines owed = calculator.deadlinesFor(received);
    return new DeadlinesView(
        local(owed.receivedAt()),
        owed.effectiveReceiptDay(),
        local(owed.acknowledgeBy().toInstant()),
        local(owed.respondBy().toInstant()),
        local(owed.fullResponseBy().toInstant()),
        calendar.zone(),
        calendar.division());
  }

  private String local(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(calendar.zone()));
  }

  private ZonedDateTime parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidParameterException(RECEIVED_AT, "Parameter 'receivedAt' is required: " + EXPECTED_FORMAT + ".");
    }
    // An unencoded '+' in a query string arrives as a space ("18:00:00 01:00"): take it back.
    String value = text.strip().replace(' ', '+');
    try {
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(value, ZonedDateTime::from, LocalDateTime::from);
      return parsed instanceof LocalDateTime local ? local.atZone(calendar.zone()) : (ZonedDateTime) parsed;
    } catch (DateTimeException e) { // unparseable, or outside the years java.time can hold
      throw new InvalidParameterException(
          RECEIVED_AT, "Parameter 'receivedAt' is not a date-time: '" + text + "'. Expected " + EXPECTED_FORMAT + ".");
    }
  }
}
