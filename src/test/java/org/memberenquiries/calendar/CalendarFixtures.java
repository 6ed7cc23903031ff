package org.memberenquiries.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Builds calendars straight from properties (no Spring) and reads times on a London wall clock. */
final class CalendarFixtures {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  private CalendarFixtures() {}

  static WorkingCalendar calendar(CalendarProperties properties) {
    return new WorkingCalendar(properties, new BankHolidays(properties));
  }

  static WorkingCalendar england() {
    return calendar(CalendarProperties.defaults());
  }

  static WorkingCalendar in(Division division) {
    return calendar(CalendarProperties.defaults().withDivision(division));
  }

  /** A local date-time in London, e.g. "2026-03-27T10:00". */
  static Instant london(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
  }
}
