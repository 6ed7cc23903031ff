package org.memberenquiries.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The enquiry-scope decision table (processes/enquiry-scope.dmn), rule by rule (R1, R2). */
@DisplayName("R1 R2 enquiry-scope decision")
class EnquiryScopeDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream table = EnquiryScopeDecisionTest.class.getResourceAsStream("/processes/enquiry-scope.dmn")) {
      decision = dmn.parseDecision("enquiry-scope", table);
    }
  }

  @ParameterizedTest(name = "{0}, automated updates {1} -> {2}")
  @CsvSource(nullValues = "null", value = {
      "QUESTION,                   null,  ENQUIRY",
      "QUESTION,                   true,  ENQUIRY",
      "COMPLAINT_FOR_CONSTITUENT,  null,  COMPLAINTS_PROCEDURE",         // R1
      "CODE_OF_CONDUCT_ALLEGATION, false, CODE_OF_CONDUCT_PROCEDURE",    // R1
      "SERVICE_REQUEST,            null,  SERVICE_REQUEST_CHANNEL",      // R2
      "SERVICE_REQUEST,            false, SERVICE_REQUEST_CHANNEL",      // R2: automation is irrelevant
      "PROGRESS_UPDATE,            false, ENQUIRY",                      // R2 exception
      "PROGRESS_UPDATE,            true,  SERVICE_REQUEST_CHANNEL"})     // R2: automated updates exist
  void decidesScope(String requestKind, Boolean automatedUpdatesExist, String scope) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("requestKind", requestKind);
    inputs.put("automatedUpdatesExist", automatedUpdatesExist);

    String result = dmn.evaluateDecisionTable(decision, inputs).getSingleEntry();

    assertThat(result).isEqualTo(scope);
    assertThat(Scope.valueOf(result)).isNotNull(); // every output is a scope the process knows
  }
}
