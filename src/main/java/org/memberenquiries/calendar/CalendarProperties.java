package org.memberenquiries.calendar;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The council's working-day calendar (R0), set by the process owner.
 *
 * @param zone the council's time zone; deadlines end at {@code endOfWorkingDay} local time
 * @param division whose bank holidays apply
 * @param endOfWorkingDay receipts at or after this local time count from the next working day
 * @param closureDays council closure days (e.g. between Christmas and New Year), not bank holidays
 * @param additionalBankHolidays published bank holidays that jollyday lacks, per division
 * @param removedBankHolidays days jollyday has that the published list does not, per division
 */
@Validated
@ConfigurationProperties("enquiries.calendar")
public record CalendarProperties(
    @NotNull ZoneId zone,
    @NotNull Division division,
    @NotNull LocalTime endOfWorkingDay,
    @NotNull List<LocalDate> closureDays,
    @NotNull Map<Division, List<LocalDate>> additionalBankHolidays,
    @NotNull Map<Division, List<LocalDate>> removedBankHolidays) {

  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/London");
  public static final LocalTime DEFAULT_END_OF_WORKING_DAY = LocalTime.of(17, 0);

  /** Unset values take the defaults, so tests and Spring binding share one source of them. */
  public CalendarProperties {
    zone = zone != null ? zone : DEFAULT_ZONE;
    division = division != null ? division : Division.ENGLAND_AND_WALES;
    endOfWorkingDay = endOfWorkingDay != null ? endOfWorkingDay : DEFAULT_END_OF_WORKING_DAY;
    closureDays = closureDays != null ? List.copyOf(closureDays) : List.of();
    additionalBankHolidays = additionalBankHolidays != null ? Map.copyOf(additionalBankHolidays) : Map.of();
    removedBankHolidays = removedBankHolidays != null ? Map.copyOf(removedBankHolidays) : Map.of();
  }

  /** The defaults: England and Wales, Europe/London, 17:00, no closure days, jollyday as published. */
  public static CalendarProperties defaults() {
    return new CalendarProperties(null, null, null, null, null, null);
  }

  public CalendarProperties withDivision(Division newDivision) {
    return new CalendarProperties(
        zone, newDivision, endOfWorkingDay, closureDays, additionalBankHolidays, removedBankHolidays);
  }

  public CalendarProperties withClosureDays(List<LocalDate> days) {
    return new CalendarProperties(zone, division, endOfWorkingDay, days, additionalBankHolidays, removedBankHolidays);
  }

  /** Midnight would make every receipt "after the end of the working day". */
  @AssertTrue(message = "endOfWorkingDay must be after 00:00")
  public boolean isEndOfWorkingDayAfterMidnight() {
    return endOfWorkingDay.isAfter(LocalTime.MIDNIGHT);
  }
}
