package org.memberenquiries.enquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.clarification.MemberReplies;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.escalation.BreachLog;
import org.memberenquiries.testing.ProcessEngineTest;
import org.memberenquiries.testing.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Issue 8 item 1: enquiries already running on the previous model (member-enquiry version 4, with
 * its shared detour row and "Back to which step?" gateway; kept as the test resource
 * {@code legacy/member-enquiry-v4.bpmn}) finish on their own version after version 5 (the spine) is
 * deployed, through a question to the Member (R9) and an agreed deadline (R8).
 */
@ProcessEngineTest
class VersionFourEnquiriesTest extends ProcessTestSupport {

  @Autowired RepositoryService repository;
  @Autowired MemberReplies replies;
  @Autowired CommunicationLog communications;
  @Autowired BreachLog breaches;

  /** Deploys with the forms and the scope decision, as the application does (bindings are "deployment"). */
  private String deploy(String name, String model) throws IOException {
    DeploymentBuilder deployment = repository.createDeployment().name(name)
        .addClasspathResource(model).addClasspathResource("processes/enquiry-scope.dmn");
    for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
      deployment.addInputStream("forms/" + form.getFilename(), form.getInputStream());
    }
    return deployment.deploy().getId();
  }

  @AfterEach
  void currentModelIsLatest() throws IOException {
    // Whatever happened above, later tests start on the shipped model.
    deploy("member-enquiry (current)", "processes/member-enquiry.bpmn");
  }

  @Test
  @DisplayName("R8 R9: an enquiry started on version 4 completes on version 4 after version 5 is deployed")
  void versionFourEnquiryFinishesOnItsOwnVersion() throws IOException {
    deploy("member-enquiry v4", "legacy/member-enquiry-v4.bpmn");
    ProcessInstance old = startEnquiry("2026-11-20T10:00"); // Friday: response due Friday 4 December
    assertThat(definition(old).getVersionTag()).isEqualTo("4");

    deploy("member-enquiry (current)", "processes/member-enquiry.bpmn");
    ProcessInstance current = startEnquiry("2026-11-20T10:05");
    assertThat(definition(current).getVersionTag()).isEqualTo("6");
    assertThat(definition(current).getVersion()).isGreaterThan(definition(old).getVersion());

    complete(old, "TriageEnquiry", TRIAGED_AS_ENQUIRY);
    complete(old, "AcknowledgeEnquiry", Map.of("acknowledgementText", "Thank you, received."));

    // R9 on version 4: the question is asked from the enquiry itself and comes back through its router.
    clockAt("2026-11-24T10:00");
    complete(old, "RespondToEnquiry", Map.of("responseType", "CLARIFICATION",
        "clarificationQuestion", "Which end of Mill Lane?"));
    assertThat(old).isWaitingAt("AwaitReply");
    clockAt("2026-11-26T10:00"); // two working days waited (24, 25 November)
    replies.reply(old.getBusinessKey(), "The north end.", null);
    assertThat(old).isWaitingAt("RespondToEnquiry").hasPassed("RestartClock", "ReturnTo");
    assertThat(runtimeService.getVariable(old.getId(), "clockStoppedWorkingDays")).isEqualTo(2);

    // R8 on version 4: the burden discussion carries the step's deadline and the agreement replaces it.
    complete(old, "RespondToEnquiry", Map.of("responseType", "BURDEN", "burdenReason", "Every lamp since 2010."));
    assertThat(old).isWaitingAt("DiscussBurden");
    assertThat(runtimeService.getVariable(old.getId(), "owedDeadline")).isEqualTo("RESPONSE");
    complete(old, "DiscussBurden", Map.of("burdenDiscussion", "Agreed: Friday 11 December.",
        "deadlineAgreed", true, "agreedDeadline", "2026-12-11"));
    assertThat(old).isWaitingAt("RespondToEnquiry").hasPassed("ApplyAgreedDeadline");
    assertThat(timer(old, "ResponseOverdue").getDuedate().toInstant()).isEqualTo(london("2026-12-11T17:00"));

    clockAt("2026-12-10T10:00");
    complete(old, "RespondToEnquiry", Map.of("responseType", "FULL", "responseText", "Lamps 1-40 are fixed."));
    assertThat(old).isEnded().hasPassed("EnquiryAnswered");
    assertThat(definition(old).getVersionTag()).isEqualTo("4");
    assertThat(communications.forEnquiry(old.getId())).extracting(c -> c.kind()).containsExactly(
        CommunicationKind.ACKNOWLEDGEMENT, CommunicationKind.QUESTION_TO_MEMBER, CommunicationKind.MEMBER_REPLY,
        CommunicationKind.BURDEN_DISCUSSION, CommunicationKind.FULL_RESPONSE);
    assertThat(breaches.forEnquiry(old.getId())).isEmpty();

    // The enquiry started after the deployment runs on version 5, with its question in ask-member.
    complete(current, "TriageEnquiry", TRIAGED_AS_ENQUIRY);
    complete(current, "AcknowledgeEnquiry", Map.of("acknowledgementText", "Thank you, received."));
    complete(current, "RespondToEnquiry", Map.of("responseType", "CLARIFICATION", "clarificationQuestion", "Which lamp?"));
    assertThat(current).isWaitingAt("AskMemberAtRespond");
    assertThat(detourOf(current, "ask-member")).isWaitingAt("AwaitReply");
  }

  private ProcessDefinition definition(ProcessInstance instance) {
    return repository.getProcessDefinition(instance.getProcessDefinitionId());
  }
}
