package org.memberenquiries.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.calendar.BankHolidays;
import org.memberenquiries.calendar.CalendarProperties;
import org.memberenquiries.calendar.Division;
import org.memberenquiries.calendar.WorkingCalendar;

/** R4, R5, R7, R9 deadlines on real dates, counted by hand. Date-times compared as text to check offsets. */
class DeadlineCalculatorTest {

  private static DeadlineCalculator calculator(CalendarProperties properties) {
    WorkingCalendar calendar = new WorkingCalendar(properties, new BankHolidays(properties));
    return new DeadlineCalculator(calendar, TimescaleProperties.defaults());
  }

  private final DeadlineCalculator england = calculator(CalendarProperties.defaults());

  private static Instant london(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/London")).toInstant();
  }

  private static String text(OffsetDateTime dateTime) {
    return dateTime.toString();
  }

  @Test
  @DisplayName("R4, R5, R7 received Wed 11 Mar 2026 10:00: the 20-day deadline crosses DST and Easter")
  void ordinaryReceipt() {
    Instant received = london("2026-03-11T10:00");
    Deadlines owed = england.deadlinesFor(received);

    assertThat(owed.receivedAt()).isEqualTo(received);
    assertThat(owed.effectiveReceiptDay()).isEqualTo("2026-03-11");
    assertThat(text(owed.acknowledgeBy())).isEqualTo("2026-03-12T17:00Z");
    assertThat(text(owed.respondBy())).isEqualTo("2026-03-25T17:00Z");
    // after Wed 25: Thu 26, Fri 27, Mon 30, Tue 31, Wed 1, Thu 2, (Easter), Tue 7 .. Fri 10 = 20
    assertThat(text(owed.fullResponseBy())).isEqualTo("2026-04-10T17:00+01:00");
  }

  @Test
  @DisplayName("R0, R4, R5, R7 received Fri 27 Mar 2026 18:00 GMT: counts from Mon 30 Mar, after the clocks change")
  void afterHoursBeforeDst() {
    Deadlines owed = england.deadlinesFor(Instant.parse("2026-03-27T18:00:00Z"));

    assertThat(owed.effectiveReceiptDay()).isEqualTo("2026-03-30");
    assertThat(text(owed.acknowledgeBy())).isEqualTo("2026-03-31T17:00+01:00");
    // Tue 31, Wed 1, Thu 2, (Good Friday, Easter Monday), Tue 7 .. Fri 10, Mon 13, Tue 14, Wed 15
    assertThat(text(owed.respondBy())).isEqualTo("2026-04-15T17:00+01:00");
    // Thu 16, Fri 17, Mon 20 .. Fri 24, Mon 27, Tue 28, Wed 29
    assertThat(text(owed.fullResponseBy())).isEqualTo("2026-04-29T17:00+01:00");
  }

  @Test
  @DisplayName("R9 reply to a question asked Mon 1 Jun 2026 is due 10 working days later; Scotland skips 15 Jun")
  void clarification() {
    Instant asked = london("2026-06-01T14:00");
    // Tue 2 .. Fri 5, Mon 8 .. Fri 12, Mon 15
    assertThat(text(england.clarificationReplyDueBy(asked))).isEqualTo("2026-06-15T17:00+01:00");
    // the World Cup bank holiday, Mon 15 Jun 2026, is not a working day in Scotland
    assertThat(text(calculator(CalendarProperties.defaults().withDivision(Division.SCOTLAND))
        .clarificationReplyDueBy(asked))).isEqualTo("2026-06-16T17:00+01:00");
  }

  @Test
  @DisplayName("R9 moving a deadline later: Wed 15 Apr 2026 17:00 BST + 5 working days is Wed 22 Apr")
  void moveLater() {
    // Thu 16, Fri 17, Mon 20, Tue 21, Wed 22
    assertThat(text(england.moveLater(Instant.parse("2026-04-15T16:00:00Z"), 5))).isEqualTo("2026-04-22T17:00+01:00");
  }
}
