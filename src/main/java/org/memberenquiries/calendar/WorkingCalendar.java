package org.memberenquiries.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Rule R0, in one place: which days are working days, when an enquiry counts as received, and when
 * "N working days" ends. All times are worked out in the council's zone, so a deadline is at the
 * end of the working day local time whatever the daylight-saving offset.
 *
 * <p>Each working day ends at its <em>end of working day</em> (default 17:00 local). Both receipts
 * and deadlines are placed by those ends: a receipt belongs to the first end strictly after it, a
 * deadline to the first end at or after it.
 */
@Component
public class WorkingCalendar {

  private final ZoneId zone;
  private final LocalTime endOfDay;
  private final BankHolidays bankHolidays;
  /** The configured days off on weekdays: bank holidays (as observed) and closure days. */
  private final Predicate<LocalDate> configuredDayOff;
  /**
   * The process owner's changes at run time (issue 8 item 3): false for a day off added (a closure
   * day, a newly proclaimed bank holiday), true for a configured day off made a working day again.
   */
  private volatile Map<LocalDate, Boolean> changes;
  private final Instant firstCovered;
  private final Instant afterLastCovered;

  /**
   * The years the calendar answers for. Bank holiday rules and date arithmetic hold within them; an
   * enquiry received in year 0 or in year 999,999,999 is a mistake to refuse, not a date to compute.
   */
  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2199;

  @Autowired
  public WorkingCalendar(CalendarProperties properties, BankHolidays bankHolidays) {
    this(properties.zone(), properties.endOfWorkingDay(), bankHolidays,
        closedOn(Set.copyOf(properties.closureDays()), bankHolidays), Map.of());
  }

  private WorkingCalendar(ZoneId zone, LocalTime endOfDay, BankHolidays bankHolidays,
      Predicate<LocalDate> configuredDayOff, Map<LocalDate, Boolean> changes) {
    this.zone = zone;
    this.endOfDay = endOfDay;
    this.bankHolidays = bankHolidays;
    this.configuredDayOff = configuredDayOff;
    this.changes = Map.copyOf(changes);
    this.firstCovered = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(zone).toInstant();
    this.afterLastCovered = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(zone).toInstant();
  }

  private static Predicate<LocalDate> closedOn(Set<LocalDate> closureDays, BankHolidays bankHolidays) {
    return day -> bankHolidays.isBankHoliday(day) || closureDays.contains(day);
  }

  /** This calendar as it is now, unaffected by later changes: what deadlines were worked out on before a change. */
  public WorkingCalendar snapshot() {
    return new WorkingCalendar(zone, endOfDay, bankHolidays, configuredDayOff, changes);
  }

  /**
   * A calendar recorded earlier (its {@link CalendarFingerprint}): within the fingerprint's years its
   * weekdays off are exactly the recorded ones; outside them it is this calendar.
   */
  public WorkingCalendar as(CalendarFingerprint recorded) {
    WorkingCalendar now = snapshot();
    Predicate<LocalDate> dayOff = day -> recorded.covers(day) ? recorded.daysOff().contains(day) : !now.isWorkingDay(day);
    return new WorkingCalendar(recorded.zone(), recorded.endOfWorkingDay(), bankHolidays, dayOff, Map.of());
  }

