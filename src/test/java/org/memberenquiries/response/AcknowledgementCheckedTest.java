package org.memberenquiries.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.testing.ProcessEngineTest;
import org.memberenquiries.testing.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** R4: the form's suggested acknowledgement does not go with one click (issue 13 item 3). */
@ProcessEngineTest
class AcknowledgementCheckedTest extends ProcessTestSupport {

  @Autowired CommunicationLog communications;

  @Test
  @DisplayName("R4: an acknowledgement the officer has not ticked as read is refused with the rule's message, and nothing is sent")
  void untickedIsRefused() {
    ProcessInstance enquiry = startTriagedEnquiry("2026-11-23T10:00");

    assertThatThrownBy(() -> complete(enquiry, "AcknowledgeEnquiry", Map.of(
        "acknowledgementText", "Thank you for your enquiry.", "acknowledgementChecked", false)))
        .rootCause().isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("R4: read the acknowledgement");
    assertThat(enquiry).isWaitingAt("AcknowledgeEnquiry");
    assertThat(communications.forEnquiry(enquiry.getId())).isEmpty();

    complete(enquiry, "AcknowledgeEnquiry", Map.of(
        "acknowledgementText", "Thank you for your enquiry.", "acknowledgementChecked", true));
    assertThat(enquiry).isWaitingAt("RespondToEnquiry");
  }

  @Test
  @DisplayName("R4: a caller of the engine API that writes its own acknowledgement and sends no tick is not asked for one")
  void ownTextWithoutTick() {
    ProcessInstance enquiry = startTriagedEnquiry("2026-11-23T10:00");
    complete(enquiry, "AcknowledgeEnquiry", Map.of("acknowledgementText", "Received, we are on it."));
    assertThat(enquiry).isWaitingAt("RespondToEnquiry");
  }
}
