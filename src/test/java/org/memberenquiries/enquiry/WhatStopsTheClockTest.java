package org.memberenquiries.enquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

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
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.capacity.CapacityRecord;
import org.memberenquiries.clarification.MemberReplies;
import org.memberenquiries.escalation.Breach;
import org.memberenquiries.escalation.BreachLog;
import org.memberenquiries.escalation.MissedDeadline;
import org.memberenquiries.testing.ProcessEngineTest;
import org.memberenquiries.testing.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12: the clock keeps running unless a rule stops it. Each test is a row of the README's table
 * "What stops the clock", driven on real dates with the engine clock.
 */
@ProcessEngineTest
class WhatStopsTheClockTest extends ProcessTestSupport {

  @Autowired BreachLog breaches;
  @Autowired CapacityRecord capacities;
  @Autowired MemberReplies replies;
  @Autowired EnquiryViews views;

  static final Map<String, Object> ACKNOWLEDGED = Map.of("acknowledgementText", "Thank you, received.");
  static final Map<String, Object> BURDEN = Map.of("responseType", "BURDEN",
      "burdenReason", "Every street light in the division would need a survey.");
  static final Map<String, Object> FULL = Map.of("responseType", "FULL", "responseText", "Repaired on Monday.");

  static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  static Date at(String iso) {
    return Date.from(Instant.parse(iso));
  }

  /** Received Tuesday 15 August 2028 10:00 and acknowledged that morning. */
  ProcessInstance acknowledgedIn2028() {
    ProcessInstance enquiry = startTriagedEnquiry("2028-08-15T10:00");
    clockAt("2028-08-15T10:30");
    complete(enquiry, "AcknowledgeEnquiry", ACKNOWLEDGED);
    return enquiry;
  }

  @Nested
  class BurdenDiscussion {

    @Test
    @DisplayName("R8 R10: the response deadline passing while the burden is discussed is recorded and escalated; a later agreement does not erase it")
    void deadlinePassesDuringDiscussion() {
      ProcessInstance enquiry = acknowledgedIn2028();
      // Wednesday 30 August 2028 17:00 BST: the 10th working day (Monday 28 August is a bank holiday).
      assertThat(variable(enquiry, "respondBy")).isEqualTo(at("2028-08-30T16:00:00Z"));
      clockAt("2028-08-16T11:00");
      complete(enquiry, "RespondToEnquiry", BURDEN);

      assertThat(enquiry).isWaitingAt("AgreeDeadlineAtRespond");
      assertThat(detourOf(enquiry, "agree-deadline")).isWaitingAt("DiscussBurden");
      assertThat(taskOf(enquiry, "DiscussBurden").getDueDate()).isEqualTo(at("2028-08-30T16:00:00Z"));
      assertThat(timer(enquiry, "DeadlinePassesDuringDiscussion").getDuedate()).isEqualTo(at("2028-08-30T16:00:00Z"));

      clockAt("2028-08-30T16:59");
      assertThat(executeDueJobs(enquiry)).isZero();
      clockAt("2028-08-30T17:00");
      assertThat(executeDueJobs(enquiry)).isEqualTo(1);

      assertThat(detourOf(enquiry, "agree-deadline")).isWaitingAt("DiscussBurden");
      assertThat(breaches.forEnquiry(enquiry.getId()))
          .extracting(Breach::deadline, Breach::due, Breach::escalated)
          .containsExactly(tuple(MissedDeadline.RESPONSE, Instant.parse("2028-08-30T16:00:00Z"), true));

      // Thursday 31 August: the manager agrees Tuesday 12 September with the Member.
      clockAt("2028-08-31T10:00");
      complete(enquiry, "DiscussBurden", vars("burdenDiscussion", "Agreed a survey of Mill Lane only.",
          "deadlineAgreed", true, "agreedDeadline", "2028-09-12"));
      assertThat(enquiry).isWaitingAt("RespondToEnquiry");
      assertThat(escalationsOf(enquiry)).hasSize(1); // the escalation runs on beside the step
      assertThat(timer(enquiry, "ResponseOverdue").getDuedate()).isEqualTo(at("2028-09-12T16:00:00Z"));

      clockAt("2028-09-11T15:00");
      complete(enquiry, "RespondToEnquiry", FULL);

      assertAnsweredFrom(enquiry, "ResponseKind");
      assertThat(breaches.forEnquiry(enquiry.getId()))
          .extracting(Breach::deadline, Breach::due)
          .containsExactly(tuple(MissedDeadline.RESPONSE, Instant.parse("2028-08-30T16:00:00Z")));

      // Member Support resolves it informally; the case then waits only in its window for follow-ups (issue 10 item 4).
      complete(escalationsOf(enquiry).get(0), "ResolveInformally",
          vars("resolutionNotes", "Apologised for the late answer.", "memberSatisfied", true));
      assertThat(escalationsOf(enquiry)).isEmpty();
      assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(enquiry.getId()).list())
          .extracting(child -> child.getProcessDefinitionId().split(":")[0]).containsExactly("after-the-answer");
      assertThat(passedInDetours(enquiry)).contains("EscalateDeadlineMissedDuringDiscussion", "DiscussionBreachHandled");
      assertThat(escalationsOf(enquiry)).isEmpty(); // resolved
    }

