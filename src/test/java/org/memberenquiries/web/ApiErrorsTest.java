package org.memberenquiries.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.memberenquiries.security.ProblemResponses;
import org.memberenquiries.security.SecurityConfiguration;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bad request parameters become RFC 9457 problem details with a {@code parameter} property. */
@WebMvcTest(controllers = ApiErrorsTest.Probe.class)
@Import({ApiErrorsTest.Probe.class, SecurityConfiguration.class, ProblemResponses.class})
@WithMockUser // the probe is not a public endpoint
class ApiErrorsTest {

  @RestController
  static class Probe {
    @GetMapping("/test/probe")
    String probe(@RequestParam int count) {
      return "ok " + count;
    }

    /** A Member's reply as the no-reply timer fires: the engine refuses the later of two changes. */
    @GetMapping("/test/race")
    String race() {
      throw new org.camunda.bpm.engine.OptimisticLockingException("ENGINE-03005 Entity was updated by another transaction concurrently");
    }
  }

  @Autowired private MockMvc mvc;

  @Test
  void missingParameter() throws Exception {
    mvc.perform(get("/test/probe"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.parameter").value("count"))
        .andExpect(jsonPath("$.detail", containsString("count")));
  }

  @Test
  void typeMismatch() throws Exception {
    mvc.perform(get("/test/probe").param("count", "many"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.parameter").value("count"))
        .andExpect(jsonPath("$.detail", containsString("many")));
  }

  @Test
  void concurrentChangeIsAConflictNotAServerError() throws Exception {
    mvc.perform(get("/test/race"))
        .andExpect(status().isConflict())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("try again")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("ENGINE-"))));
  }
}
