package org.memberenquiries.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The calendar that open enquiries' deadlines were worked out on (issue 8 item 3): its zone, end of
 * the working day and weekdays off over the years around now. Stored as text, so a start with changed
 * configuration (a closure day added or removed, a new jollyday, another division) can tell what
 * changed, rebuild the old calendar ({@link WorkingCalendar#as}) and move the deadlines once.
 *
 * @param from first day covered
 * @param to last day covered
 * @param daysOff the weekdays off (bank holidays, closure days) between them
 */
public record CalendarFingerprint(
    ZoneId zone, LocalTime endOfWorkingDay, LocalDate from, LocalDate to, NavigableSet<LocalDate> daysOff) {

  /** Years either side of the current one: every open enquiry's deadlines lie within. */
  static final int YEARS_AROUND = 3;

  public CalendarFingerprint {
    daysOff = Collections.unmodifiableNavigableSet(new TreeSet<>(daysOff));
  }

  /** The calendar as it is, over the years around {@code year}. */
  public static CalendarFingerprint of(WorkingCalendar calendar, int year) {
    LocalDate from = LocalDate.of(year - YEARS_AROUND, 1, 1);
    LocalDate to = LocalDate.of(year + YEARS_AROUND, 12, 31);
    return new CalendarFingerprint(
        calendar.zone(), calendar.endOfWorkingDayTime(), from, to, calendar.weekdaysOff(from, to));
  }

  public boolean covers(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  /** Whether the two give the same working days where both are recorded (and the same zone and hours). */
  public boolean sameCalendarAs(CalendarFingerprint other) {
    if (!zone.equals(other.zone) || !endOfWorkingDay.equals(other.endOfWorkingDay)) {
      return false;
    }
    LocalDate start = from.isAfter(other.from) ? from : other.from;
    LocalDate end = to.isBefore(other.to) ? to : other.to;
    if (start.isAfter(end)) {
      return false;
    }
    return daysOff.subSet(start, true, end, true).equals(other.daysOff.subSet(start, true, end, true));
  }

  /** Days off in this calendar, not in {@code earlier} (where both are recorded). */
  public NavigableSet<LocalDate> addedSince(CalendarFingerprint earlier) {
    NavigableSet<LocalDate> added = new TreeSet<>(daysOff);
    added.removeAll(earlier.daysOff);
    added.removeIf(day -> !earlier.covers(day));
    return added;
  }

  public String text() {
    return "zone=" + zone.getId() + ";end=" + endOfWorkingDay + ";from=" + from + ";to=" + to + ";off="
        + daysOff.stream().map(LocalDate::toString).collect(Collectors.joining(","));
  }

  /** Reads {@link #text()}; empty for text this version cannot read (then the calendar counts as changed). */
  public static Optional<CalendarFingerprint> parse(String text) {
    try {
      Map<String, String> parts = new HashMap<>();
      for (String part : text.split(";")) {
        int eq = part.indexOf('=');
        parts.put(part.substring(0, eq), part.substring(eq + 1));
      }
      String off = parts.get("off");
      NavigableSet<LocalDate> days = new TreeSet<>();
      if (!off.isEmpty()) {
        Arrays.stream(off.split(",")).map(LocalDate::parse).forEach(days::add);
      }
      return Optional.of(new CalendarFingerprint(ZoneId.of(parts.get("zone")), LocalTime.parse(parts.get("end")),
          LocalDate.parse(parts.get("from")), LocalDate.parse(parts.get("to")), days));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }
}
