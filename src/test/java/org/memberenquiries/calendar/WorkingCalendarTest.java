package org.memberenquiries.calendar;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.memberenquiries.calendar.CalendarFixtures.england;
import static org.memberenquiries.calendar.CalendarFixtures.in;
import static org.memberenquiries.calendar.CalendarFixtures.london;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * R0 on real dates. Every expected value below was counted by hand on a calendar; comments show the
 * count. Offsets: London is +00:00 (written Z) until 29 Mar 2026 and from 25 Oct 2026, +01:00 between.
 */
class WorkingCalendarTest {

  private final WorkingCalendar england = england();

  /** Compared as text, so a right instant with the wrong offset fails (e.g. "16:00Z" for "17:00+01:00"). */
  private static String offset(ZonedDateTime deadline) {
    return deadline.toOffsetDateTime().toString();
  }

  @Nested
  @DisplayName("R0 working days")
  class WorkingDays {

    @Test
    @DisplayName("Monday to Friday are working days, Saturday and Sunday are not")
    void weekdays() {
      assertThat(england.isWorkingDay(parse("2026-03-09"))).isTrue(); // Monday
      assertThat(england.isWorkingDay(parse("2026-03-13"))).isTrue(); // Friday
      assertThat(england.isWorkingDay(parse("2026-03-14"))).isFalse(); // Saturday
      assertThat(england.isWorkingDay(parse("2026-03-15"))).isFalse(); // Sunday
    }

    @Test
    @DisplayName("Easter 2026: Good Friday 3 Apr and Easter Monday 6 Apr are not working days in England")
    void easterEngland() {
      assertThat(england.isWorkingDay(parse("2026-04-02"))).isTrue();
      assertThat(england.isWorkingDay(parse("2026-04-03"))).isFalse();
      assertThat(england.isWorkingDay(parse("2026-04-06"))).isFalse();
      assertThat(england.isWorkingDay(parse("2026-04-07"))).isTrue();
    }

    @Test
    @DisplayName("Easter Monday is a working day in Scotland; Good Friday is not")
    void easterScotland() {
      WorkingCalendar scotland = in(Division.SCOTLAND);
      assertThat(scotland.isWorkingDay(parse("2026-04-03"))).isFalse();
      assertThat(scotland.isWorkingDay(parse("2026-04-06"))).isTrue();
    }

    @Test
    @DisplayName("substitute days: Boxing Day 2026 (Sat) on Mon 28 Dec; Christmas 2027 on Mon 27 and Tue 28 Dec; New Year 2028 on Mon 3 Jan")
    void substitutes() {
      assertThat(england.isWorkingDay(parse("2026-12-28"))).isFalse();
      assertThat(england.isWorkingDay(parse("2026-12-29"))).isTrue();
      assertThat(england.isWorkingDay(parse("2027-12-27"))).isFalse();
      assertThat(england.isWorkingDay(parse("2027-12-28"))).isFalse();
      assertThat(england.isWorkingDay(parse("2027-12-29"))).isTrue();
      assertThat(england.isWorkingDay(parse("2028-01-03"))).isFalse();
      assertThat(england.isWorkingDay(parse("2028-01-04"))).isTrue();
    }

    @Test
    @DisplayName("Scotland: 2 January, St Andrew's Day (substitute Mon 1 Dec 2025), first Monday of August")
    void scotland() {
      WorkingCalendar scotland = in(Division.SCOTLAND);
      assertThat(scotland.isWorkingDay(parse("2026-01-02"))).isFalse();
      assertThat(scotland.isWorkingDay(parse("2025-12-01"))).isFalse();
      assertThat(scotland.isWorkingDay(parse("2026-11-30"))).isFalse();
      assertThat(scotland.isWorkingDay(parse("2026-08-03"))).isFalse();
      assertThat(scotland.isWorkingDay(parse("2026-08-31"))).isTrue(); // England's summer bank holiday
      assertThat(england.isWorkingDay(parse("2026-08-03"))).isTrue();
      assertThat(england.isWorkingDay(parse("2026-01-02"))).isTrue();
    }

