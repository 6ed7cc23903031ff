package org.memberenquiries.calendar;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * R0: the bank holidays of each division, as observed (substitute days, not the weekend dates),
 * asserted in full against the UK government's published lists (gov.uk/bank-holidays).
 */
class BankHolidaysTest {

  private static BankHolidays of(Division division) {
    return new BankHolidays(CalendarProperties.defaults().withDivision(division));
  }

  private static LocalDate[] days(String... isoDates) {
    return Arrays.stream(isoDates).map(LocalDate::parse).toArray(LocalDate[]::new);
  }

  @Nested
  @DisplayName("R0 England and Wales, published list")
  class EnglandAndWales {
    private final BankHolidays holidays = of(Division.ENGLAND_AND_WALES);

    @Test
    void in2025() {
      assertThat(holidays.in(2025)).containsExactly(days(
          "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25",
          "2025-12-26"));
    }

    @Test
    @DisplayName("2026: Boxing Day on Saturday is observed on Monday 28 December")
    void in2026() {
      assertThat(holidays.in(2026)).containsExactly(days(
          "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25",
          "2026-12-28"));
    }

    @Test
    @DisplayName("2027: Christmas on Saturday and Boxing Day on Sunday are observed on Monday 27 and Tuesday 28")
    void in2027() {
      assertThat(holidays.in(2027)).containsExactly(days(
          "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27",
          "2027-12-28"));
    }

    @Test
    @DisplayName("2028: New Year's Day on Saturday is observed on Monday 3 January")
    void newYear2028() {
      assertThat(holidays.in(2028)).contains(parse("2028-01-03")).doesNotContain(parse("2028-01-01"));
    }
  }

  @Nested
  @DisplayName("R0 Scotland, published list: 2 January, St Andrew's Day, first Monday of August, no Easter Monday")
  class Scotland {
    private final BankHolidays holidays = of(Division.SCOTLAND);

    @Test
    @DisplayName("2025: St Andrew's Day on Sunday is observed on Monday 1 December")
    void in2025() {
      assertThat(holidays.in(2025)).containsExactly(days(
          "2025-01-01", "2025-01-02", "2025-04-18", "2025-05-05", "2025-05-26", "2025-08-04", "2025-12-01",
          "2025-12-25", "2025-12-26"));
    }

    @Test
    @DisplayName("2026: includes the one-off World Cup bank holiday, Monday 15 June")
    void in2026() {
      assertThat(holidays.in(2026)).containsExactly(days(
          "2026-01-01", "2026-01-02", "2026-04-03", "2026-05-04", "2026-05-25", "2026-06-15", "2026-08-03",
          "2026-11-30", "2026-12-25", "2026-12-28"));
    }

    @Test
    @DisplayName("2027: 2 January on Saturday is observed on Monday 4 January")
    void in2027() {
      assertThat(holidays.in(2027)).containsExactly(days(
          "2027-01-01", "2027-01-04", "2027-03-26", "2027-05-03", "2027-05-31", "2027-08-02", "2027-11-30",
          "2027-12-27", "2027-12-28"));
    }

    @Test
    @DisplayName("2024: St Andrew's Day on Saturday is observed on Monday 2 December")
    void standrews2024() {
      assertThat(holidays.in(2024)).contains(parse("2024-12-02")).doesNotContain(parse("2024-11-30"));
    }

    @Test
    @DisplayName("2028: New Year's Day (Sat) and 2 January (Sun) are observed on Monday 3 and Tuesday 4")
    void newYear2028() {
      assertThat(holidays.in(2028)).contains(parse("2028-01-03"), parse("2028-01-04"));
    }
  }

  @Nested
  @DisplayName("R0 Northern Ireland, published list: St Patrick's Day, Battle of the Boyne")
  class NorthernIreland {
    private final BankHolidays holidays = of(Division.NORTHERN_IRELAND);

    @Test
    @DisplayName("2025: Battle of the Boyne on Saturday is observed on Monday 14 July")
    void in2025() {
      assertThat(holidays.in(2025)).containsExactly(days(
          "2025-01-01", "2025-03-17", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-07-14",
          "2025-08-25", "2025-12-25", "2025-12-26"));
    }

    @Test
    @DisplayName("2026: Battle of the Boyne on Sunday is observed on Monday 13 July")
    void in2026() {
      assertThat(holidays.in(2026)).containsExactly(days(
          "2026-01-01", "2026-03-17", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-07-13",
          "2026-08-31", "2026-12-25", "2026-12-28"));
    }

    @Test
    void in2027() {
      assertThat(holidays.in(2027)).containsExactly(days(
          "2027-01-01", "2027-03-17", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-07-12",
          "2027-08-30", "2027-12-27", "2027-12-28"));
    }

    @Test
    @DisplayName("New Year's Day on a weekend has its substitute: 3 Jan 2022, 2 Jan 2023, 3 Jan 2028")
    void newYearSubstitutes() {
      assertThat(holidays.in(2022)).contains(parse("2022-01-03"));
      assertThat(holidays.in(2023)).contains(parse("2023-01-02"));
      assertThat(holidays.in(2028)).contains(parse("2028-01-03"));
    }

    @Test
    @DisplayName("2024: St Patrick's Day on Sunday is observed on Monday 18 March")
    void stPatrick2024() {
      assertThat(holidays.in(2024)).contains(parse("2024-03-18")).doesNotContain(parse("2024-03-17"));
    }
  }

  @Nested
  @DisplayName("R0 the process owner's corrections")
  class Corrections {

    @Test
    @DisplayName("additions and removals apply to the configured division only")
    void additionsAndRemovals() {
      var properties = new CalendarProperties(
          null,
          Division.ENGLAND_AND_WALES,
          null,
          null,
          Map.of(
              Division.ENGLAND_AND_WALES, List.of(parse("2026-07-01")),
              Division.SCOTLAND, List.of(parse("2026-07-02"))),
          Map.of(Division.ENGLAND_AND_WALES, List.of(parse("2026-08-31"))));
      BankHolidays holidays = new BankHolidays(properties);

      assertThat(holidays.isBankHoliday(parse("2026-07-01"))).isTrue();
      assertThat(holidays.isBankHoliday(parse("2026-07-02"))).isFalse();
      assertThat(holidays.isBankHoliday(parse("2026-08-31"))).isFalse();
      assertThat(holidays.in(2026)).containsExactly(days(
          "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-07-01", "2026-12-25",
          "2026-12-28"));
    }
  }
}
