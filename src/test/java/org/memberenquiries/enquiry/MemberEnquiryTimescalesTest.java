package org.memberenquiries.enquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.memberenquiries.communication.Communication;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.escalation.Breach;
import org.memberenquiries.escalation.BreachLog;
import org.memberenquiries.escalation.MissedDeadline;
import org.memberenquiries.testing.ProcessEngineTest;
import org.memberenquiries.testing.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** The member-enquiry timescales (R0, R4–R7) and missed deadlines (R10), walked on real dates. */
@ProcessEngineTest
class MemberEnquiryTimescalesTest extends ProcessTestSupport {

  @Autowired CommunicationLog communications;
  @Autowired BreachLog breaches;

  static final Map<String, Object> ACKNOWLEDGED = Map.of("acknowledgementText", "Thank you, received.");
  static final Map<String, Object> FULL =
      Map.of("responseType", "FULL", "responseText", "The lights were repaired on Tuesday.");

  static Map<String, Object> holding(String estimate) {
    return Map.of(
        "responseType", "HOLDING",
        "responseText", "We are looking into this.",
        "holdingExplanation", "The lighting contractor is surveying the street.",
        "estimatedFullResponseDate", estimate);
  }

  static Date at(String iso) {
    return Date.from(Instant.parse(iso));
  }

  @Nested
  class Deadlines {

    @Test
    @DisplayName("R0 R4 R5 R7: deadlines are worked out once from receipt and stored for the timers")
    void deadlinesStoredOnStart() {
      // Friday 20 November 2026, 10:00 GMT: a working day, within working hours.
      ProcessInstance enquiry = startTriagedEnquiry("2026-11-20T10:00");

      assertThat(enquiry).isWaitingAt("AcknowledgeEnquiry");
      Map<String, Object> variables = runtimeService.getVariables(enquiry.getId());
      assertThat(variables.get("acknowledgeBy")).isEqualTo(at("2026-11-23T17:00:00Z")); // Monday
      assertThat(variables.get("respondBy")).isEqualTo(at("2026-12-04T17:00:00Z")); // 10th working day
      assertThat(variables.get("fullResponseBy")).isEqualTo(at("2026-12-18T17:00:00Z")); // 20th working day
      assertThat(variables.get("officerGroup")).isEqualTo("highways-officers");
      assertThat(timer(enquiry, "AcknowledgementOverdue").getDuedate()).isEqualTo(at("2026-11-23T17:00:00Z"));
      assertThat(task(enquiry)).hasCandidateGroup("highways-officers");
      assertThat(task(enquiry).getDueDate()).isEqualTo(at("2026-11-23T17:00:00Z"));
    }

    @Test
    @DisplayName("R0: received on Friday after 17:00 before the clocks go forward counts from Monday; deadlines at 17:00 BST")
    void receiptAfterHoursAcrossDaylightSaving() {
      // Friday 27 March 2026 18:30 GMT; clocks go forward on Sunday 29 March; Good Friday 3 April and
      // Easter Monday 6 April are bank holidays.
      ProcessInstance enquiry = startTriagedEnquiry("2026-03-27T18:30");

      Map<String, Object> variables = runtimeService.getVariables(enquiry.getId());
      assertThat(variables.get("effectiveReceiptDay")).isEqualTo("2026-03-30");
      assertThat(variables.get("acknowledgeBy")).isEqualTo(at("2026-03-31T16:00:00Z")); // Tue 17:00 BST
      assertThat(variables.get("respondBy")).isEqualTo(at("2026-04-15T16:00:00Z")); // Wed 15 April 17:00 BST
    }

    @Test
    @DisplayName("R0: a department that is not configured is refused at the start")
    void unknownDepartmentRefused() {
      clockAt("2026-11-20T10:00");
      assertThatThrownBy(
              () -> runtimeService.startProcessInstanceByKey(
                  "member-enquiry", enquiry("parks", london("2026-11-20T10:00"))))
          .isInstanceOf(BadUserRequestException.class)
          .hasMessageContaining("Unknown department 'parks'");
    }

    @Test
    @DisplayName("R0: a receipt time in the future is refused")
    void futureReceiptRefused() {
      clockAt("2026-11-20T10:00");
      assertThatThrownBy(
              () -> runtimeService.startProcessInstanceByKey(
                  "member-enquiry", enquiry("highways", london("2026-11-21T10:00"))))
          .isInstanceOf(BadUserRequestException.class)
          .hasMessageContaining("receivedAt");
    }
  }