    @Test
    @DisplayName("Northern Ireland: St Patrick's Day 17 Mar 2026, Battle of the Boyne observed Mon 13 Jul 2026")
    void northernIreland() {
      WorkingCalendar ni = in(Division.NORTHERN_IRELAND);
      assertThat(ni.isWorkingDay(parse("2026-03-17"))).isFalse();
      assertThat(ni.isWorkingDay(parse("2026-07-13"))).isFalse();
      assertThat(ni.isWorkingDay(parse("2026-07-14"))).isTrue();
      assertThat(england.isWorkingDay(parse("2026-03-17"))).isTrue();
      assertThat(england.isWorkingDay(parse("2026-07-13"))).isTrue();
    }

    @Test
    @DisplayName("council closure days from configuration are not working days")
    void closureDays() {
      WorkingCalendar closed = CalendarFixtures.calendar(CalendarProperties.defaults()
          .withClosureDays(List.of(parse("2026-12-29"), parse("2026-12-30"), parse("2026-12-31"))));
      assertThat(closed.isWorkingDay(parse("2026-12-30"))).isFalse();
      assertThat(england.isWorkingDay(parse("2026-12-30"))).isTrue();
    }
  }

  @Nested
  @DisplayName("R0 effective receipt day")
  class EffectiveReceipt {

    @Test
    @DisplayName("on a working day before 17:00 it is that day; at 17:00 or later the next working day")
    void endOfWorkingDay() {
      assertThat(england.effectiveReceiptDay(london("2026-03-11T10:00"))).isEqualTo("2026-03-11"); // Wed
      assertThat(england.effectiveReceiptDay(london("2026-03-11T16:59"))).isEqualTo("2026-03-11");
      assertThat(england.effectiveReceiptDay(london("2026-03-11T17:00"))).isEqualTo("2026-03-12");
      assertThat(england.effectiveReceiptDay(london("2026-03-11T23:30"))).isEqualTo("2026-03-12");
    }

    @Test
    @DisplayName("Friday evening, Saturday and Sunday count from Monday")
    void weekend() {
      assertThat(england.effectiveReceiptDay(london("2026-03-13T17:30"))).isEqualTo("2026-03-16");
      assertThat(england.effectiveReceiptDay(london("2026-03-14T10:00"))).isEqualTo("2026-03-16");
      assertThat(england.effectiveReceiptDay(london("2026-03-15T08:00"))).isEqualTo("2026-03-16");
    }

    @Test
    @DisplayName("a receipt on Good Friday or before Easter counts from Tuesday 7 Apr 2026")
    void bankHoliday() {
      assertThat(england.effectiveReceiptDay(london("2026-04-03T09:00"))).isEqualTo("2026-04-07");
      assertThat(england.effectiveReceiptDay(london("2026-04-02T17:30"))).isEqualTo("2026-04-07");
      assertThat(england.effectiveReceiptDay(london("2026-04-06T11:00"))).isEqualTo("2026-04-07");
    }

    @Test
    @DisplayName("year end: New Year's Eve evening counts from Mon 4 Jan 2027 (England), Tue 5 Jan 2027 (Scotland)")
    void yearEnd() {
      assertThat(england.effectiveReceiptDay(london("2026-12-31T18:00"))).isEqualTo("2027-01-04");
      assertThat(in(Division.SCOTLAND).effectiveReceiptDay(london("2026-12-31T18:00"))).isEqualTo("2027-01-05");
    }

