package org.memberenquiries.calendarchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.memberenquiries.calendar.CalendarFingerprint;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.Seeding;
import org.memberenquiries.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Issue 8 item 3 (R0): the process owner changes the working-day calendar while enquiries are open,
 * and their deadlines follow. A day off added (a closure day, a newly proclaimed bank holiday) or
 * removed is stored (it outlives a restart), the calendar takes it at once, and every open enquiry's
 * deadlines are worked out again ({@link OpenEnquiryDeadlines}); each moved deadline is recorded on
 * its case with who changed the calendar and why.
 *
 * <p>At start-up the calendar (configuration and stored changes) is compared with the one the open
 * enquiries were worked out on ({@link CalendarFingerprint}); if the configuration changed, the same
 * recompute runs, once. Every change runs under the seeding lock, so two nodes starting together, or
 * two administrators at once, recompute one after the other, each from the calendar the other left.
 */
@Service
public class CalendarChanges {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarChanges.class);
  /** Who changed the calendar when it was the configuration, read at a start. */
  public static final String CONFIGURATION = "configuration";
  static final String CONFIGURATION_CHANGED = "CONFIGURATION_CHANGED";

  private final WorkingCalendar calendar;
  private final CalendarDays days;
  private final OpenEnquiryDeadlines deadlines;
  private final Seeding seeding;
  private final EngineClock clock;
  private final IdentityService identity;

  public CalendarChanges(WorkingCalendar calendar, CalendarDays days, OpenEnquiryDeadlines deadlines,
      Seeding seeding, EngineClock clock, IdentityService identity) {
    this.calendar = calendar;
    this.days = days;
    this.deadlines = deadlines;
    this.seeding = seeding;
    this.clock = clock;
    this.identity = identity;
  }

  /** What a change did: its record and the deadlines it moved. */
  public record Outcome(long changeId, List<OpenEnquiryDeadlines.Moved> moved) {
    public int enquiriesMoved() {
      return (int) moved.stream().map(OpenEnquiryDeadlines.Moved::processInstanceId).distinct().count();
    }
  }

  /** A day becomes a day off (a closure day, or a bank holiday proclaimed after the published list). */
  public Outcome addDayOff(LocalDate date, DayOffKind kind, String reason, String by) {
    return underLock("day off " + date, () -> {
      if (!calendar.isWorkingDay(date)) {
        throw new ConflictException(date + " is already not a working day.");
      }
      Instant now = clock.now();
      Map<LocalDate, Boolean> changed = new HashMap<>(calendar.changes());
      if (Boolean.TRUE.equals(changed.get(date))) { // a configured day off, reopened earlier: off again
        changed.remove(date);
        days.delete(date);
      } else {
        changed.put(date, false);
        days.put(date, false, kind.name(), reason, by, now);
      }
      return apply(changed, date, kind.name() + "_ADDED", reason, by, now);
    });
  }

  /** A day off (added earlier, configured, or a bank holiday) becomes a working day. */
  public Outcome removeDayOff(LocalDate date, DayOffKind kind, String reason, String by) {
    return underLock("working day " + date, () -> {
      if (calendar.isWorkingDay(date)) {
        throw new ConflictException(date + " is already a working day.");
      }
      Instant now = clock.now();
      Map<LocalDate, Boolean> changed = new HashMap<>(calendar.changes());
      if (Boolean.FALSE.equals(changed.get(date)) && !calendar.isConfiguredDayOff(date)) {
        changed.remove(date); // a day off added at run time: simply gone
        days.delete(date);
      } else {
        changed.put(date, true);
        days.put(date, true, kind.name(), reason, by, now);
      }
      return apply(changed, date, kind.name() + "_REMOVED", reason, by, now);
    });
  }

  public List<CalendarDays.ChangedDay> changedDays() {
    return days.changedDays();
  }

  public List<CalendarDays.Change> changes() {
    return days.changes();
  }

  /**
   * At start-up: the calendar takes the stored run-time changes; then, if the configuration changed
   * since the open enquiries' deadlines were worked out, they are worked out again, once.
   */
  @EventListener
  @Order(3) // after the role groups and queues (engine ready, migrations applied)
  public void onStart(ApplicationStartedEvent started) {
    followConfiguration(calendar);
  }

  /**
   * Compares {@code current} (this node's calendar, as configured) with the stored fingerprint and,
   * if it differs, moves the open enquiries' deadlines from the recorded calendar to it. Returns the
   * change made, if any. Public for the restart test, which passes a calendar configured otherwise.
   */
  public Optional<Outcome> followConfiguration(WorkingCalendar current) {
    return underLock("the calendar configuration", () -> {
      current.useChanges(days.workingByDay());
      Instant now = clock.now();
      int year = now.atZone(current.zone()).getYear();
      CalendarFingerprint is = CalendarFingerprint.of(current, year);
      Optional<CalendarFingerprint> was = days.fingerprint();
      if (was.isPresent() && was.get().sameCalendarAs(is)) {
        if (!was.get().equals(is)) {
          days.saveFingerprint(is, now); // the years around now moved on; nothing else changed
        }
        return Optional.<Outcome>empty();
      }
      if (was.isEmpty()) {
        // First start with this feature (or an unreadable record): the deadlines were worked out on
        // this calendar as far as anyone knows; record it, move nothing.
        days.saveFingerprint(is, now);
        return Optional.<Outcome>empty();
      }
      String reason = describe(was.get(), is);
      List<OpenEnquiryDeadlines.Moved> moved = deadlines.follow(current.as(was.get()), current.snapshot(), now);
      Outcome outcome = record(null, CONFIGURATION_CHANGED, reason, CONFIGURATION, now, moved);
      days.saveFingerprint(is, now);
      LOG.info("Working-day calendar changed in configuration ({}): {} deadlines of {} open enquiries moved",
          reason, moved.size(), outcome.enquiriesMoved());
      return Optional.of(outcome);
    });
  }

  /**
   * Reloads the stored run-time changes: another node may have made one. Its own recompute moved the
   * open enquiries; this node only has to count working days the same way from now on.
   */
  @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
  public void refresh() {
    synchronized (this) { // not in the middle of this node's own change
      calendar.useChanges(days.workingByDay());
    }
  }

  private Outcome apply(Map<LocalDate, Boolean> changed, LocalDate date, String change, String reason, String by,
      Instant now) {
    WorkingCalendar before = calendar.snapshot();
    calendar.useChanges(changed);
    try {
      List<OpenEnquiryDeadlines.Moved> moved = deadlines.follow(before, calendar.snapshot(), now);
      Outcome outcome = record(date, change, reason, by, now, moved);
      days.saveFingerprint(CalendarFingerprint.of(calendar, now.atZone(calendar.zone()).getYear()), now);
      return outcome;
    } catch (RuntimeException e) {
      calendar.useChanges(before.changes()); // the transaction rolls back: so does the calendar
      throw e;
    }
  }

  private Outcome record(LocalDate date, String change, String reason, String by, Instant now,
      List<OpenEnquiryDeadlines.Moved> moved) {
    int enquiries = (int) moved.stream().map(OpenEnquiryDeadlines.Moved::processInstanceId).distinct().count();
    long id = days.recordChange(date, change, reason, by, now, enquiries);
    moved.forEach(m -> days.recordMoved(id, m));
    return new Outcome(id, moved);
  }

  private static String describe(CalendarFingerprint was, CalendarFingerprint is) {
    NavigableSet<LocalDate> added = is.addedSince(was);
    NavigableSet<LocalDate> removed = was.addedSince(is);
    StringBuilder text = new StringBuilder("The calendar configuration changed at start-up");
    if (!added.isEmpty()) {
      text.append("; days off added: ").append(join(added));
    }
    if (!removed.isEmpty()) {
      text.append("; days off removed: ").append(join(removed));
    }
    if (!was.zone().equals(is.zone()) || !was.endOfWorkingDay().equals(is.endOfWorkingDay())) {
      text.append("; working day now ends at ").append(is.endOfWorkingDay()).append(' ').append(is.zone());
    }
    return text.append('.').toString();
  }

  private static String join(NavigableSet<LocalDate> dates) {
    return dates.stream().map(LocalDate::toString).collect(Collectors.joining(", "));
  }

  /**
   * One change at a time across nodes (the seeding lock), in one transaction with the engine's
   * writes, run as the product rather than the caller: the recompute reads and moves every open case,
   * whatever the caller's own Camunda authorizations cover.
   */
  private <T> T underLock(String what, java.util.function.Supplier<T> change) {
    Object[] result = new Object[1];
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      synchronized (this) {
        seeding.exclusively(what, () -> {
          calendar.useChanges(days.workingByDay()); // another node may have changed it meanwhile
          result[0] = change.get();
        });
      }
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
    @SuppressWarnings("unchecked")
    T value = (T) result[0];
    return value;
  }
}