  @Nested
  class Acknowledgement {

    @Test
    @DisplayName("R4: acknowledged on time: recorded, no breach, no escalation")
    void acknowledgedOnTime() {
      ProcessInstance enquiry = startTriagedEnquiry("2026-11-20T10:00");
      clockAt("2026-11-23T16:59");
      assertThat(executeDueJobs(enquiry)).isZero();

      complete(enquiry, "AcknowledgeEnquiry", ACKNOWLEDGED);

      assertThat(enquiry).isWaitingAt("RespondToEnquiry");
      assertThat(timer(enquiry, "AcknowledgementOverdue")).isNull();
      assertThat(runtimeService.getVariable(enquiry.getId(), "acknowledgedAt"))
          .isEqualTo(Date.from(london("2026-11-23T16:59")));
      assertThat(communications.forEnquiry(enquiry.getId()))
          .extracting(Communication::kind)
          .containsExactly(CommunicationKind.ACKNOWLEDGEMENT);
      assertThat(breaches.forEnquiry(enquiry.getId())).isEmpty();
      assertThat(escalationsOf(enquiry)).isEmpty();
    }

    @Test
    @DisplayName("R4 R10: acknowledgement missed: the task stays open, the breach is recorded and escalated")
    void acknowledgementMissed() {
      ProcessInstance enquiry = startTriagedEnquiry("2026-03-27T18:30");
      clockAt("2026-03-31T17:01"); // BST since 29 March; the deadline was 17:00 BST = 16:00Z

      assertThat(executeDueJobs(enquiry)).isEqualTo(1);

      assertThat(enquiry).isWaitingAt("AcknowledgeEnquiry", "EscalateMissedAcknowledgement");
      List<Breach> recorded = breaches.forEnquiry(enquiry.getId());
      assertThat(recorded).singleElement().satisfies(breach -> {
        assertThat(breach.deadline()).isEqualTo(MissedDeadline.ACKNOWLEDGEMENT);
        assertThat(breach.due()).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
        assertThat(breach.missedAt()).isEqualTo(london("2026-03-31T17:01"));
        assertThat(breach.escalated()).isTrue();
      });
      ProcessInstance escalation = escalationsOf(enquiry).get(0);
      assertThat(escalation).isWaitingAt("ResolveInformally");
      assertThat(task(escalation)).hasCandidateGroup("member-support");

      complete(escalation, "ResolveInformally", Map.of("resolutionNotes", "Acknowledged by phone.", "memberSatisfied", true));
      assertThat(enquiry).hasPassed("AcknowledgementBreachHandled").isWaitingAt("AcknowledgeEnquiry");
    }
  }

  @Nested
  class Response {

    @Test
    @DisplayName("R5: a full response within 10 working days answers the enquiry")
    void fullResponseOnTime() {
      ProcessInstance enquiry = startTriagedEnquiry("2026-11-20T10:00");
      complete(enquiry, "AcknowledgeEnquiry", ACKNOWLEDGED);
      clockAt("2026-12-04T16:00");

      complete(enquiry, "RespondToEnquiry", FULL);

      assertAnsweredFrom(enquiry, "ResponseKind");
      assertThat(communications.forEnquiry(enquiry.getId()))
          .extracting(Communication::kind)
          .containsExactly(CommunicationKind.ACKNOWLEDGEMENT, CommunicationKind.FULL_RESPONSE);
      assertThat(breaches.forEnquiry(enquiry.getId())).isEmpty();
    }