    @Test
    @DisplayName("R8: agreed before the deadline, the agreed date replaces it and nothing is recorded")
    void agreedInTime() {
      ProcessInstance enquiry = acknowledgedIn2028();
      clockAt("2028-08-16T11:00");
      complete(enquiry, "RespondToEnquiry", BURDEN);
      clockAt("2028-08-29T12:00");
      complete(enquiry, "DiscussBurden", vars("burdenDiscussion", "Agreed.", "deadlineAgreed", true,
          "agreedDeadline", "2028-09-12"));
      clockAt("2028-08-31T10:00");

      assertThat(executeDueJobs(enquiry)).isZero();
      assertThat(breaches.forEnquiry(enquiry.getId())).isEmpty();
    }

    @Test
    @DisplayName("R7 R8 R10: a burden raised at the full-response step: the 20 working days keep running; not agreed, the reopened step does not record it twice")
    void atFullResponseNotAgreed() {
      ProcessInstance enquiry = acknowledgedIn2028();
      clockAt("2028-08-17T10:00");
      complete(enquiry, "RespondToEnquiry", vars("responseType", "HOLDING", "responseText", "Looking into it.",
          "holdingExplanation", "Survey booked.", "estimatedFullResponseDate", "2028-09-08"));
      // 20th working day: Wednesday 13 September 2028.
      assertThat(variable(enquiry, "fullResponseBy")).isEqualTo(at("2028-09-13T16:00:00Z"));
      clockAt("2028-09-11T10:00");
      complete(enquiry, "SendFullResponse", vars("fullResponseOutcome", "BURDEN", "burdenReason", "Whole division."));

      clockAt("2028-09-14T09:00");
      assertThat(executeDueJobs(enquiry)).isEqualTo(1);
      assertThat(breaches.forEnquiry(enquiry.getId())).extracting(Breach::deadline, Breach::due)
          .containsExactly(tuple(MissedDeadline.FULL_RESPONSE, Instant.parse("2028-09-13T16:00:00Z")));

      // Not agreed: back at the step, whose timer re-arms on the date already missed.
      complete(enquiry, "DiscussBurden", vars("burdenDiscussion", "The Member wants the full answer.",
          "deadlineAgreed", false));
      assertThat(enquiry).isWaitingAt("SendFullResponse");
      assertThat(escalationsOf(enquiry)).hasSize(1); // the escalation runs on beside the step
      assertThat(executeDueJobs(enquiry)).isEqualTo(1);

      assertThat(breaches.forEnquiry(enquiry.getId())).hasSize(1); // recorded once
      assertThat(escalationsOf(enquiry)).hasSize(1);
    }

