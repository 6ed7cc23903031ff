package org.memberenquiries.calendarchange;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.web.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 8 item 3 (R0), for administrators: add or remove a closure day or a bank holiday while
 * enquiries are open; their deadlines, timers and the Members' dates follow. See README "Working-day
 * calendar".
 */
@RestController
@RequestMapping("/api/admin/calendar")
public class CalendarChangeController {

  static final int MAX_REASON = 1000;

  private final CalendarChanges changes;

  public CalendarChangeController(CalendarChanges changes) {
    this.changes = changes;
  }

  /** A day and why it changes, e.g. {@code {"date":"2022-09-19","reason":"State funeral"}}. */
  public record DayChange(String date, String reason) {}

  /** What a change did: the day, and each open enquiry's deadline it moved. */
  public record ChangeMade(long changeId, String date, String change, int enquiriesMoved, List<MovedDeadline> moved) {}

  public record MovedDeadline(String reference, String deadline, String previousDue, String newDue) {}

  @GetMapping("/days")
  public List<CalendarDays.ChangedDay> days() {
    return changes.changedDays();
  }

  @GetMapping("/changes")
  public List<CalendarDays.Change> history() {
    return changes.changes();
  }

  @PostMapping("/closure-days")
  @ResponseStatus(HttpStatus.CREATED)
  public ChangeMade addClosureDay(@RequestBody DayChange body, Authentication user) {
    return add(body, DayOffKind.CLOSURE_DAY, user);
  }

  @DeleteMapping("/closure-days")
  public ChangeMade removeClosureDay(@RequestBody DayChange body, Authentication user) {
    return remove(body, DayOffKind.CLOSURE_DAY, user);
  }

  @PostMapping("/bank-holidays")
  @ResponseStatus(HttpStatus.CREATED)
  public ChangeMade addBankHoliday(@RequestBody DayChange body, Authentication user) {
    return add(body, DayOffKind.BANK_HOLIDAY, user);
  }

  @DeleteMapping("/bank-holidays")
  public ChangeMade removeBankHoliday(@RequestBody DayChange body, Authentication user) {
    return remove(body, DayOffKind.BANK_HOLIDAY, user);
  }

  private ChangeMade add(DayChange body, DayOffKind kind, Authentication user) {
    LocalDate date = date(body);
    return made(date, kind.name() + "_ADDED", changes.addDayOff(date, kind, reason(body), user.getName()));
  }

  private ChangeMade remove(DayChange body, DayOffKind kind, Authentication user) {
    LocalDate date = date(body);
    return made(date, kind.name() + "_REMOVED", changes.removeDayOff(date, kind, reason(body), user.getName()));
  }

  private static ChangeMade made(LocalDate date, String change, CalendarChanges.Outcome outcome) {
    List<MovedDeadline> moved = outcome.moved().stream()
        .map(m -> new MovedDeadline(m.reference(), m.deadline(), m.previous().toString(), m.next().toString()))
        .toList();
    return new ChangeMade(outcome.changeId(), date.toString(), change, outcome.enquiriesMoved(), moved);
  }

  private static LocalDate date(DayChange body) {
    if (body == null || body.date() == null || body.date().isBlank()) {
      throw new InvalidFieldException("date", "Field 'date' is required: a day as yyyy-MM-dd, e.g. 2022-09-19.");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(body.date().strip(), DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeException e) {
      throw new InvalidFieldException("date", "Field 'date' is not a day: '" + body.date()
          + "'. Expected yyyy-MM-dd, e.g. 2022-09-19.");
    }
    if (date.getYear() < WorkingCalendar.FIRST_YEAR || date.getYear() > WorkingCalendar.LAST_YEAR) {
      throw new InvalidFieldException("date", "Field 'date' must be " + WorkingCalendar.coveredYears() + ".");
    }
    if (WorkingCalendar.isWeekend(date)) {
      throw new InvalidFieldException("date", "Field 'date' is a " + date.getDayOfWeek().toString().charAt(0)
          + date.getDayOfWeek().toString().substring(1).toLowerCase() + ", never a working day: " + date + ".");
    }
    return date;
  }

  private static String reason(DayChange body) {
    if (body.reason() == null || body.reason().isBlank()) {
      throw new InvalidFieldException("reason", "Field 'reason' is required: why the day changes (it is recorded"
          + " on every enquiry whose deadlines move).");
    }
    if (body.reason().length() > MAX_REASON) {
      throw new InvalidFieldException("reason", "Field 'reason' must be at most " + MAX_REASON + " characters.");
    }
    return body.reason().strip();
  }
}
