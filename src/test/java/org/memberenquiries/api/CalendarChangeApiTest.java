package org.memberenquiries.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memberenquiries.department.Departments;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 8 item 3 (R0, R5, R7): the administrators' calendar API. A closure day added while an enquiry
 * is open moves the dates its Member sees; removing it moves them back; bad input is a 400 naming
 * the field. On Monday 23 November 2026 the response is owed by Monday 7 December.
 */
@WebAppTest
class CalendarChangeApiTest {

  static final String CLOSURE_DAYS = "/api/admin/calendar/closure-days";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;

  ApiClient api;

  @BeforeEach
  void setUp() {
    TestUsers.seed(identity, departments);
    api = new ApiClient(port);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T10:00:00Z")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  ApiClient.Response delete(String user, String path, String body) {
    return api.send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json").method("DELETE", HttpRequest.BodyPublishers.ofString(body)));
  }

  String respondBy(String reference) {
    return api.get("cllr.lovelace", "/api/enquiries/" + reference).body().at("/deadlines/respondBy").asText();
  }

  @Test
  @DisplayName("R0 R5: an administrator adds a closure day: the Member's response date moves one working day, with"
      + " the change recorded; removing it moves the date back")
  void closureDayMovesTheMembersDates() {
    String reference = api.post("cllr.lovelace", "/api/enquiries", EnquiryApiTest.enquiry()).body().get("reference").asText();
    assertThat(respondBy(reference)).isEqualTo("2026-12-07T17:00:00Z");

    ApiClient.Response added = api.post("admin", CLOSURE_DAYS,
        Map.of("date", "2026-11-25", "reason", "Heating failure: offices closed"));
    try {
      assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
      assertThat(added.body().get("change").asText()).isEqualTo("CLOSURE_DAY_ADDED");
      assertThat(added.body().get("moved").findValuesAsText("reference")).contains(reference);
      assertThat(respondBy(reference)).isEqualTo("2026-12-08T17:00:00Z");
      assertThat(api.get("admin", "/api/admin/calendar/days").body().findValuesAsText("reason"))
          .contains("Heating failure: offices closed");
      // The same day again: it is already a day off.
      assertThat(api.post("admin", CLOSURE_DAYS, Map.of("date", "2026-11-25", "reason", "Again")).status()).isEqualTo(409);
    } finally {
      ApiClient.Response removed = delete("admin", CLOSURE_DAYS,
          "{\"date\":\"2026-11-25\",\"reason\":\"Heating repaired in time\"}");
      assertThat(removed.status()).as(removed.raw().body()).isEqualTo(200);
    }
    assertThat(respondBy(reference)).isEqualTo("2026-12-07T17:00:00Z");
    assertThat(api.get("admin", "/api/admin/calendar/changes").body().findValuesAsText("changedBy")).contains("admin");
    // Not a day off any more: nothing to remove.
    assertThat(delete("admin", CLOSURE_DAYS, "{\"date\":\"2026-11-25\",\"reason\":\"Again\"}").status()).isEqualTo(409);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"reason\":\"Closed\"}|date",
      "{\"date\":\"\",\"reason\":\"Closed\"}|date",
      "{\"date\":\"25/11/2026\",\"reason\":\"Closed\"}|date",
      "{\"date\":\"2026-02-30\",\"reason\":\"Closed\"}|date",
      "{\"date\":\"2026-11-25T00:00:00Z\",\"reason\":\"Closed\"}|date",
      "{\"date\":\"1999-12-31\",\"reason\":\"Closed\"}|date",
      "{\"date\":\"2200-01-01\",\"reason\":\"Closed\"}|date",
      "{\"date\":\"2026-11-28\",\"reason\":\"Closed\"}|date",
      "{\"date\":\"2026-11-25\"}|reason",
      "{\"date\":\"2026-11-25\",\"reason\":\"  \"}|reason"})
  @DisplayName("R0: a missing, malformed, out-of-range or weekend date, or no reason, is a 400 naming the field")
  void badInput(String body, String field) {
    for (ApiClient.Response response : new ApiClient.Response[] {api.post("admin", CLOSURE_DAYS, body),
        delete("admin", CLOSURE_DAYS, body), api.post("admin", "/api/admin/calendar/bank-holidays", body)}) {
      assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
      assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo(field);
      assertThat(response.raw().body()).doesNotContainPattern("[A-Za-z]+Exception\\b");
    }
  }
}
