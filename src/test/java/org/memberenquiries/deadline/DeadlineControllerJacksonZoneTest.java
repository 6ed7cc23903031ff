package org.memberenquiries.deadline;

import org.memberenquiries.security.ProblemResponses;
import org.memberenquiries.security.SecurityConfiguration;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.calendar.BankHolidays;
import org.memberenquiries.calendar.CalendarProperties;
import org.memberenquiries.calendar.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** R0 deadlines stay in the council's zone even if someone sets a global Jackson time zone. */
@WebMvcTest(controllers = DeadlineController.class, properties = "spring.jackson.time-zone=America/New_York")
@Import({BankHolidays.class, WorkingCalendar.class, DeadlineCalculator.class, SecurityConfiguration.class, ProblemResponses.class})
class DeadlineControllerJacksonZoneTest {

  @TestConfiguration
  @EnableConfigurationProperties({CalendarProperties.class, TimescaleProperties.class})
  static class CalendarConfiguration {}

  @Autowired private MockMvc mvc;

  @Test
  @DisplayName("R4 acknowledgeBy is written 2026-03-31T17:00:00+01:00, not in New York time")
  void councilZoneWins() throws Exception {
    mvc.perform(get("/api/calendar/deadlines").param("receivedAt", "2026-03-27T18:00:00Z"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.receivedAt").value("2026-03-27T18:00:00Z"))
        .andExpect(jsonPath("$.acknowledgeBy").value("2026-03-31T17:00:00+01:00"));
  }
}