    @Test
    @DisplayName("R0 R5 R10: over Christmas the 10th working day is 6 January; missing it escalates, the task stays open")
    void responseMissedOverChristmas() {
      // Friday 18 December 2026. Christmas Day (Fri), Boxing Day substitute (Mon 28) and New Year's Day
      // (Fri 1 Jan 2027) are bank holidays: the 10th working day after receipt is Wednesday 6 January.
      ProcessInstance enquiry = startTriagedEnquiry("2026-12-18T09:00");
      clockAt("2026-12-21T10:00");
      complete(enquiry, "AcknowledgeEnquiry", ACKNOWLEDGED);
      assertThat(timer(enquiry, "ResponseOverdue").getDuedate()).isEqualTo(at("2027-01-06T17:00:00Z"));

      clockAt("2027-01-06T16:59");
      assertThat(executeDueJobs(enquiry)).isZero();
      clockAt("2027-01-06T17:00");
      assertThat(executeDueJobs(enquiry)).isEqualTo(1);

      assertThat(enquiry).isWaitingAt("RespondToEnquiry", "EscalateMissedResponse");
      assertThat(breaches.forEnquiry(enquiry.getId()))
          .singleElement()
          .satisfies(breach -> {
            assertThat(breach.deadline()).isEqualTo(MissedDeadline.RESPONSE);
            assertThat(breach.due()).isEqualTo(Instant.parse("2027-01-06T17:00:00Z"));
          });

      // The late response can still be sent; the case then waits only for the escalation.
      complete(enquiry, "RespondToEnquiry", FULL);
      assertAnsweredFrom(enquiry, "ResponseKind");
      assertThat(enquiry).isWaitingAt("EscalateMissedResponse", "FollowUpsAndSatisfaction");
    }

    @Test
    @DisplayName("R6: a holding response without an explanation or an estimated date is refused")
    void holdingResponseNeedsExplanationAndEstimate() {
      ProcessInstance enquiry = startTriagedEnquiry("2026-11-20T10:00");
      complete(enquiry, "AcknowledgeEnquiry", ACKNOWLEDGED);
      String respond = taskOf(enquiry, "RespondToEnquiry").getId();

      assertThatThrownBy(() -> taskService.complete(respond, Map.of(
              "responseType", "HOLDING", "responseText", "Looking into it.")))
          .rootCause() // the engine wraps a task listener's refusal
          .isInstanceOf(BadUserRequestException.class)
          .hasMessageContaining("R6")
          .hasMessageContaining("holdingExplanation")
          .hasMessageContaining("estimatedFullResponseDate");
      assertThatThrownBy(() -> taskService.complete(respond, holding("2026-11-19")))
          .rootCause() // the engine wraps a task listener's refusal
          .isInstanceOf(BadUserRequestException.class)
          .hasMessageContaining("must not be in the past");

      assertThat(enquiry).isWaitingAt("RespondToEnquiry");
      assertThat(communications.forEnquiry(enquiry.getId()))
          .extracting(Communication::kind)
          .containsExactly(CommunicationKind.ACKNOWLEDGEMENT);
    }
  }

  @Nested
  class FullResponseAfterHolding {

    ProcessInstance holdingSent() {
      ProcessInstance enquiry = startTriagedEnquiry("2026-11-20T10:00");
      complete(enquiry, "AcknowledgeEnquiry", ACKNOWLEDGED);
      clockAt("2026-12-01T11:00");
      complete(enquiry, "RespondToEnquiry", holding("2026-12-16"));
      return enquiry;
    }

    @Test
    @DisplayName("R6 R7: holding response, then the full response within 20 working days")
    void holdingThenFullOnTime() {
      ProcessInstance enquiry = holdingSent();
      assertThat(enquiry).isWaitingAt("SendFullResponse");
      assertThat(timer(enquiry, "FullResponseOverdue").getDuedate()).isEqualTo(at("2026-12-18T17:00:00Z"));
      assertThat(timer(enquiry, "ResponseOverdue")).isNull();

      clockAt("2026-12-16T15:00");
      complete(enquiry, "SendFullResponse", Map.of("fullResponseOutcome", "SENT", "fullResponseText", "Repaired."));

      assertAnsweredFrom(enquiry, "FullResponseSent");
      assertThat(communications.forEnquiry(enquiry.getId()))
          .extracting(Communication::kind)
          .containsExactly(
              CommunicationKind.ACKNOWLEDGEMENT, CommunicationKind.HOLDING_RESPONSE, CommunicationKind.FULL_RESPONSE);
      assertThat(communications.forEnquiry(enquiry.getId()).get(1).body())
          .contains("The lighting contractor is surveying the street.")
          .contains("Estimated full response by: Wednesday 16 December 2026"); // one way of writing dates (issue 13 item 8)
    }

