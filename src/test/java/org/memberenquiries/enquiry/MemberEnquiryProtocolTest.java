package org.memberenquiries.enquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.clarification.MemberReplies;
import org.memberenquiries.clarification.NotAwaitingReplyException;
import org.memberenquiries.communication.Communication;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.escalation.Breach;
import org.memberenquiries.escalation.BreachLog;
import org.memberenquiries.escalation.MissedDeadline;
import org.memberenquiries.testing.ProcessEngineTest;
import org.memberenquiries.testing.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole protocol in member-enquiry.bpmn: triage (R1, R2), capacity (R3), burden (R8),
 * clarification with a stopped clock (R9) and escalation (R10), walked on real dates.
 */
@ProcessEngineTest
class MemberEnquiryProtocolTest extends ProcessTestSupport {

  @Autowired CommunicationLog communications;
  @Autowired BreachLog breaches;
  @Autowired MemberReplies replies;

  static final Map<String, Object> ACKNOWLEDGED = Map.of("acknowledgementText", "Thank you, received.");

  static Date at(String iso) {
    return Date.from(Instant.parse(iso));
  }

  static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** A variable of the case: the enquiry's, or, for a question or burden under way, its detour's (e.g. replyDueBy). */
  Object variable(ProcessInstance instance, String name) {
    for (String id : caseInstances(instance)) {
      Object value = runtimeService.getVariable(id, name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  Object historicVariable(ProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
  }

  List<CommunicationKind> kindsSent(ProcessInstance instance) {
    return communications.forEnquiry(instance.getId()).stream().map(Communication::kind).toList();
  }

  /** Received, triaged as an enquiry and acknowledged at the given London time; waits at "Respond to enquiry". */
  ProcessInstance acknowledgedEnquiry(String receivedAtLondon) {
    ProcessInstance enquiry = startTriagedEnquiry(receivedAtLondon);
    complete(enquiry, "AcknowledgeEnquiry", ACKNOWLEDGED);
    assertThat(enquiry).isWaitingAt("RespondToEnquiry");
    return enquiry;
  }

  void askMember(ProcessInstance enquiry, String taskKey, String outcomeVariable) {
    complete(enquiry, taskKey, vars(outcomeVariable, "CLARIFICATION",
        "clarificationQuestion", "Which end of Mill Lane do you mean?"));
  }

  @Nested
  class Triage {

    @ParameterizedTest(name = "{0} goes to {1}")
    @CsvSource({
        "COMPLAINT_FOR_CONSTITUENT,  COMPLAINTS_PROCEDURE,      complaints procedure",
        "CODE_OF_CONDUCT_ALLEGATION, CODE_OF_CONDUCT_PROCEDURE, code of conduct procedure",
        "SERVICE_REQUEST,            SERVICE_REQUEST_CHANNEL,   service request channel"})
    @DisplayName("R1 R2: a complaint, a code-of-conduct allegation or a request for service is referred, and the Member told where it went")
    void outOfScopeIsReferred(String requestKind, String scope, String route) {
      ProcessInstance enquiry = startEnquiry("2026-11-20T10:00");
      assertThat(task(enquiry)).hasDefinitionKey("TriageEnquiry").hasCandidateGroup("highways-officers");

      complete(enquiry, "TriageEnquiry", vars("requestKind", requestKind, "capacity", "COUNTY_COUNCILLOR"));

      assertThat(enquiry).isWaitingAt("ReferElsewhere");
      assertThat(variable(enquiry, "scope")).isEqualTo(scope);
      complete(enquiry, "ReferElsewhere", vars("referralReference", "HH-4411",
          "referralMessage", "We have passed your request on; you will hear from them directly."));

      assertThat(enquiry).isEnded().hasPassed("ClosedAsReferred").hasNotPassed("AcknowledgeEnquiry");
      assertThat(historicVariable(enquiry, "outcome")).isEqualTo("REFERRED");
      assertThat(historicVariable(enquiry, "referredTo")).asString().contains(route).contains("HH-4411");
      assertThat(communications.forEnquiry(enquiry.getId())).singleElement().satisfies(sent -> {
        assertThat(sent.kind()).isEqualTo(CommunicationKind.REFERRAL_NOTICE);
        assertThat(sent.body()).contains("We have passed your request on").contains(route);
      });
    }

    @Test
    @DisplayName("R2: a progress update on a request for service is an enquiry when the service has no automated updates")
    void progressUpdateWithoutAutomationIsAnEnquiry() {
      ProcessInstance enquiry = startEnquiry("2026-11-20T10:00");

      complete(enquiry, "TriageEnquiry", vars("requestKind", "PROGRESS_UPDATE",
          "automatedUpdatesExist", false, "capacity", "COUNTY_COUNCILLOR"));

      assertThat(enquiry).isWaitingAt("AcknowledgeEnquiry");
      assertThat(variable(enquiry, "scope")).isEqualTo("ENQUIRY");
    }

    @Test
    @DisplayName("R2: a progress update is referred when automated progress updates already exist for the service")
    void progressUpdateWithAutomationIsReferred() {
      ProcessInstance enquiry = startEnquiry("2026-11-20T10:00");

      complete(enquiry, "TriageEnquiry", vars("requestKind", "PROGRESS_UPDATE",
          "automatedUpdatesExist", "true", "capacity", "COUNTY_COUNCILLOR")); // as a form sends it

      assertThat(enquiry).isWaitingAt("ReferElsewhere");
      assertThat(variable(enquiry, "scope")).isEqualTo("SERVICE_REQUEST_CHANNEL");
    }

    @Test
    @DisplayName("R2: triage of a progress update must say whether automated updates exist; an unknown kind is refused")
    void triageAnswersChecked() {
      ProcessInstance enquiry = startEnquiry("2026-11-20T10:00");
      String triage = taskOf(enquiry, "TriageEnquiry").getId();

      assertThatThrownBy(() -> taskService.complete(triage, vars("requestKind", "PROGRESS_UPDATE", "capacity", "COUNTY_COUNCILLOR")))
          .rootCause().isInstanceOf(BadUserRequestException.class).hasMessageContaining("automatedUpdatesExist");
      assertThatThrownBy(() -> taskService.complete(triage, vars("requestKind", "GOSSIP", "capacity", "COUNTY_COUNCILLOR")))
          .rootCause().isInstanceOf(BadUserRequestException.class).hasMessageContaining("requestKind");
      assertThat(enquiry).isWaitingAt("TriageEnquiry");
    }

    @Test
    @DisplayName("R4: the acknowledgement deadline covers triage; a referral not made in time is escalated")
    void referralLateIsEscalated() {
      ProcessInstance enquiry = startEnquiry("2026-11-20T10:00");
      complete(enquiry, "TriageEnquiry", vars("requestKind", "SERVICE_REQUEST", "capacity", "COUNTY_COUNCILLOR"));
      clockAt("2026-11-23T17:01"); // Monday: the next working day ended at 17:00

      assertThat(executeDueJobs(enquiry)).isEqualTo(1);

      assertThat(enquiry).isWaitingAt("ReferElsewhere", "EscalateMissedAcknowledgement");
      assertThat(breaches.forEnquiry(enquiry.getId())).extracting(Breach::deadline)
          .containsExactly(MissedDeadline.ACKNOWLEDGEMENT);
    }
  }

  @Nested
  class CapacityQuestion {

    @Test
    @DisplayName("R3 R9: an unclear capacity is asked of the Member; the case waits, then proceeds on the capacity given")
    void unclearCapacityAskedThenProceeds() {
      // Friday 20 November 2026, 10:00.
      ProcessInstance enquiry = startEnquiry("2026-11-20T10:00");
      complete(enquiry, "TriageEnquiry", vars("requestKind", "QUESTION", "capacity", "UNCLEAR",
          "clarificationQuestion", "Are you asking as local councillor or as chair of the transport committee?"));
      complete(enquiry, "AcknowledgeEnquiry", ACKNOWLEDGED);

      assertThat(enquiry).isWaitingAt("AskMemberAboutCapacity").hasNotPassed("RespondToEnquiry");
      assertThat(detourOf(enquiry, "ask-member")).isWaitingAt("AwaitReply");
      assertThat(replies.isAwaitingReply(enquiry.getBusinessKey())).isTrue();
      assertThat(variable(enquiry, "replyDueBy")).isEqualTo(at("2026-12-04T17:00:00Z")); // 10 working days

      // R3: the Member must give a capacity; the councillor one is never assumed.
      assertThatThrownBy(() -> replies.reply(enquiry.getBusinessKey(), "As chair.", null))
          .isInstanceOf(BadUserRequestException.class).hasMessageContaining("capacity");
      assertThatThrownBy(() -> replies.reply(enquiry.getBusinessKey(), "As chair.", Capacity.UNCLEAR))
          .isInstanceOf(BadUserRequestException.class).hasMessageContaining("capacity");

      // Tuesday 24 November 12:00: the working days of Friday 20 and Monday 23 were spent waiting.
      clockAt("2026-11-24T12:00");
      replies.reply(enquiry.getBusinessKey(), "As chair of the committee.", Capacity.CABINET_OR_COMMITTEE_MEMBER);

      assertThat(enquiry).isWaitingAt("RespondToEnquiry");
      assertThat(variable(enquiry, "capacity")).isEqualTo("CABINET_OR_COMMITTEE_MEMBER");
      assertThat(variable(enquiry, "workingDaysWaited")).isEqualTo(2);
      assertThat(variable(enquiry, "respondBy")).isEqualTo(at("2026-12-08T17:00:00Z")); // 4 December + 2
      assertThat(timer(enquiry, "ResponseOverdue").getDuedate()).isEqualTo(at("2026-12-08T17:00:00Z"));
      assertThat(kindsSent(enquiry)).containsExactly(
          CommunicationKind.ACKNOWLEDGEMENT, CommunicationKind.QUESTION_TO_MEMBER, CommunicationKind.MEMBER_REPLY);
    }

    @Test
    @DisplayName("R3: a response marked councillor-only is refused to a Member asking in another capacity")
    void councillorOnlyInformation() {
      ProcessInstance enquiry = startEnquiry("2026-11-20T10:00");
      complete(enquiry, "TriageEnquiry", vars("requestKind", "QUESTION", "capacity", "GENERAL_OR_PERSONAL"));
      complete(enquiry, "AcknowledgeEnquiry", ACKNOWLEDGED);

      assertThatThrownBy(() -> complete(enquiry, "RespondToEnquiry", vars("responseType", "FULL",
              "responseText", "The resident's case notes say...", "councillorOnly", true)))
          .rootCause().isInstanceOf(BadUserRequestException.class)
          .hasMessageContaining("R3").hasMessageContaining("General interest or personal");
      assertThat(communications.forEnquiry(enquiry.getId())).extracting(Communication::kind)
          .containsExactly(CommunicationKind.ACKNOWLEDGEMENT);

      complete(enquiry, "RespondToEnquiry", vars("responseType", "FULL",
          "responseText", "The lights are on the repair list.", "councillorOnly", "false"));
      assertAnsweredFrom(enquiry, "ResponseKind");
    }

    @Test
    @DisplayName("R3: councillor-only information is released to a county councillor for a constituent")
    void councillorOnlyReleasedToCouncillor() {
      ProcessInstance enquiry = acknowledgedEnquiry("2026-11-20T10:00");

      complete(enquiry, "RespondToEnquiry", vars("responseType", "FULL",
          "responseText", "In confidence: the contractor is in administration.", "councillorOnly", true));

      assertAnsweredFrom(enquiry, "ResponseKind");
    }

    @Test
    @DisplayName("R3: an unclear capacity needs the question to ask the Member")
    void unclearCapacityNeedsAQuestion() {
      ProcessInstance enquiry = startEnquiry("2026-11-20T10:00");

      assertThatThrownBy(() -> complete(enquiry, "TriageEnquiry", vars("requestKind", "QUESTION", "capacity", "UNCLEAR")))
          .rootCause().isInstanceOf(BadUserRequestException.class).hasMessageContaining("clarificationQuestion");
      assertThatThrownBy(() -> complete(enquiry, "TriageEnquiry", vars("requestKind", "QUESTION", "capacity", "MAYOR")))
          .rootCause().isInstanceOf(BadUserRequestException.class).hasMessageContaining("R3");
    }
  }

  @Nested
  class Clarification {

    // Monday 20 April 2026, 10:00 BST. Early May bank holiday: Monday 4 May; Spring: Monday 25 May.
    // Response due Tuesday 5 May (10th working day), full response Tuesday 19 May (20th).
    ProcessInstance askedOnWednesday29April() {
      ProcessInstance enquiry = acknowledgedEnquiry("2026-04-20T10:00");
      assertThat(variable(enquiry, "respondBy")).isEqualTo(at("2026-05-05T16:00:00Z"));
      assertThat(variable(enquiry, "fullResponseBy")).isEqualTo(at("2026-05-19T16:00:00Z"));
      clockAt("2026-04-29T11:00");
      askMember(enquiry, "RespondToEnquiry", "responseType");
      return enquiry;
    }

    @Test
    @DisplayName("R9: while the Member is asked, the clock stops: no response timer runs, and the reply is due in 10 working days")
    void clockStopsWhileWaiting() {
      ProcessInstance enquiry = askedOnWednesday29April();

      assertThat(enquiry).isWaitingAt("AskMemberAtRespond");
      assertThat(detourOf(enquiry, "ask-member")).isWaitingAt("AwaitReply");
      assertThat(timer(enquiry, "ResponseOverdue")).isNull();
      // 10 working days from Wednesday 29 April, skipping the bank holiday of 4 May: Thursday 14 May.
      assertThat(variable(enquiry, "replyDueBy")).isEqualTo(at("2026-05-14T16:00:00Z"));
      assertThat(timer(enquiry, "NoReply").getDuedate()).isEqualTo(at("2026-05-14T16:00:00Z"));

      clockAt("2026-05-06T09:00"); // the original response deadline has passed
      assertThat(executeDueJobs(enquiry)).isZero();
      assertThat(breaches.forEnquiry(enquiry.getId())).isEmpty();
    }

    @Test
    @DisplayName("R9: on the reply the deadlines move later by exactly the working days waited (bank holiday not counted), and the timer fires on the moved date")
    void replyMovesDeadlines() {
      ProcessInstance enquiry = askedOnWednesday29April();

      // Thursday 7 May 12:00: the working days of 29 and 30 April, 1, 5 and 6 May were spent waiting.
      clockAt("2026-05-07T12:00");
      replies.reply(enquiry.getBusinessKey(), "The north end, by the school.", null);

      assertThat(enquiry).isWaitingAt("RespondToEnquiry");
      assertThat(variable(enquiry, "workingDaysWaited")).isEqualTo(5);
      assertThat(variable(enquiry, "clockStoppedWorkingDays")).isEqualTo(5);
      assertThat(variable(enquiry, "respondBy")).isEqualTo(at("2026-05-12T16:00:00Z")); // Tue 5 May + 5
      assertThat(variable(enquiry, "fullResponseBy")).isEqualTo(at("2026-05-27T16:00:00Z")); // Tue 19 May + 5, past 25 May
      assertThat(variable(enquiry, "capacity")).isEqualTo("COUNTY_COUNCILLOR"); // unchanged
      assertThat(timer(enquiry, "ResponseOverdue").getDuedate()).isEqualTo(at("2026-05-12T16:00:00Z"));
      assertThat(task(enquiry).getDueDate()).isEqualTo(at("2026-05-12T16:00:00Z"));

      clockAt("2026-05-12T16:59");
      assertThat(executeDueJobs(enquiry)).isZero();
      clockAt("2026-05-12T17:01");
      assertThat(executeDueJobs(enquiry)).isEqualTo(1);
      assertThat(breaches.forEnquiry(enquiry.getId())).singleElement()
          .satisfies(breach -> assertThat(breach.due()).isEqualTo(Instant.parse("2026-05-12T16:00:00Z")));
    }

    @Test
    @DisplayName("R9: with no reply in 10 working days the enquiry closes as no response from Member; timescales no longer apply")
    void noReplyCloses() {
      ProcessInstance enquiry = askedOnWednesday29April();

      clockAt("2026-05-14T16:59");
      assertThat(executeDueJobs(enquiry)).isZero();
      clockAt("2026-05-14T17:01");
      assertThat(executeDueJobs(enquiry)).isEqualTo(1);

      assertThat(enquiry).isEnded().hasPassed("CloseForNoReply", "ClosedNoResponse");
      assertThat(historicVariable(enquiry, "outcome")).isEqualTo("NO_RESPONSE_FROM_MEMBER");
      assertThat(historicVariable(enquiry, "timescalesApply")).isEqualTo(false);
      assertThat(kindsSent(enquiry)).containsExactly(CommunicationKind.ACKNOWLEDGEMENT,
          CommunicationKind.QUESTION_TO_MEMBER, CommunicationKind.CLOSED_NO_REPLY);
      assertThat(breaches.forEnquiry(enquiry.getId())).isEmpty();
      assertThatThrownBy(() -> replies.reply(enquiry.getBusinessKey(), "Sorry, late.", null))
          .isInstanceOf(NotAwaitingReplyException.class);
    }

    @Test
    @DisplayName("R9: a reply is refused when no question is open, or when it is empty")
    void replyOnlyWhenAsked() {
      ProcessInstance enquiry = acknowledgedEnquiry("2026-11-20T10:00");

      assertThatThrownBy(() -> replies.reply(enquiry.getBusinessKey(), "Unprompted.", null))
          .isInstanceOf(NotAwaitingReplyException.class).hasMessageContaining(enquiry.getBusinessKey());
      askMember(enquiry, "RespondToEnquiry", "responseType");
      assertThatThrownBy(() -> replies.reply(enquiry.getBusinessKey(), "  ", null))
          .isInstanceOf(BadUserRequestException.class).hasMessageContaining("empty");
      assertThatThrownBy(() -> complete(enquiry, "RespondToEnquiry", vars("responseType", "CLARIFICATION")))
          .isInstanceOf(NullPointerException.class); // the task has gone: the case is waiting for the Member
      assertThat(enquiry).isWaitingAt("AskMemberAtRespond");
      assertThat(detourOf(enquiry, "ask-member")).isWaitingAt("AwaitReply");
    }

    @Test
    @DisplayName("R9: a question asked from the full-response step moves the full-response deadline and comes back there")
    void questionFromFullResponseStep() {
      // Friday 20 November 2026: full response due Friday 18 December (20th working day).
      ProcessInstance enquiry = acknowledgedEnquiry("2026-11-20T10:00");
      complete(enquiry, "RespondToEnquiry", vars("responseType", "HOLDING", "responseText", "Looking into it.",
          "holdingExplanation", "Survey booked.", "estimatedFullResponseDate", "2026-12-16"));
      clockAt("2026-12-14T10:00");
      askMember(enquiry, "SendFullResponse", "fullResponseOutcome");

      // Replied Tuesday 5 January 2027 10:00: working days 14-18, 21-24, 29-31 December and 4 January
      // waited (25, 28 December and 1 January are bank holidays) = 13.
      clockAt("2027-01-05T10:00");
      replies.reply(enquiry.getBusinessKey(), "Here are the photos.", null);

      assertThat(enquiry).isWaitingAt("SendFullResponse");
      assertThat(variable(enquiry, "workingDaysWaited")).isEqualTo(13);
      // 18 December + 13 working days: 21-24, 29-31 December, 4-8 and 11 January.
      assertThat(variable(enquiry, "fullResponseBy")).isEqualTo(at("2027-01-11T17:00:00Z"));
      assertThat(timer(enquiry, "FullResponseOverdue").getDuedate()).isEqualTo(at("2027-01-11T17:00:00Z"));
    }
  }

  @Nested
  class Burden {

    // Friday 20 November 2026: response due Friday 4 December, full response Friday 18 December.
    ProcessInstance burdenRaised() {
      ProcessInstance enquiry = acknowledgedEnquiry("2026-11-20T10:00");
      clockAt("2026-11-25T10:00");
      complete(enquiry, "RespondToEnquiry", vars("responseType", "BURDEN",
          "burdenReason", "It asks for every streetlight fault in the county since 2010."));
      assertThat(enquiry).isWaitingAt("AgreeDeadlineAtRespond");
      assertThat(detourOf(enquiry, "agree-deadline")).isWaitingAt("DiscussBurden");
      assertThat(taskOf(enquiry, "DiscussBurden")).hasCandidateGroup("highways-managers");
      return enquiry;
    }

    @Test
    @DisplayName("R8: an agreed alternative deadline replaces the standard one and the timers re-arm on it")
    void agreedDeadlineRearmsTimers() {
      ProcessInstance enquiry = burdenRaised();

      complete(enquiry, "DiscussBurden", vars("burdenDiscussion", "Agreed to narrow to 2020 onwards.",
          "deadlineAgreed", true, "agreedDeadline", "2027-01-08"));

      assertThat(enquiry).isWaitingAt("RespondToEnquiry");
      assertThat(passedInDetours(enquiry)).contains("ApplyAgreedDeadline");
      assertThat(variable(enquiry, "respondBy")).isEqualTo(at("2027-01-08T17:00:00Z"));
      assertThat(variable(enquiry, "agreedDeadlineBy")).isEqualTo(at("2027-01-08T17:00:00Z"));
      assertThat(variable(enquiry, "fullResponseBy")).isEqualTo(at("2027-01-08T17:00:00Z")); // never before it
      assertThat(timer(enquiry, "ResponseOverdue").getDuedate()).isEqualTo(at("2027-01-08T17:00:00Z"));

      clockAt("2026-12-04T17:01"); // the standard deadline no longer applies
      assertThat(executeDueJobs(enquiry)).isZero();
      clockAt("2027-01-08T17:01");
      assertThat(executeDueJobs(enquiry)).isEqualTo(1);
      assertThat(breaches.forEnquiry(enquiry.getId())).singleElement().satisfies(breach -> {
        assertThat(breach.deadline()).isEqualTo(MissedDeadline.RESPONSE);
        assertThat(breach.due()).isEqualTo(Instant.parse("2027-01-08T17:00:00Z"));
      });
      assertThat(kindsSent(enquiry)).containsExactly(CommunicationKind.ACKNOWLEDGEMENT, CommunicationKind.BURDEN_DISCUSSION);
    }

    @Test
    @DisplayName("R8: without agreement the standard deadline stands and the officer's task comes back")
    void notAgreedKeepsStandardDeadline() {
      ProcessInstance enquiry = burdenRaised();

      complete(enquiry, "DiscussBurden", vars("burdenDiscussion", "The Member needs it for a committee.",
          "deadlineAgreed", "false"));

      assertThat(enquiry).isWaitingAt("RespondToEnquiry").hasNotPassed("ApplyAgreedDeadline");
      assertThat(timer(enquiry, "ResponseOverdue").getDuedate()).isEqualTo(at("2026-12-04T17:00:00Z"));
      // The reopened task starts with no decision made: the earlier BURDEN choice is not preselected.
      assertThat(variable(enquiry, "responseType")).isNull();
      assertThat(variable(enquiry, "burdenReason")).isNull();
    }

    @Test
    @DisplayName("R0 R8: an agreed deadline must be a future working day, and the discussion must be recorded")
    void agreedDeadlineChecked() {
      ProcessInstance enquiry = burdenRaised();

      assertThatThrownBy(() -> complete(enquiry, "DiscussBurden", vars("burdenDiscussion", "Agreed.",
              "deadlineAgreed", true, "agreedDeadline", "2026-12-28"))) // Boxing Day substitute
          .rootCause().isInstanceOf(BadUserRequestException.class).hasMessageContaining("not a working day");
      assertThatThrownBy(() -> complete(enquiry, "DiscussBurden", vars("burdenDiscussion", "Agreed.",
              "deadlineAgreed", true)))
          .rootCause().isInstanceOf(BadUserRequestException.class).hasMessageContaining("agreedDeadline");
      assertThatThrownBy(() -> complete(enquiry, "DiscussBurden", vars("deadlineAgreed", false)))
          .rootCause().isInstanceOf(BadUserRequestException.class).hasMessageContaining("burdenDiscussion");
      assertThatThrownBy(() -> complete(enquiry, "RespondToEnquiry", vars("responseType", "BURDEN")))
          .isInstanceOf(NullPointerException.class); // the officer's task is closed while the manager discusses
      assertThat(enquiry).isWaitingAt("AgreeDeadlineAtRespond");
      assertThat(detourOf(enquiry, "agree-deadline")).isWaitingAt("DiscussBurden");
    }

    @Test
    @DisplayName("R8: a burden raised without a reason is refused")
    void burdenNeedsAReason() {
      ProcessInstance enquiry = acknowledgedEnquiry("2026-11-20T10:00");

      assertThatThrownBy(() -> complete(enquiry, "RespondToEnquiry", vars("responseType", "BURDEN")))
          .rootCause().isInstanceOf(BadUserRequestException.class).hasMessageContaining("burdenReason");
      assertThatThrownBy(() -> complete(enquiry, "RespondToEnquiry", vars("responseType", "CLARIFICATION")))
          .rootCause().isInstanceOf(BadUserRequestException.class).hasMessageContaining("clarificationQuestion");
    }

    @Test
    @DisplayName("R7 R8: an agreed date at the revised-date step replaces the revised date")
    void agreedAtRevisedDateStep() {
      ProcessInstance enquiry = acknowledgedEnquiry("2026-11-20T10:00");
      complete(enquiry, "RespondToEnquiry", vars("responseType", "HOLDING", "responseText", "Looking into it.",
          "holdingExplanation", "Survey booked.", "estimatedFullResponseDate", "2026-12-16"));
      complete(enquiry, "SendFullResponse", vars("fullResponseOutcome", "DELAYED",
          "delayReasons", "Contractor delayed.", "revisedFullResponseDate", "2027-01-08"));
      clockAt("2027-01-04T10:00");
      complete(enquiry, "SendFullResponseByRevisedDate", vars("fullResponseOutcome", "BURDEN",
          "burdenReason", "Scope grew to the whole county."));
      complete(enquiry, "DiscussBurden", vars("burdenDiscussion", "Agreed end of January.",
          "deadlineAgreed", true, "agreedDeadline", "2027-01-29"));

      assertThat(enquiry).isWaitingAt("SendFullResponseByRevisedDate");
      assertThat(timer(enquiry, "RevisedDateMissed").getDuedate()).isEqualTo(at("2027-01-29T17:00:00Z"));
    }
  }

  @Nested
  class Escalation {

    /** Acknowledged on Friday 20 November 2026; the 10-working-day response deadline (4 December) missed. */
    ProcessInstance responseMissed() {
      ProcessInstance enquiry = acknowledgedEnquiry("2026-11-20T10:00");
      clockAt("2026-12-04T17:30");
      assertThat(executeDueJobs(enquiry)).isEqualTo(1);
      return enquiry;
    }

    @Test
    @DisplayName("R10: Member Support resolves a breach informally; the outcome is recorded")
    void resolvedInformally() {
      ProcessInstance enquiry = responseMissed();
      ProcessInstance escalation = escalationsOf(enquiry).get(0);
      assertThat(escalation).isWaitingAt("ResolveInformally");
      assertThat(task(escalation)).hasCandidateGroup("member-support");

      complete(escalation, "ResolveInformally", vars("resolutionNotes", "Team lead called the Member; answer due Monday.",
          "memberSatisfied", true));

      assertThat(escalation).isEnded().hasPassed("ResolvedInformally");
      assertThat(enquiry).isWaitingAt("RespondToEnquiry"); // the officer still owes the response
      assertThat(breaches.forEnquiry(enquiry.getId())).singleElement()
          .satisfies(breach -> assertThat(breach.outcome()).isEqualTo("RESOLVED_INFORMALLY"));
    }

    @ParameterizedTest(name = "referred to {0}")
    @CsvSource({"executive-director", "monitoring-officer", "chief-financial-officer"})
    @DisplayName("R10: a Member still dissatisfied is referred to the chosen referee, who decides the outcome")
    void referredToEachRole(String referee) {
      ProcessInstance enquiry = responseMissed();
      ProcessInstance escalation = escalationsOf(enquiry).get(0);

      complete(escalation, "ResolveInformally", vars("resolutionNotes", "Member not satisfied.",
          "memberSatisfied", "false", "referee", referee));

      assertThat(escalation).isWaitingAt("DecideBreachOutcome");
      assertThat(task(escalation)).hasCandidateGroup(referee);
      assertThat(taskService.getIdentityLinksForTask(task(escalation).getId()))
          .extracting(link -> link.getGroupId()).containsExactly(referee);
      complete(escalation, "DecideBreachOutcome", vars("breachOutcome", "UPHELD", "outcomeNotes", "Apology sent."));

      assertThat(escalation).isEnded().hasPassed("OutcomeDecided");
      assertThat(breaches.forEnquiry(enquiry.getId())).singleElement().satisfies(breach -> {
        assertThat(breach.outcome()).isEqualTo("UPHELD");
        assertThat(breach.outcomeNotes()).isEqualTo("Apology sent.");
      });
    }

    @Test
    @DisplayName("R10: an unknown referee is refused")
    void unknownRefereeRefused() {
      ProcessInstance escalation = escalationsOf(responseMissed()).get(0);

      assertThatThrownBy(() -> complete(escalation, "ResolveInformally", vars("resolutionNotes", "No.",
              "memberSatisfied", false, "referee", "the-mayor")))
          .rootCause().isInstanceOf(BadUserRequestException.class).hasMessageContaining("referee");
    }

    @Test
    @DisplayName("R8 R10: the same deadline missed again after it moved is recorded but not escalated a second time")
    void secondBreachNotEscalatedAgain() {
      ProcessInstance enquiry = responseMissed();
      complete(enquiry, "RespondToEnquiry", vars("responseType", "BURDEN", "burdenReason", "Huge."));
      complete(enquiry, "DiscussBurden", vars("burdenDiscussion", "Agreed.", "deadlineAgreed", true,
          "agreedDeadline", "2026-12-11"));
      clockAt("2026-12-11T17:01");

      assertThat(executeDueJobs(enquiry)).isEqualTo(1);

      assertThat(breaches.forEnquiry(enquiry.getId())).extracting(Breach::deadline, Breach::escalated)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(MissedDeadline.RESPONSE, true),
              org.assertj.core.groups.Tuple.tuple(MissedDeadline.RESPONSE, false));
      List<ProcessInstance> open = escalationsOf(enquiry);
      assertThat(open).hasSize(1); // the first escalation only; the second ended at once
      assertThat(historyService.createHistoricActivityInstanceQuery()
              .activityId("RecordedNotEscalatedAgain").count()).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  @DisplayName("R0 R3-R10: receipt, holding response, burden agreed, clarification, late full response, escalation to the monitoring officer")
  void longScenario() {
    // Monday 1 February 2027, 16:30 GMT (before the end of the working day): received that day.
    ProcessInstance enquiry = startEnquiry("2027-02-01T16:30");
    complete(enquiry, "TriageEnquiry", vars("requestKind", "PROGRESS_UPDATE", "automatedUpdatesExist", false,
        "capacity", "COUNTY_COUNCILLOR"));
    clockAt("2027-02-02T09:15");
    complete(enquiry, "AcknowledgeEnquiry", ACKNOWLEDGED);
    // Response due Monday 15 February, full response Monday 1 March (20th working day).
    assertThat(variable(enquiry, "respondBy")).isEqualTo(at("2027-02-15T17:00:00Z"));
    assertThat(variable(enquiry, "fullResponseBy")).isEqualTo(at("2027-03-01T17:00:00Z"));

    // R6: holding response on 10 February.
    clockAt("2027-02-10T11:00");
    complete(enquiry, "RespondToEnquiry", vars("responseType", "HOLDING", "responseText", "We are on it.",
        "holdingExplanation", "Waiting for the contractor's report.", "estimatedFullResponseDate", "2027-02-26"));
    assertThat(enquiry).isWaitingAt("SendFullResponse");

    // R8: burden raised on 17 February; the manager agrees Friday 12 March.
    clockAt("2027-02-17T10:00");
    complete(enquiry, "SendFullResponse", vars("fullResponseOutcome", "BURDEN", "burdenReason", "Ten years of records."));
    complete(enquiry, "DiscussBurden", vars("burdenDiscussion", "Member agreed to wait.", "deadlineAgreed", true,
        "agreedDeadline", "2027-03-12"));
    assertThat(timer(enquiry, "FullResponseOverdue").getDuedate()).isEqualTo(at("2027-03-12T17:00:00Z"));

    // R9: question on Monday 1 March 10:00, reply Thursday 4 March 15:00: 1, 2 and 3 March waited.
    clockAt("2027-03-01T10:00");
    askMember(enquiry, "SendFullResponse", "fullResponseOutcome");
    clockAt("2027-03-04T15:00");
    replies.reply(enquiry.getBusinessKey(), "Only since 2020, please.", null);
    assertThat(variable(enquiry, "workingDaysWaited")).isEqualTo(3);
    // 12 March + 3 working days = Wednesday 17 March.
    assertThat(timer(enquiry, "FullResponseOverdue").getDuedate()).isEqualTo(at("2027-03-17T17:00:00Z"));

    // R7 R10: the moved deadline is missed; the breach goes to Member Support.
    clockAt("2027-03-17T17:05");
    assertThat(executeDueJobs(enquiry)).isEqualTo(1);
    assertThat(breaches.forEnquiry(enquiry.getId())).singleElement().satisfies(breach -> {
      assertThat(breach.deadline()).isEqualTo(MissedDeadline.FULL_RESPONSE);
      assertThat(breach.due()).isEqualTo(Instant.parse("2027-03-17T17:00:00Z"));
    });

    // The late full response goes out on Monday 22 March.
    clockAt("2027-03-22T12:00");
    complete(enquiry, "SendFullResponse", vars("fullResponseOutcome", "SENT", "fullResponseText", "Full answer."));
    ProcessInstance escalation = escalationsOf(enquiry).get(0);
    assertThat(enquiry).isNotEnded(); // the escalation of the missed deadline is still open

    complete(escalation, "ResolveInformally", vars("resolutionNotes", "Member wants a formal view.",
        "memberSatisfied", false, "referee", "monitoring-officer"));
    complete(escalation, "DecideBreachOutcome", vars("breachOutcome", "NOT_UPHELD",
        "outcomeNotes", "Deadline moved by agreement; delay explained."));

    assertAnsweredFrom(enquiry, "FullResponseSent");
    assertThat(enquiry).hasPassed("FullResponseBreachHandled").isWaitingAt("FollowUpsAndSatisfaction");
    assertThat(historicVariable(enquiry, "outcome")).isEqualTo("ANSWERED_IN_FULL");
    assertThat(kindsSent(enquiry)).containsExactly(
        CommunicationKind.ACKNOWLEDGEMENT, CommunicationKind.HOLDING_RESPONSE, CommunicationKind.BURDEN_DISCUSSION,
        CommunicationKind.QUESTION_TO_MEMBER, CommunicationKind.MEMBER_REPLY, CommunicationKind.FULL_RESPONSE);
  }
}
