package org.memberenquiries.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.testing.ProcessEngineTest;
import org.memberenquiries.testing.ProcessTestSupport;
import org.memberenquiries.web.ConflictException;
import org.memberenquiries.web.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** R12 need to know: the chief officer decides; a refusal may be disputed to the chief executive, with legal advice. */
@ProcessEngineTest
class DocumentRequestProcessTest extends ProcessTestSupport {

  static final Caller LOVELACE = new Caller("cllr.lovelace", Set.of(Groups.MEMBERS));
  static final Caller BABBAGE = new Caller("cllr.babbage", Set.of(Groups.MEMBERS));
  static final Caller CHIEF = new Caller("chief", Set.of(Groups.CHIEF_EXECUTIVE));
  static final Caller OFFICER = new Caller("officer.highways", Set.of("highways-officers"));

  @Autowired DocumentRequests requests;

  static NewDocumentRequest contract(boolean confidential, String justification) {
    return new NewDocumentRequest("Street lighting maintenance contract 2025", Basis.COMMITTEE_MEMBER_FOR_SERVICE,
        confidential, justification, "Scrutiny of the lighting contractor at the transport committee.");
  }

  ProcessInstance instance(String reference) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult();
  }

  ProcessInstance requested(NewDocumentRequest request) {
    ProcessInstance instance = instance(requests.request(LOVELACE, request));
    assertThat(instance).isWaitingAt("DecideRequest");
    assertThat(task(instance)).hasCandidateGroup("executive-director");
    return instance;
  }

  ProcessInstance refusedOnChristmasEve() {
    clockAt("2026-12-24T11:00");
    ProcessInstance instance = requested(contract(true, "The committee reviews the contractor's performance."));
    complete(instance, "DecideRequest", Map.of("decision", "REFUSED", "decisionReasons", "Commercially sensitive pricing."));
    return instance;
  }

  @Test
  @DisplayName("R12 R13: the chief officer grants a committee member's request; the Member sees the decision and the purpose")
  void granted() {
    clockAt("2026-11-23T10:00");
    ProcessInstance instance = requested(contract(false, null));

    complete(instance, "DecideRequest", Map.of("decision", "GRANTED", "decisionReasons", "Committee member for the service."));

    assertThat(instance).isEnded().hasPassed("Granted");
    DocumentRequestView view = requests.view(instance.getBusinessKey(), LOVELACE);
    assertThat(view.state()).isEqualTo(DocumentRequestState.GRANTED);
    assertThat(view.chiefOfficerReasons()).isEqualTo("Committee member for the service.");
    assertThat(view.purpose()).startsWith("Scrutiny");
  }

  @Test
  @DisplayName("R0 R12: a refusal on Christmas Eve may be disputed for 10 working days (25, 28 December and 1 January skipped); then it stands")
  void refusalNotDisputed() {
    ProcessInstance instance = refusedOnChristmasEve();

    assertThat(instance).isWaitingAt("DisputeOrNot");
    // Thursday 24 December: 29, 30, 31 December, 4-8, 11 and 12 January 2027 -> Tuesday 12 January 17:00 GMT.
    assertThat(runtimeService.getVariable(instance.getId(), "disputeBy")).isEqualTo(Date.from(Instant.parse("2027-01-12T17:00:00Z")));
    assertThat(requests.view(instance.getBusinessKey(), LOVELACE).state()).isEqualTo(DocumentRequestState.REFUSED);

    clockAt("2027-01-12T16:59");
    assertThat(executeDueJobs(instance)).isZero();
    clockAt("2027-01-12T17:01");
    assertThat(executeDueJobs(instance)).isEqualTo(1);

    assertThat(instance).isEnded().hasPassed("RefusalStands");
    assertThat(requests.view(instance.getBusinessKey(), LOVELACE).state()).isEqualTo(DocumentRequestState.REFUSAL_STANDS);
    assertThatThrownBy(() -> requests.dispute(instance.getBusinessKey(), LOVELACE, "Too late?"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  @DisplayName("R12: a disputed refusal goes to the chief legal officer's advice, then the chief executive grants it")
  void disputeGranted() {
    ProcessInstance instance = refusedOnChristmasEve();
    clockAt("2027-01-05T09:30");

    requests.dispute(instance.getBusinessKey(), LOVELACE, "The committee cannot scrutinise without the prices.");

    assertThat(instance).isWaitingAt("AdviseOnDispute");
    assertThat(task(instance)).hasCandidateGroup("monitoring-officer");
    assertThatThrownBy(() -> complete(instance, "AdviseOnDispute", Map.of()))
        .rootCause().isInstanceOf(BadUserRequestException.class).hasMessageContaining("legalAdvice");
    complete(instance, "AdviseOnDispute", Map.of("legalAdvice", "Disclose under a confidentiality undertaking."));
    assertThat(task(instance)).hasDefinitionKey("DecideDispute").hasCandidateGroup("chief-executive");
    complete(instance, "DecideDispute", Map.of("decision", "GRANTED", "decisionReasons", "Need to know shown."));

    assertThat(instance).isEnded().hasPassed("GrantedOnAppealEnd");
    DocumentRequestView member = requests.view(instance.getBusinessKey(), LOVELACE);
    assertThat(member.state()).isEqualTo(DocumentRequestState.GRANTED_ON_APPEAL);
    assertThat(member.chiefOfficerDecision()).isEqualTo("REFUSED");
    assertThat(member.chiefExecutiveDecision()).isEqualTo("GRANTED");
    assertThat(member.disputeGrounds()).startsWith("The committee");
    assertThat(member.legalAdvice()).isNull(); // the advice is for the chief executive, not the Member
    assertThat(requests.view(instance.getBusinessKey(), CHIEF).legalAdvice()).startsWith("Disclose");
  }

  @Test
  @DisplayName("R12: the chief executive may uphold the refusal")
  void disputeUpheld() {
    ProcessInstance instance = refusedOnChristmasEve();
    requests.dispute(instance.getBusinessKey(), LOVELACE, "I need it.");
    complete(instance, "AdviseOnDispute", Map.of("legalAdvice", "Personal data of staff; no need shown."));
    complete(instance, "DecideDispute", Map.of("decision", "REFUSED", "decisionReasons", "No need to know shown."));

    assertThat(instance).isEnded().hasPassed("RefusalUpheld");
    assertThat(requests.view(instance.getBusinessKey(), LOVELACE).state()).isEqualTo(DocumentRequestState.REFUSAL_UPHELD);
  }

  @Test
  @DisplayName("R12 R13: a confidential document needs a justification, a purpose is required, and only Members ask")
  void requestChecked() {
    assertThatThrownBy(() -> requests.request(LOVELACE, contract(true, " ")))
        .hasMessageContaining("justification");
    assertThatThrownBy(() -> requests.request(OFFICER, contract(false, null)))
        .isInstanceOf(AccessDeniedException.class);
    Map<String, Object> variables = new HashMap<>(Map.of("memberId", "cllr.lovelace", "documentTitle", "Budget",
        "basis", "OTHER", "confidential", false, "purpose", "Curiosity."));
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("document-request", variables))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("justification");
    variables.put("basis", "LOCAL_MEMBER");
    variables.remove("purpose");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("document-request", variables))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("purpose");
  }

  @Test
  @DisplayName("R11 R12: another Member neither sees nor disputes the request; a decision without reasons is refused")
  void othersAndDecisions() {
    clockAt("2026-11-23T10:00");
    ProcessInstance instance = requested(contract(false, null));

    assertThatThrownBy(() -> requests.view(instance.getBusinessKey(), BABBAGE)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> requests.dispute(instance.getBusinessKey(), BABBAGE, "Mine"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> requests.view(instance.getBusinessKey(), OFFICER)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> requests.dispute(instance.getBusinessKey(), LOVELACE, "Nothing refused yet"))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> complete(instance, "DecideRequest", Map.of("decision", "MAYBE", "decisionReasons", "?")))
        .rootCause().isInstanceOf(BadUserRequestException.class).hasMessageContaining("decision");
    assertThatThrownBy(() -> complete(instance, "DecideRequest", Map.of("decision", "GRANTED")))
        .rootCause().isInstanceOf(BadUserRequestException.class).hasMessageContaining("decisionReasons");
  }
}