  /** The weekdays off between two days (inclusive), for a {@link CalendarFingerprint}. */
  public NavigableSet<LocalDate> weekdaysOff(LocalDate from, LocalDate to) {
    NavigableSet<LocalDate> off = new TreeSet<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (!isWeekend(day) && !isWorkingDay(day)) {
        off.add(day);
      }
    }
    return off;
  }

  /** Takes the process owner's run-time changes (day to "is a working day"), replacing the previous ones. */
  public void useChanges(Map<LocalDate, Boolean> runtimeChanges) {
    this.changes = Map.copyOf(runtimeChanges);
  }

  /** The run-time changes in force: day to "is a working day". */
  public Map<LocalDate, Boolean> changes() {
    return changes;
  }

  /** A bank holiday or closure day by configuration (application.yml and jollyday), before run-time changes. */
  public boolean isConfiguredDayOff(LocalDate day) {
    return configuredDayOff.test(day);
  }

  public boolean isBankHoliday(LocalDate day) {
    return bankHolidays.isBankHoliday(day);
  }

  public LocalTime endOfWorkingDayTime() {
    return endOfDay;
  }

  /** True if the time lies in the years the calendar covers ({@value #FIRST_YEAR} to {@value #LAST_YEAR}). */
  public boolean covers(Instant instant) {
    return !instant.isBefore(firstCovered) && instant.isBefore(afterLastCovered);
  }

  /** Why a time outside {@link #covers} is refused, for a message naming the field. */
  public static String coveredYears() {
    return "between " + FIRST_YEAR + "-01-01 and " + LAST_YEAR + "-12-31 (the years the working-day calendar covers)";
  }

  public ZoneId zone() {
    return zone;
  }

  public Division division() {
    return bankHolidays.division();
  }

  /**
   * Monday to Friday, not a bank holiday of the division (as observed), not a closure day; the
   * process owner's run-time changes decide over the configuration.
   */
  public boolean isWorkingDay(LocalDate day) {
    if (isWeekend(day)) {
      return false;
    }
    Boolean changed = changes.get(day);
    return changed != null ? changed : !configuredDayOff.test(day);
  }

  public static boolean isWeekend(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }

  /** The first working day strictly after {@code day}. */
  public LocalDate nextWorkingDayAfter(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (!isWorkingDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }

  /** The n-th working day after {@code day} (n = 0 gives {@code day} itself). */
  public LocalDate nthWorkingDayAfter(LocalDate day, int n) {
    requireNotNegative(n);
    LocalDate result = day;
    for (int i = 0; i < n; i++) {
      result = nextWorkingDayAfter(result);
    }
    return result;
  }

  /** The n-th working day before {@code day} (R14's notice lead time; n = 0 gives {@code day} itself). */
  public LocalDate nthWorkingDayBefore(LocalDate day, int n) {
    requireNotNegative(n);
    LocalDate result = day;
    for (int i = 0; i < n; i++) {
      do {
        result = result.minusDays(1);
      } while (!isWorkingDay(result));
    }
    return result;
  }

  /**
   * The day an enquiry counts as received (R0): the day itself if it is a working day and the
   * receipt is before the end of the working day; otherwise the next working day.
   */
  public LocalDate effectiveReceiptDay(Instant receivedAt) {
    ZonedDateTime local = receivedAt.atZone(zone);
    LocalDate day = local.toLocalDate();
    if (isWorkingDay(day) && local.toLocalTime().isBefore(endOfDay)) {
      return day;
    }
    return nextWorkingDayAfter(day);
  }

  /** End of the working day on {@code day}, with that day's offset (17:00 is 17:00Z or 16:00Z). */
  public ZonedDateTime endOfWorkingDay(LocalDate day) {
    return ZonedDateTime.of(day, endOfDay, zone);
  }

  /** R0: "N working days" ends at the end of the n-th working day after the effective receipt day. */
  public ZonedDateTime endOfNthWorkingDayAfter(Instant receivedAt, int n) {
    return endOfWorkingDay(nthWorkingDayAfter(effectiveReceiptDay(receivedAt), n));
  }

  /**
   * Moves a deadline later by n working days (R9, the clock stopped for a clarification): the end
   * of the n-th working day after the working day the deadline falls in. A deadline falls in the
   * working day whose end is the first at or after it, so a deadline at 17:00 on a working day falls
   * in that day, and one on a weekend or bank holiday in the next working day.
   */
  public ZonedDateTime addWorkingDays(Instant deadline, int n) {
    return endOfWorkingDay(nthWorkingDayAfter(workingDayOf(deadline), n));
  }

  /**
   * How many working days lie between two instants: the number of working-day ends (the {@link
   * #endOfWorkingDay} of a working day) in the half-open interval {@code (from, to]}; 0 if {@code to}
   * is not after {@code from}. So from Monday 10:00 to Monday 17:00 is 1, from Monday 17:00 to
   * Tuesday 16:59 is 0, and a weekend or bank holiday in between adds nothing.
   */
  public int workingDaysBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    int count = 0;
    LocalDate last = to.atZone(zone).toLocalDate();
    for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        Instant end = endOfWorkingDay(day).toInstant();
        if (end.isAfter(from) && !end.isAfter(to)) {
          count++;
        }
      }
    }
    return count;
  }

  private LocalDate workingDayOf(Instant deadline) {
    ZonedDateTime local = deadline.atZone(zone);
    LocalDate day = local.toLocalDate();
    if (isWorkingDay(day) && !local.toLocalTime().isAfter(endOfDay)) {
      return day;
    }
    return nextWorkingDayAfter(day);
  }

  private static void requireNotNegative(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("working days must not be negative, got " + n);
    }
  }
}
