package org.memberenquiries.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.deadline.TimescaleProperties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The shipped application.yml binds to the calendar and timescales (R0, R4, R5, R7, R9) and is validated. */
class CalendarConfigurationTest {

  @Configuration
  @EnableConfigurationProperties({CalendarProperties.class, TimescaleProperties.class})
  static class Properties {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withInitializer(new ConfigDataApplicationContextInitializer())
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(Properties.class);

  @Test
  @DisplayName("R0, R4, R5, R7, R9 shipped defaults")
  void shippedDefaults() {
    runner.run(context -> {
      CalendarProperties calendar = context.getBean(CalendarProperties.class);
      assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/London"));
      assertThat(calendar.division()).isEqualTo(Division.ENGLAND_AND_WALES);
      assertThat(calendar.endOfWorkingDay()).isEqualTo(LocalTime.of(17, 0));
      assertThat(calendar.closureDays()).isEmpty();
      assertThat(context.getBean(TimescaleProperties.class)).isEqualTo(new TimescaleProperties(1, 10, 20, 10));
    });
  }

  @Test
  @DisplayName("R0 division, closure days and per-division corrections bind from configuration")
  void overrides() {
    runner
        .withPropertyValues(
            "enquiries.calendar.division=northern-ireland",
            "enquiries.calendar.end-of-working-day=16:30",
            "enquiries.calendar.closure-days=2026-12-29,2026-12-30",
            "enquiries.calendar.additional-bank-holidays.NORTHERN_IRELAND[0]=2026-07-14",
            "enquiries.calendar.removed-bank-holidays.scotland[0]=2026-06-15")
        .run(context -> {
          CalendarProperties calendar = context.getBean(CalendarProperties.class);
          assertThat(calendar.division()).isEqualTo(Division.NORTHERN_IRELAND);
          assertThat(calendar.endOfWorkingDay()).isEqualTo(LocalTime.of(16, 30));
          assertThat(calendar.closureDays()).containsExactly(LocalDate.of(2026, 12, 29), LocalDate.of(2026, 12, 30));
          assertThat(calendar.additionalBankHolidays())
              .containsEntry(Division.NORTHERN_IRELAND, List.of(LocalDate.of(2026, 7, 14)));
          assertThat(calendar.removedBankHolidays())
              .containsEntry(Division.SCOTLAND, List.of(LocalDate.of(2026, 6, 15)));
        });
  }

  @Test
  @DisplayName("R5 a timescale of 0 working days is rejected at start-up")
  void invalidTimescale() {
    runner.withPropertyValues("enquiries.timescales.response-working-days=0")
        .run(context -> assertThat(context).getFailure().hasStackTraceContaining("responseWorkingDays"));
  }

  @Test
  @DisplayName("R0 an end of working day at midnight is rejected at start-up")
  void invalidEndOfDay() {
    runner.withPropertyValues("enquiries.calendar.end-of-working-day=00:00")
        .run(context -> assertThat(context).getFailure().hasStackTraceContaining("endOfWorkingDay must be after 00:00"));
  }
}