    @Test
    @DisplayName("R7 R8 R10: a burden raised at the revised-date step: the revised date keeps running")
    void atRevisedDate() {
      ProcessInstance enquiry = acknowledgedIn2028();
      clockAt("2028-08-17T10:00");
      complete(enquiry, "RespondToEnquiry", vars("responseType", "HOLDING", "responseText", "Looking into it.",
          "holdingExplanation", "Survey booked.", "estimatedFullResponseDate", "2028-09-08"));
      clockAt("2028-09-08T10:00");
      complete(enquiry, "SendFullResponse", vars("fullResponseOutcome", "DELAYED",
          "delayReasons", "Contractor delayed.", "revisedFullResponseDate", "2028-10-06"));
      clockAt("2028-09-14T10:00");
      executeDueJobs(enquiry); // the 20 working days (13 September) passed beside the revised date
      clockAt("2028-10-02T10:00");
      complete(enquiry, "SendFullResponseByRevisedDate", vars("fullResponseOutcome", "BURDEN",
          "burdenReason", "Scope grew."));

      clockAt("2028-10-06T17:30");
      executeDueJobs(enquiry);

      assertThat(breaches.forEnquiry(enquiry.getId())).extracting(Breach::deadline, Breach::due)
          .containsExactly(
              tuple(MissedDeadline.FULL_RESPONSE, Instant.parse("2028-09-13T16:00:00Z")),
              tuple(MissedDeadline.REVISED_FULL_RESPONSE, Instant.parse("2028-10-06T16:00:00Z")));
      assertThat(enquiry).isWaitingAt("AgreeDeadlineAtRevisedDate", "EscalateMissedFullResponseAfterRevision");
      assertThat(detourOf(enquiry, "agree-deadline")).isWaitingAt("DiscussBurden");
    }
  }

  @Nested
  class QuestionToTheMember {

    @Test
    @DisplayName("R9: a question stops the clock: the deadline passing while the Member is asked records nothing; the reopened step owes the moved date")
    void questionStopsTheClock() {
      ProcessInstance enquiry = acknowledgedIn2028();
      clockAt("2028-08-21T10:00");
      complete(enquiry, "RespondToEnquiry", vars("responseType", "CLARIFICATION",
          "clarificationQuestion", "Which end of Mill Lane?"));
      clockAt("2028-08-31T10:00"); // past 30 August, still within the 10 working days to reply
      assertThat(executeDueJobs(enquiry)).isZero();

      replies.reply(enquiry.getBusinessKey(), "The north end.", null);

      // Waited Monday 21 to Thursday 31 August: 7 working days (the bank holiday not counted).
      assertThat(variable(enquiry, "workingDaysWaited")).isEqualTo(7);
      assertThat(timer(enquiry, "ResponseOverdue").getDuedate()).isEqualTo(at("2028-09-08T16:00:00Z"));
      assertThat(breaches.forEnquiry(enquiry.getId())).isEmpty();
    }
  }

  @Nested
  class LateCompletion {

    @Test
    @DisplayName("R10 (issue 7 item 11): completed after the deadline before its timer fired: the breach is recorded and escalated all the same")
    void completedBeforeTheTimerFired() {
      ProcessInstance enquiry = acknowledgedIn2028();
      clockAt("2028-10-14T10:00"); // 45 days late; the job executor never got to the timer

      complete(enquiry, "RespondToEnquiry", FULL);

      assertAnsweredFrom(enquiry, "ResponseKind");
      assertThat(breaches.forEnquiry(enquiry.getId()))
          .extracting(Breach::deadline, Breach::due, Breach::escalated)
          .containsExactly(tuple(MissedDeadline.RESPONSE, Instant.parse("2028-08-30T16:00:00Z"), true));
      List<ProcessInstance> escalations = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey("enquiry-escalation").processInstanceBusinessKey(enquiry.getBusinessKey()).list();
      assertThat(escalations).singleElement().satisfies(escalation ->
          assertThat(escalation).isWaitingAt("ResolveInformally"));

      // The Member sees it like any other breach, through to its referral (issue 13 item 8).
      complete(escalations.get(0), "ResolveInformally", vars("resolutionNotes", "Apologised.",
          "memberSatisfied", "false", "referee", "monitoring-officer"));
      assertThat(views.view(registered(enquiry)).late()).singleElement().satisfies(late -> {
        assertThat(late.deadline()).isEqualTo("RESPONSE");
        assertThat(late.escalation().status()).isEqualTo("REFERRED");
        assertThat(late.escalation().referredTo()).isEqualTo("monitoring-officer");
      });
    }

    @Test
    @DisplayName("R10: completed late after the timer fired: recorded once, escalated once")
    void completedAfterTheTimerFired() {
      ProcessInstance enquiry = acknowledgedIn2028();
      clockAt("2028-08-31T10:00");
      assertThat(executeDueJobs(enquiry)).isEqualTo(1);

      complete(enquiry, "RespondToEnquiry", FULL);

      assertThat(breaches.forEnquiry(enquiry.getId())).hasSize(1);
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("enquiry-escalation")
          .processInstanceBusinessKey(enquiry.getBusinessKey()).count()).isEqualTo(1);
    }

    @Test
    @DisplayName("R4 R10: acknowledged late before the timer fired: recorded and escalated")
    void acknowledgedLate() {
      ProcessInstance enquiry = startTriagedEnquiry("2028-08-15T10:00");
      clockAt("2028-08-17T09:00"); // due Wednesday 16 August 17:00

      complete(enquiry, "AcknowledgeEnquiry", ACKNOWLEDGED);

      assertThat(breaches.forEnquiry(enquiry.getId())).extracting(Breach::deadline, Breach::due)
          .containsExactly(tuple(MissedDeadline.ACKNOWLEDGEMENT, Instant.parse("2028-08-16T16:00:00Z")));
    }
  }

  @Nested
  class CapacityAtTriage {

    ProcessInstance submittedUnclear() {
      clockAt("2028-08-15T10:00");
      Map<String, Object> variables = enquiry("highways", london("2028-08-15T10:00"));
      variables.put("capacity", "UNCLEAR");
      return runtimeService.startProcessInstanceByKey("member-enquiry", "ME-" + System.nanoTime(), variables);
    }

    @Test
    @DisplayName("R3 (issue 12 item 2): triage cannot turn an unclear capacity into the councillor one by itself")
    void triageCannotAssume() {
      ProcessInstance enquiry = submittedUnclear();

      assertThatThrownBy(() -> complete(enquiry, "TriageEnquiry",
              vars("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR")))
          .rootCause().isInstanceOf(BadUserRequestException.class)
          .hasMessageContaining("do not assume").hasMessageContaining("capacityConfirmation");
      assertThat(enquiry).isWaitingAt("TriageEnquiry");
      assertThat(capacities.current(enquiry.getId())).contains(Capacity.UNCLEAR);
    }

    @Test
    @DisplayName("R3: with a record of how the Member confirmed it, triage sets the capacity and the change is recorded with who and when")
    void confirmedByTheMember() {
      ProcessInstance enquiry = submittedUnclear();
      clockAt("2028-08-15T11:00");
      taskService.setAssignee(taskOf(enquiry, "TriageEnquiry").getId(), "officer.highways");

      complete(enquiry, "TriageEnquiry", vars("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR",
          "capacityConfirmation", "Cllr Lovelace confirmed by phone at 10:45 she asks as county councillor."));

      assertThat(capacities.history(enquiry.getId()))
          .extracting(CapacityRecord.Change::capacity, CapacityRecord.Change::by, CapacityRecord.Change::at)
          .containsExactly(
              tuple(Capacity.UNCLEAR, "member.lovelace", london("2028-08-15T10:00")),
              tuple(Capacity.COUNTY_COUNCILLOR, "officer.highways", london("2028-08-15T11:00")));
      assertThat(enquiry).isWaitingAt("AcknowledgeEnquiry");
    }

    @Test
    @DisplayName("R3 (issue 7 item 6): a reply to an ordinary question cannot change the capacity")
    void ordinaryReplyCannotChangeCapacity() {
      ProcessInstance enquiry = startTriagedEnquiry("2028-08-15T10:00");
      complete(enquiry, "AcknowledgeEnquiry", ACKNOWLEDGED);
      Map<String, Object> start = new HashMap<>();
      complete(enquiry, "RespondToEnquiry", vars("responseType", "CLARIFICATION",
          "clarificationQuestion", "Which end of Mill Lane?"));

      assertThatThrownBy(() -> replies.reply(enquiry.getBusinessKey(), "North end.", Capacity.GENERAL_OR_PERSONAL))
          .isInstanceOf(BadUserRequestException.class).hasMessageContaining("capacity question");
      assertThat(start).isEmpty();
    }

    @Test
    @DisplayName("R3 (issue 7 item 6): a response cannot change the capacity to release councillor-only information")
    void responseCannotUpgradeCapacity() {
      clockAt("2028-08-15T10:00");
      Map<String, Object> variables = enquiry("highways", london("2028-08-15T10:00"));
      variables.put("capacity", "GENERAL_OR_PERSONAL");
      ProcessInstance enquiry = runtimeService.startProcessInstanceByKey("member-enquiry", "ME-" + System.nanoTime(), variables);
      complete(enquiry, "TriageEnquiry", vars("requestKind", "QUESTION", "capacity", "GENERAL_OR_PERSONAL"));
      complete(enquiry, "AcknowledgeEnquiry", ACKNOWLEDGED);

      assertThatThrownBy(() -> complete(enquiry, "RespondToEnquiry", vars("responseType", "FULL",
              "responseText", "The confidential report says...", "councillorOnly", true, "capacity", "COUNTY_COUNCILLOR")))
          .rootCause().isInstanceOf(BadUserRequestException.class).hasMessageContaining("capacity question");
      assertThat(variable(enquiry, "capacity")).isEqualTo("GENERAL_OR_PERSONAL");
    }
  }

  @Nested
  class Referred {

    @Test
    @DisplayName("R1 R2 (issue 12 item 3): a referred case shows no response deadlines and says the timescales do not apply")
    void referredShowsNoTimescales() {
      ProcessInstance enquiry = startEnquiry("2028-08-15T10:00");
      complete(enquiry, "TriageEnquiry", vars("requestKind", "COMPLAINT_FOR_CONSTITUENT", "capacity", "COUNTY_COUNCILLOR"));
      EnquiryView pending = views.view(registered(enquiry));
      assertThat(pending.deadlines().timescalesApply()).isFalse();
      assertThat(pending.deadlines().respondBy()).isNull();
      assertThat(pending.deadlines().fullResponseBy()).isNull();

      complete(enquiry, "ReferElsewhere", vars("referralReference", "CP-1", "referralMessage", "Passed to complaints."));

      EnquiryView view = views.view(registered(enquiry));
      assertThat(view.state()).isEqualTo(EnquiryState.REFERRED);
      assertThat(view.deadlines().timescalesApply()).isFalse();
      assertThat(view.deadlines().respondBy()).isNull();
      assertThat(view.deadlines().fullResponseBy()).isNull();
      assertThat(view.deadlines().acknowledgeBy()).isNotNull(); // the referral itself was owed by then (R4)
    }
  }

  /** Started here with its own reference, the case is not in the register: its entry as the API would write it. */
  private static RegisteredEnquiry registered(ProcessInstance enquiry) {
    return new RegisteredEnquiry(0, enquiry.getBusinessKey(), enquiry.getId(), "member.lovelace", "member.lovelace",
        "highways", Instant.now(), null, null);
  }

  private Object variable(ProcessInstance enquiry, String name) {
    return runtimeService.getVariable(enquiry.getId(), name);
  }
}