    @Test
    @DisplayName("R7 R10: no full response and no revised date in 20 working days escalates; the task stays open")
    void fullResponseMissed() {
      ProcessInstance enquiry = holdingSent();
      clockAt("2026-12-18T17:00");

      assertThat(executeDueJobs(enquiry)).isEqualTo(1);

      assertThat(enquiry).isWaitingAt("SendFullResponse", "EscalateMissedFullResponse");
      assertThat(breaches.forEnquiry(enquiry.getId()))
          .extracting(Breach::deadline)
          .containsExactly(MissedDeadline.FULL_RESPONSE);
    }

    @Test
    @DisplayName("R7 R10: a revised date brings its own deadline and weekly progress-update reminders; the 20 working days still run (issue 12)")
    void revisedDateWithProgressUpdates() {
      ProcessInstance enquiry = holdingSent();
      clockAt("2026-12-15T10:00");

      complete(enquiry, "SendFullResponse", Map.of(
          "fullResponseOutcome", "DELAYED",
          "delayReasons", "The contractor needs a road closure.",
          "revisedFullResponseDate", "2027-01-08"));

      assertThat(enquiry).isWaitingAt("SendFullResponseByRevisedDate");
      assertThat(timer(enquiry, "FullResponseOverdue")).isNull();
      assertThat(timer(enquiry, "RevisedDateMissed").getDuedate()).isEqualTo(at("2027-01-08T17:00:00Z"));
      // A revised date is the officer's own: it does not replace the 20-working-day deadline (only R8's
      // agreement does, only R9 stops the clock), which still falls on Friday 18 December.
      assertThat(timer(enquiry, "FullResponseStillOverdue").getDuedate()).isEqualTo(at("2026-12-18T17:00:00Z"));
      assertThat(timer(enquiry, "ProgressUpdateDue").getDuedate()).isEqualTo(Date.from(london("2026-12-22T10:00")));

      // A week later the officer is reminded to update the Member, and again a week after that.
      clockAt("2026-12-22T10:00");
      assertThat(executeDueJobs(enquiry)).isEqualTo(2); // 18 December passed, and the first reminder
      assertThat(enquiry).isWaitingAt("SendFullResponseByRevisedDate", "SendProgressUpdate",
          "EscalateMissedFullResponseAfterRevision");
      complete(enquiry, "SendProgressUpdate", Map.of("progressUpdateText", "Road closure booked for 5 January."));
      assertThat(timer(enquiry, "ProgressUpdateDue").getDuedate()).isEqualTo(Date.from(london("2026-12-29T10:00")));

      clockAt("2027-01-07T12:00");
      complete(enquiry, "SendFullResponseByRevisedDate",
          Map.of("fullResponseOutcome", "SENT", "fullResponseText", "Lights repaired on 6 January."));

      // Answered; only the escalation of 18 December waits for Member Support.
      assertAnsweredFrom(enquiry, "FullResponseSentByRevisedDate");
      assertThat(enquiry).isWaitingAt("EscalateMissedFullResponseAfterRevision", "FollowUpsAndSatisfaction");
      assertThat(communications.forEnquiry(enquiry.getId()))
          .extracting(Communication::kind)
          .containsExactly(
              CommunicationKind.ACKNOWLEDGEMENT,
              CommunicationKind.HOLDING_RESPONSE,
              CommunicationKind.REVISED_DATE_NOTICE,
              CommunicationKind.PROGRESS_UPDATE,
              CommunicationKind.FULL_RESPONSE);
      assertThat(breaches.forEnquiry(enquiry.getId())).singleElement().satisfies(breach -> {
        assertThat(breach.deadline()).isEqualTo(MissedDeadline.FULL_RESPONSE);
        assertThat(breach.due()).isEqualTo(Instant.parse("2026-12-18T17:00:00Z"));
        assertThat(breach.escalated()).isTrue();
      });
    }

    @Test
    @DisplayName("R0 R7: a revised date on a bank holiday, or without reasons, is refused")
    void revisedDateMustBeAWorkingDayWithReasons() {
      ProcessInstance enquiry = holdingSent();
      String send = taskOf(enquiry, "SendFullResponse").getId();

      assertThatThrownBy(() -> taskService.complete(send, Map.of(
              "fullResponseOutcome", "DELAYED", "delayReasons", "Waiting for parts.",
              "revisedFullResponseDate", "2026-12-28"))) // Boxing Day substitute bank holiday
          .rootCause() // the engine wraps a task listener's refusal
          .isInstanceOf(BadUserRequestException.class)
          .hasMessageContaining("not a working day");
      assertThatThrownBy(() -> taskService.complete(send, Map.of(
              "fullResponseOutcome", "DELAYED", "revisedFullResponseDate", "2027-01-08")))
          .rootCause() // the engine wraps a task listener's refusal
          .isInstanceOf(BadUserRequestException.class)
          .hasMessageContaining("delayReasons");
      assertThat(enquiry).isWaitingAt("SendFullResponse");
    }