    @Test
    @DisplayName("17:00 is local time: 16:30Z is before the end of the day in winter, after it in summer")
    void daylightSaving() {
      assertThat(england.effectiveReceiptDay(Instant.parse("2026-03-27T16:30:00Z"))).isEqualTo("2026-03-27");
      assertThat(england.effectiveReceiptDay(Instant.parse("2026-03-30T16:30:00Z"))).isEqualTo("2026-03-31");
      assertThat(england.effectiveReceiptDay(Instant.parse("2026-10-23T16:30:00Z"))).isEqualTo("2026-10-26");
      assertThat(england.effectiveReceiptDay(Instant.parse("2026-10-26T16:30:00Z"))).isEqualTo("2026-10-26");
    }
  }

  @Nested
  @DisplayName("R0 end of the n-th working day after receipt (R4 n=1, R5 n=10)")
  class NthWorkingDay {

    @Test
    @DisplayName("R4/R5 ordinary week: received Wed 11 Mar 2026 10:00")
    void ordinary() {
      Instant received = london("2026-03-11T10:00");
      assertThat(offset(england.endOfNthWorkingDayAfter(received, 1))).isEqualTo("2026-03-12T17:00Z");
      // Thu 12, Fri 13, Mon 16 .. Fri 20, Mon 23, Tue 24, Wed 25
      assertThat(offset(england.endOfNthWorkingDayAfter(received, 10))).isEqualTo("2026-03-25T17:00Z");
    }

    @Test
    @DisplayName("R4 received at 16:59 vs 17:00 vs 23:30 on Wed 11 Mar 2026")
    void receiptTimes() {
      assertThat(offset(england.endOfNthWorkingDayAfter(london("2026-03-11T16:59"), 1)))
          .isEqualTo("2026-03-12T17:00Z");
      assertThat(offset(england.endOfNthWorkingDayAfter(london("2026-03-11T17:00"), 1)))
          .isEqualTo("2026-03-13T17:00Z");
      assertThat(offset(england.endOfNthWorkingDayAfter(london("2026-03-11T23:30"), 1)))
          .isEqualTo("2026-03-13T17:00Z");
    }

    @Test
    @DisplayName("R4 received on Saturday 14 Mar 2026: acknowledge by Tue 17 Mar")
    void saturday() {
      assertThat(offset(england.endOfNthWorkingDayAfter(london("2026-03-14T10:00"), 1)))
          .isEqualTo("2026-03-17T17:00Z");
    }

    @Test
    @DisplayName("R4 received on Good Friday 2026: counts from Tue 7 Apr, acknowledge by Wed 8 Apr 17:00 BST")
    void goodFriday() {
      assertThat(offset(england.endOfNthWorkingDayAfter(london("2026-04-03T09:00"), 1)))
          .isEqualTo("2026-04-08T17:00+01:00");
    }

    @Test
    @DisplayName("R4/R5 spring DST (29 Mar 2026): received Fri 27 Mar 10:00 GMT, deadlines at 17:00 BST")
    void springForward() {
      Instant received = london("2026-03-27T10:00");
      assertThat(offset(england.endOfNthWorkingDayAfter(received, 0))).isEqualTo("2026-03-27T17:00Z");
      assertThat(offset(england.endOfNthWorkingDayAfter(received, 1))).isEqualTo("2026-03-30T17:00+01:00");
      // Mon 30, Tue 31, Wed 1, Thu 2, (Good Friday, Easter Monday), Tue 7 .. Fri 10, Mon 13, Tue 14
      assertThat(offset(england.endOfNthWorkingDayAfter(received, 10))).isEqualTo("2026-04-14T17:00+01:00");
      assertThat(england.endOfNthWorkingDayAfter(received, 1).toInstant()).isEqualTo("2026-03-30T16:00:00Z");
    }

    @Test
    @DisplayName("R4/R5 autumn DST (25 Oct 2026): received Thu 22 Oct 10:00 BST, deadlines at 17:00 GMT")
    void fallBack() {
      Instant received = london("2026-10-22T10:00");
      assertThat(offset(england.endOfNthWorkingDayAfter(received, 1))).isEqualTo("2026-10-23T17:00+01:00");
      assertThat(offset(england.endOfNthWorkingDayAfter(received, 2))).isEqualTo("2026-10-26T17:00Z");
      // Fri 23, Mon 26 .. Fri 30, Mon 2 Nov .. Thu 5 Nov
      assertThat(offset(england.endOfNthWorkingDayAfter(received, 10))).isEqualTo("2026-11-05T17:00Z");
    }

