package org.memberenquiries.deadline;

import org.memberenquiries.security.ProblemResponses;
import org.memberenquiries.security.SecurityConfiguration;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.memberenquiries.calendar.BankHolidays;
import org.memberenquiries.calendar.CalendarProperties;
import org.memberenquiries.calendar.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** GET /api/calendar/deadlines (R0, R4, R5, R7): exact JSON, with offsets in the council's zone. */
@WebMvcTest(controllers = DeadlineController.class)
@Import({BankHolidays.class, WorkingCalendar.class, DeadlineCalculator.class, SecurityConfiguration.class, ProblemResponses.class})
class DeadlineControllerTest {

  @TestConfiguration
  @EnableConfigurationProperties({CalendarProperties.class, TimescaleProperties.class})
  static class CalendarConfiguration {}

  @Autowired private MockMvc mvc;

  @Test
  @DisplayName("R0, R4, R5, R7 received Fri 27 Mar 2026 18:00Z: counts from Mon 30 Mar, deadlines at 17:00+01:00 after the clocks change")
  void springDst() throws Exception {
    mvc.perform(get("/api/calendar/deadlines").param("receivedAt", "2026-03-27T18:00:00Z"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(content().json("""
            {"receivedAt":"2026-03-27T18:00:00Z",
             "effectiveReceiptDay":"2026-03-30",
             "acknowledgeBy":"2026-03-31T17:00:00+01:00",
             "respondBy":"2026-04-15T17:00:00+01:00",
             "fullResponseBy":"2026-04-29T17:00:00+01:00",
             "zone":"Europe/London",
             "division":"ENGLAND_AND_WALES"}
            """, true))
        // the literal text, not just an equal instant
        .andExpect(content().string(containsString("\"acknowledgeBy\":\"2026-03-31T17:00:00+01:00\"")));
  }

  @Test
  @DisplayName("R0 a local date-time is taken in the council's zone: Fri 23 Oct 2026 17:30 BST counts from Mon 26 Oct (GMT)")
  void localDateTimeAutumnDst() throws Exception {
    mvc.perform(get("/api/calendar/deadlines").param("receivedAt", "2026-10-23T17:30:00"))
        .andExpect(status().isOk())
        .andExpect(content().json("""
            {"receivedAt":"2026-10-23T17:30:00+01:00",
             "effectiveReceiptDay":"2026-10-26",
             "acknowledgeBy":"2026-10-27T17:00:00Z",
             "respondBy":"2026-11-09T17:00:00Z",
             "fullResponseBy":"2026-11-23T17:00:00Z",
             "zone":"Europe/London",
             "division":"ENGLAND_AND_WALES"}
            """, true));
  }

  @Test
  @DisplayName("R0 an offset is honoured: 18:00+01:00 on Fri 27 Mar 2026 is 17:00 GMT, the end of the day, so Monday")
  void explicitOffset() throws Exception {
    // a URI, so the test's %2B reaches the server as a client would send it (not re-encoded)
    mvc.perform(get(URI.create("/api/calendar/deadlines?receivedAt=2026-03-27T18:00:00%2B01:00")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.receivedAt").value("2026-03-27T17:00:00Z"))
        .andExpect(jsonPath("$.effectiveReceiptDay").value("2026-03-30"));
  }

  @Test
  @DisplayName("an unencoded '+' (decoded to a space) is still read as the offset")
  void unencodedPlus() throws Exception {
    mvc.perform(get("/api/calendar/deadlines").param("receivedAt", "2026-03-27T18:00:00 01:00"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.receivedAt").value("2026-03-27T17:00:00Z"));
  }

  @Test
  @DisplayName("missing receivedAt: 400 problem detail naming the parameter and the format")
  void missing() throws Exception {
    mvc.perform(get("/api/calendar/deadlines"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.parameter").value("receivedAt"))
        .andExpect(jsonPath("$.detail", containsString("receivedAt")))
        .andExpect(jsonPath("$.detail", containsString("ISO-8601")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "yesterday", "2026-02-30T10:00:00", "27/03/2026 18:00"})
  @DisplayName("blank or unparseable receivedAt: 400 problem detail naming the parameter and the format")
  void invalid(String value) throws Exception {
    mvc.perform(get("/api/calendar/deadlines").param("receivedAt", value))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.parameter").value("receivedAt"))
        .andExpect(jsonPath("$.detail", containsString("receivedAt")))
        .andExpect(jsonPath("$.detail", containsString("ISO-8601")));
  }
}
