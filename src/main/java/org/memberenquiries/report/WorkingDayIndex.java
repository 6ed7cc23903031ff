package org.memberenquiries.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.memberenquiries.calendar.WorkingCalendar;

/**
 * R0's working days between two days, in constant time: the number of working days up to each day of
 * a span, worked out once per report from {@link WorkingCalendar}, so a year's report over many
 * thousands of enquiries asks the calendar once per day, not once per day per enquiry. Days outside
 * the span are asked of the calendar directly.
 */
final class WorkingDayIndex {

  private final WorkingCalendar calendar;
  private final LocalDate first;
  /** cumulative[i]: working days from {@code first} to {@code first + i}, inclusive. */
  private final int[] cumulative;

  WorkingDayIndex(WorkingCalendar calendar, LocalDate first, LocalDate last) {
    this.calendar = calendar;
    this.first = first;
    int length = (int) Math.max(1, ChronoUnit.DAYS.between(first, last) + 1);
    this.cumulative = new int[length];
    int count = 0;
    for (int i = 0; i < length; i++) {
      if (calendar.isWorkingDay(first.plusDays(i))) {
        count++;
      }
      cumulative[i] = count;
    }
  }

  /**
   * The working day a moment belongs to: the day itself if it is a working day and the moment is not
   * after its end of working day (17:00), otherwise the next working day. A reply sent at 18:00 on
   * Friday is counted as sent on Monday, like a receipt at that time (R0).
   */
  LocalDate dayOf(Instant moment) {
    ZonedDateTime local = moment.atZone(calendar.zone());
    LocalDate day = local.toLocalDate();
    if (isWorkingDay(day) && !local.toLocalTime().isAfter(calendar.endOfWorkingDayTime())) {
      return day;
    }
    return nextWorkingDayAfter(day);
  }

  /**
   * R0's effective receipt day, as {@link WorkingCalendar#effectiveReceiptDay}: the day itself if a working
   * day and before its end, otherwise the next working day.
   */
  LocalDate receiptDay(Instant receivedAt) {
    ZonedDateTime local = receivedAt.atZone(calendar.zone());
    LocalDate day = local.toLocalDate();
    if (isWorkingDay(day) && local.toLocalTime().isBefore(calendar.endOfWorkingDayTime())) {
      return day;
    }
    return nextWorkingDayAfter(day);
  }

  private boolean isWorkingDay(LocalDate day) {
    long i = ChronoUnit.DAYS.between(first, day);
    if (i > 0 && i < cumulative.length) {
      return cumulative[(int) i] != cumulative[(int) i - 1];
    }
    return calendar.isWorkingDay(day);
  }

  private LocalDate nextWorkingDayAfter(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (!isWorkingDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }

  /**
   * Working days from the (effective) receipt day to the working day of a moment: 0 the same day, 1 the
   * next working day. "By the end of the N-th working day after receipt" is exactly "at most N".
   */
  int elapsed(LocalDate receiptDay, Instant moment) {
    return elapsedBetweenDays(receiptDay, dayOf(moment));
  }

  /** Working days after {@code from} up to and including {@code to}; 0 if {@code to} is not after it. */
  int elapsedBetweenDays(LocalDate from, LocalDate to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    return upTo(to) - upTo(from);
  }

  private int upTo(LocalDate day) {
    long i = ChronoUnit.DAYS.between(first, day);
    if (i >= 0 && i < cumulative.length) {
      return cumulative[(int) i];
    }
    // Outside the span: counted from the span's edge, day by day (rare: an old deadline or a far one).
    if (i < 0) {
      int before = 0;
      for (LocalDate d = day.plusDays(1); d.isBefore(first); d = d.plusDays(1)) {
        if (calendar.isWorkingDay(d)) before++;
      }
      return -before;
    }
    int after = cumulative[cumulative.length - 1];
    LocalDate last = first.plusDays(cumulative.length - 1);
    for (LocalDate d = last.plusDays(1); !d.isAfter(day); d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d)) after++;
    }
    return after;
  }
}