    @Test
    @DisplayName("R4/R5/R7 Christmas to New Year: received Thu 24 Dec 2026 10:00")
    void christmas() {
      Instant received = london("2026-12-24T10:00");
      // Fri 25 Christmas, Mon 28 Boxing Day substitute: Tue 29 is the first
      assertThat(offset(england.endOfNthWorkingDayAfter(received, 1))).isEqualTo("2026-12-29T17:00Z");
      // Tue 29, Wed 30, Thu 31, (Fri 1 Jan), Mon 4 .. Fri 8, Mon 11, Tue 12
      assertThat(offset(england.endOfNthWorkingDayAfter(received, 10))).isEqualTo("2027-01-12T17:00Z");
      // Wed 13 .. Fri 15, Mon 18 .. Fri 22, Mon 25, Tue 26
      assertThat(offset(england.endOfNthWorkingDayAfter(received, 20))).isEqualTo("2027-01-26T17:00Z");
    }

    @Test
    @DisplayName("R5 Christmas with council closure days 29-31 Dec 2026: received Thu 24 Dec 10:00")
    void christmasWithClosureDays() {
      WorkingCalendar closed = CalendarFixtures.calendar(CalendarProperties.defaults()
          .withClosureDays(List.of(parse("2026-12-29"), parse("2026-12-30"), parse("2026-12-31"))));
      Instant received = london("2026-12-24T10:00");
      assertThat(offset(closed.endOfNthWorkingDayAfter(received, 1))).isEqualTo("2027-01-04T17:00Z");
      // Mon 4 .. Fri 8, Mon 11 .. Fri 15
      assertThat(offset(closed.endOfNthWorkingDayAfter(received, 10))).isEqualTo("2027-01-15T17:00Z");
    }

    @Test
    @DisplayName("R4/R5 year end 2027-28: received Fri 24 Dec 2027 12:00")
    void yearEnd2027() {
      Instant received = london("2027-12-24T12:00");
      assertThat(offset(england.endOfNthWorkingDayAfter(received, 1))).isEqualTo("2027-12-29T17:00Z");
      // Wed 29, Thu 30, Fri 31, (Mon 3 Jan substitute), Tue 4 .. Fri 7, Mon 10, Tue 11, Wed 12
      assertThat(offset(england.endOfNthWorkingDayAfter(received, 10))).isEqualTo("2028-01-12T17:00Z");
    }

    @Test
    @DisplayName("end of working day carries the day's offset")
    void endOfWorkingDay() {
      assertThat(offset(england.endOfWorkingDay(parse("2026-03-27")))).isEqualTo("2026-03-27T17:00Z");
      assertThat(offset(england.endOfWorkingDay(parse("2026-03-30")))).isEqualTo("2026-03-30T17:00+01:00");
      assertThat(offset(england.endOfWorkingDay(parse("2026-10-23")))).isEqualTo("2026-10-23T17:00+01:00");
      assertThat(offset(england.endOfWorkingDay(parse("2026-10-26")))).isEqualTo("2026-10-26T17:00Z");
    }

    @Test
    void negativeIsRejected() {
      assertThatIllegalArgumentException().isThrownBy(() -> england.endOfNthWorkingDayAfter(Instant.EPOCH, -1));
    }
  }

  @Nested
  @DisplayName("R0 working days between two instants: working-day ends in (from, to]")
  class Between {

