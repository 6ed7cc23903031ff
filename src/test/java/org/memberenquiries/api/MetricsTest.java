package org.memberenquiries.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.department.Departments;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** R16 for operations: the Prometheus endpoint counts open and overdue enquiries per department, for admins only. */
@WebAppTest
class MetricsTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;

  ApiClient api;

  @BeforeEach
  void setUp() {
    TestUsers.seed(identity, departments);
    api = new ApiClient(port);
  }

  @Test
  @DisplayName("R16: an enquiry received today is open; one logged as received on Monday 2 November 2026 is open and overdue (its acknowledgement was owed by 5pm, Tuesday 3 November)")
  void openAndOverduePerDepartment() {
    double open = gauge("enquiries_open", "finance");
    double overdue = gauge("enquiries_overdue", "finance");

    Map<String, Object> today = new HashMap<>(EnquiryApiTest.enquiry());
    today.put("department", "finance");
    assertThat(api.post("cllr.lovelace", "/api/enquiries", today).status()).isEqualTo(201);
    Map<String, Object> late = new HashMap<>(today);
    late.put("memberId", "cllr.babbage");
    late.put("receivedAt", "2026-11-02T10:00:00Z");
    assertThat(api.post("support", "/api/enquiries", late).status()).isEqualTo(201);

    assertThat(gauge("enquiries_open", "finance")).isEqualTo(open + 2);
    assertThat(gauge("enquiries_overdue", "finance")).isEqualTo(overdue + 1);
    String scrape = api.get("admin", "/actuator/prometheus").raw().body();
    assertThat(scrape).contains("enquiries_breaches{deadline=\"ACKNOWLEDGEMENT\",department=\"finance\"")
        .contains("camunda_jobs_due ").contains("camunda_jobs_failed ")
        .doesNotContain("Street lighting"); // counts only, never an enquiry's words
  }

  private double gauge(String name, String department) {
    ApiClient.Response scrape = api.get("admin", "/actuator/prometheus");
    assertThat(scrape.status()).isEqualTo(200);
    Matcher value = Pattern.compile("(?m)^" + name + "\\{department=\"" + department + "\",?[^}]*} ([0-9.E+-]+)$")
        .matcher(scrape.raw().body());
    assertThat(value.find()).as(name + " for " + department + " in\n" + scrape.raw().body()).isTrue();
    return Double.parseDouble(value.group(1));
  }
}