    @Test
    @DisplayName("R7 R10: a missed revised date is escalated as a breach of its own")
    void revisedDateMissed() {
      ProcessInstance enquiry = holdingSent();
      clockAt("2026-12-15T10:00");
      complete(enquiry, "SendFullResponse", Map.of(
          "fullResponseOutcome", "DELAYED", "delayReasons", "Road closure needed.",
          "revisedFullResponseDate", "2027-01-08"));
      clockAt("2027-01-08T17:00");

      executeDueJobs(enquiry);

      // Two deadlines missed, each recorded and escalated once: the 20 working days (R7, Friday 18
      // December) and then the revised date the Member was given.
      assertThat(breaches.forEnquiry(enquiry.getId()))
          .extracting(Breach::deadline, Breach::due, Breach::escalated)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(MissedDeadline.FULL_RESPONSE, Instant.parse("2026-12-18T17:00:00Z"), true),
              org.assertj.core.groups.Tuple.tuple(
                  MissedDeadline.REVISED_FULL_RESPONSE, Instant.parse("2027-01-08T17:00:00Z"), true));
      assertThat(enquiry).isWaitingAt("SendFullResponseByRevisedDate", "EscalateMissedRevisedDate",
          "EscalateMissedFullResponseAfterRevision");

      for (ProcessInstance escalation : escalationsOf(enquiry)) {
        complete(escalation, "ResolveInformally",
            Map.of("resolutionNotes", "New date agreed by phone.", "memberSatisfied", true));
      }
      assertThat(enquiry).hasPassed("RevisedDateBreachHandled", "FullResponseAfterRevisionBreachHandled")
          .isWaitingAt("SendFullResponseByRevisedDate");
    }

    @Test
    @DisplayName("R7: a further delay needs new reasons and a new revised date; the step opens again due on it")
    void furtherDelayGivesANewRevisedDate() {
      ProcessInstance enquiry = holdingSent();
      clockAt("2026-12-15T10:00");
      complete(enquiry, "SendFullResponse", Map.of(
          "fullResponseOutcome", "DELAYED", "delayReasons", "Road closure needed.",
          "revisedFullResponseDate", "2027-01-08"));

      // Tuesday 5 January 2027: the closure moved; the Member is told again, with a new date.
      clockAt("2027-01-05T10:00");
      assertThatThrownBy(() -> complete(enquiry, "SendFullResponseByRevisedDate",
          Map.of("fullResponseOutcome", "DELAYED", "revisedFullResponseDate", "2027-01-15")))
          .hasMessageContaining("delayReasons");
      complete(enquiry, "SendFullResponseByRevisedDate", Map.of(
          "fullResponseOutcome", "DELAYED", "delayReasons", "The road closure moved to 13 January.",
          "revisedFullResponseDate", "2027-01-15"));

      assertThat(enquiry).isWaitingAt("SendFullResponseByRevisedDate");
      assertThat(task(enquiry).getDueDate()).isEqualTo(at("2027-01-15T17:00:00Z"));
      assertThat(timer(enquiry, "RevisedDateMissed").getDuedate()).isEqualTo(at("2027-01-15T17:00:00Z"));
      assertThat(communications.forEnquiry(enquiry.getId())).extracting(Communication::kind)
          .filteredOn(kind -> kind == CommunicationKind.REVISED_DATE_NOTICE).hasSize(2);

      clockAt("2027-01-14T12:00");
      complete(enquiry, "SendFullResponseByRevisedDate",
          Map.of("fullResponseOutcome", "SENT", "fullResponseText", "Lights repaired on 13 January."));
      assertAnsweredFrom(enquiry, "FullResponseSentByRevisedDate");
      assertThat(breaches.forEnquiry(enquiry.getId())).extracting(Breach::deadline)
          .doesNotContain(MissedDeadline.REVISED_FULL_RESPONSE);
    }
  }
}
