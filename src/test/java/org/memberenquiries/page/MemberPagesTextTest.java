package org.memberenquiries.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.memberenquiries.calendar.CouncilDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates and times on the Members' pages, written the GOV.UK way in the council's zone. */
class MemberPagesTextTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  @ParameterizedTest(name = "{0} is \"{1}\"")
  @CsvSource(delimiter = '|', value = {
      "2026-11-23T17:00:00Z      | 5pm, Monday 23 November 2026",
      "2026-06-01T16:00:00Z      | 5pm, Monday 1 June 2026",        // British Summer Time
      "2026-03-27T10:30:00Z      | 10:30am, Friday 27 March 2026",
      "2026-03-30T11:05:00+01:00 | 11:05am, Monday 30 March 2026",
      "2026-12-18T12:00:00Z      | midday, Friday 18 December 2026",
      "2027-01-01T00:00:00Z      | midnight, Friday 1 January 2027",
      "2026-12-31T23:59:00Z      | 11:59pm, Thursday 31 December 2026"})
  @DisplayName("A date and time reads like \"5pm, Monday 23 November 2026\", in London time")
  void dateTime(String at, String expected) {
    assertThat(PageText.dateTime(OffsetDateTime.parse(at), LONDON)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is \"{1}\"")
  @CsvSource(delimiter = '|', value = {
      "2026-12-18 | Friday 18 December 2026",
      "2027-01-06 | Wednesday 6 January 2027"})
  @DisplayName("A day given by an officer (estimated, revised or agreed date) reads like \"Friday 18 December 2026\"")
  void day(String day, String expected) {
    assertThat(CouncilDates.date(LocalDate.parse(day))).isEqualTo(expected);
  }

  @Test
  @DisplayName("No date reads as nothing")
  void noDate() {
    assertThat(PageText.dateTime(null, LONDON)).isEmpty();
  }

  @Test
  @DisplayName("Field messages take their limits from NewEnquiry's constraints")
  void messages() {
    assertThat(EnquiryForm.message("text", "Size", 20000)).isEqualTo("Your enquiry must be 20,000 characters or fewer");
    assertThat(EnquiryForm.message("subject", "NotBlank", null)).isEqualTo("Enter a subject");
    assertThat(ReplyForm.message("reply", "Size", 20000)).isEqualTo("Your reply must be 20,000 characters or fewer");
  }
}