    @Test
    @DisplayName("across a weekend")
    void weekend() {
      // ends Fri 13 Mar 17:00 and Mon 16 Mar 17:00
      assertThat(england.workingDaysBetween(london("2026-03-13T12:00"), london("2026-03-16T17:00"))).isEqualTo(2);
      assertThat(england.workingDaysBetween(london("2026-03-13T17:00"), london("2026-03-16T17:00"))).isEqualTo(1);
      assertThat(england.workingDaysBetween(london("2026-03-13T17:00"), london("2026-03-16T16:59"))).isZero();
    }

    @Test
    @DisplayName("across Easter 2026: Thu 2 Apr evening to Thu 9 Apr 17:00 is Tue, Wed, Thu")
    void bankHoliday() {
      assertThat(england.workingDaysBetween(london("2026-04-02T18:00"), london("2026-04-09T17:00"))).isEqualTo(3);
    }

    @Test
    @DisplayName("across the spring DST change: end of Mon 30 Mar 2026 is 16:00Z")
    void daylightSaving() {
      Instant endOfFriday = Instant.parse("2026-03-27T17:00:00Z");
      assertThat(england.workingDaysBetween(endOfFriday, Instant.parse("2026-03-30T16:00:00Z"))).isEqualTo(1);
      assertThat(england.workingDaysBetween(endOfFriday, Instant.parse("2026-03-30T15:59:00Z"))).isZero();
    }

    @Test
    @DisplayName("R5 across Christmas and the year end: 24 Dec 2026 17:00 to 12 Jan 2027 17:00 is 10")
    void yearEnd() {
      assertThat(england.workingDaysBetween(london("2026-12-24T17:00"), london("2027-01-12T17:00"))).isEqualTo(10);
    }

    @Test
    @DisplayName("0 when to is not after from")
    void empty() {
      Instant t = london("2026-03-11T10:00");
      assertThat(england.workingDaysBetween(t, t)).isZero();
      assertThat(england.workingDaysBetween(london("2026-03-20T10:00"), t)).isZero();
    }
  }

  @Nested
  @DisplayName("R9 moving a deadline later by working days")
  class AddWorkingDays {

    @Test
    @DisplayName("from a 17:00 deadline: Wed 15 Apr 2026 + 3 is Mon 20 Apr")
    void fromEndOfDay() {
      assertThat(offset(england.addWorkingDays(london("2026-04-15T17:00"), 3)))
          .isEqualTo("2026-04-20T17:00+01:00");
    }

    @Test
    @DisplayName("across Easter: Thu 2 Apr 2026 17:00 + 1 is Tue 7 Apr")
    void acrossEaster() {
      assertThat(offset(england.addWorkingDays(london("2026-04-02T17:00"), 1)))
          .isEqualTo("2026-04-07T17:00+01:00");
    }

    @Test
    @DisplayName("a deadline on a non-working day or after hours falls in the next working day")
    void offHours() {
      // Sat 4 Apr 2026 falls in Tue 7 Apr (Easter Monday), + 1 = Wed 8
      assertThat(offset(england.addWorkingDays(london("2026-04-04T12:00"), 1)))
          .isEqualTo("2026-04-08T17:00+01:00");
      // Wed 15 Apr 17:30 falls in Thu 16, + 1 = Fri 17
      assertThat(offset(england.addWorkingDays(london("2026-04-15T17:30"), 1)))
          .isEqualTo("2026-04-17T17:00+01:00");
      // midday + 0 is the end of that working day
      assertThat(offset(england.addWorkingDays(london("2026-04-15T12:00"), 0)))
          .isEqualTo("2026-04-15T17:00+01:00");
    }

    @Test
    @DisplayName("across the autumn DST change: Fri 23 Oct 2026 17:00 BST + 1 is Mon 26 Oct 17:00 GMT")
    void acrossDst() {
      assertThat(offset(england.addWorkingDays(Instant.parse("2026-10-23T16:00:00Z"), 1)))
          .isEqualTo("2026-10-26T17:00Z");
    }

    @Test
    void negativeIsRejected() {
      assertThatIllegalArgumentException().isThrownBy(() -> england.addWorkingDays(Instant.EPOCH, -1));
    }
  }
}
