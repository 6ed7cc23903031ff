package org.memberenquiries.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The bank holidays of the council's division (R0), as the days they are observed: a holiday on a
 * weekend counts on its substitute weekday. Jollyday supplies the rules; the process owner's
 * additions and removals (from the published list) are applied on top.
 */
@Component
public class BankHolidays {

  private final HolidayManager jollyday;
  private final Division division;
  private final Set<LocalDate> added;
  private final Set<LocalDate> removed;
  private final Map<Integer, NavigableSet<LocalDate>> byYear = new ConcurrentHashMap<>();

  public BankHolidays(CalendarProperties properties) {
    this.jollyday = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
    this.division = properties.division();
    // An unknown subdivision code silently yields the UK-wide days only: fail at start-up instead.
    if (!jollyday.getCalendarHierarchy().getChildren().containsKey(division.jollydayCode())) {
      throw new IllegalStateException("jollyday has no UK subdivision '" + division.jollydayCode() + "'");
    }
    this.added = Set.copyOf(properties.additionalBankHolidays().getOrDefault(division, List.of()));
    this.removed = Set.copyOf(properties.removedBankHolidays().getOrDefault(division, List.of()));
  }

  public Division division() {
    return division;
  }

  public boolean isBankHoliday(LocalDate day) {
    return in(day.getYear()).contains(day);
  }

  /** The days off in the given calendar year, in order. */
  public NavigableSet<LocalDate> in(int year) {
    return byYear.computeIfAbsent(year, this::load);
  }

  private NavigableSet<LocalDate> load(int year) {
    NavigableSet<LocalDate> days = new TreeSet<>();
    // A substitute could in principle cross a year end, so look at the neighbouring years too.
    for (int y = year - 1; y <= year + 1; y++) {
      for (Holiday holiday : jollyday.getHolidays(Year.of(y), division.jollydayCode())) {
        LocalDate observed = holiday.getObservedDate().orElse(holiday.getDate());
        if (holiday.getType() != HolidayType.OBSERVANCE && observed.getYear() == year) {
          days.add(observed);
        }
      }
    }
    added.stream().filter(day -> day.getYear() == year).forEach(days::add);
    days.removeAll(removed);
    return Collections.unmodifiableNavigableSet(days);
  }
}
