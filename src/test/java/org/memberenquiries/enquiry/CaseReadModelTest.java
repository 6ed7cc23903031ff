package org.memberenquiries.enquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.clarification.MemberReplies;
import org.memberenquiries.department.Departments;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.testing.ProcessEngineTest;
import org.memberenquiries.testing.ProcessTestSupport;
import org.memberenquiries.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 8 item 4 (R16): the read model on the {@code enquiry} row agrees with the engine's history
 * after every step of every path of member-enquiry.bpmn: triage and referral (R1, R2), capacity (R3),
 * acknowledgement (R4), response (R5), holding and full response (R6, R7), revised date and progress
 * updates (R7), burden (R8), clarification with the clock stopped and the no-reply closure (R9), and
 * missed deadlines (R10). The history is read the way the pages read it before the read model existed
 * ({@link CaseRecordBackfill#fromHistory}).
 */
@ProcessEngineTest
class CaseReadModelTest extends ProcessTestSupport {

  @Autowired EnquirySubmission submission;
  @Autowired EnquiryRegister register;
  @Autowired CaseRows rows;
  @Autowired CaseRecordBackfill backfill;
  @Autowired MemberReplies replies;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired JdbcClient jdbc;

  static final Caller LOVELACE = new Caller("cllr.lovelace", Set.of(Groups.MEMBERS));

  @BeforeEach
  void members() {
    TestUsers.seed(identity, departments);
  }

  /** A Member's enquiry submitted through the product at this London time (its row registered). */
  ProcessInstance submitted(String londonTime) {
    clockAt(londonTime);
    NewEnquiry enquiry = new NewEnquiry("Street lighting on Mill Lane", "The lights on Mill Lane are out.",
        Capacity.COUNTY_COUNCILLOR, "Mill Ward", "highways", "Ward surgery.", null, null, null);
    String reference = submission.submit(LOVELACE, enquiry, null).reference();
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult();
    agrees(instance, EnquiryState.RECEIVED);
    return instance;
  }

  /** The row agrees with the engine's history, field by field, and is in the state expected. */
  CaseRow agrees(ProcessInstance instance, EnquiryState expected) {
    CaseRow row = rows.find(instance.getId()).orElseThrow();
    CaseRow history = backfill.fromHistory(register.findByProcessInstance(instance.getId()).orElseThrow());
    assertThat(row).usingRecursiveComparison().isEqualTo(history);
    assertThat(row.state()).isEqualTo(expected);
    return row;
  }

  void done(ProcessInstance instance, String task, Map<String, Object> variables, EnquiryState expected) {
    Task open = taskOf(instance, task);
    taskService.claim(open.getId(), "officer.highways");
    taskService.complete(open.getId(), variables);
    agrees(instance, expected);
  }

  static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  static final Map<String, Object> TRIAGED = vars("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR");
  static final Map<String, Object> ACK = vars("acknowledgementText", "Thank you, received.");
  static final Map<String, Object> HOLDING = vars("responseType", "HOLDING", "responseText", "Looking into it.",
      "holdingExplanation", "Survey booked.", "estimatedFullResponseDate", "2026-12-16");

  ProcessInstance acknowledged(String londonTime) {
    ProcessInstance enquiry = submitted(londonTime);
    done(enquiry, "TriageEnquiry", TRIAGED, EnquiryState.RECEIVED);
    done(enquiry, "AcknowledgeEnquiry", ACK, EnquiryState.ACKNOWLEDGED);
    return enquiry;
  }

  @Test
  @DisplayName("R1 R2 R4 R10: referred (late, so its acknowledgement breach is escalated); closed as referred")
  void referred() {
    ProcessInstance enquiry = submitted("2026-11-20T10:00");
    done(enquiry, "TriageEnquiry", vars("requestKind", "SERVICE_REQUEST", "capacity", "COUNTY_COUNCILLOR"),
        EnquiryState.RECEIVED);
    clockAt("2026-11-23T17:01");
    assertThat(executeDueJobs(enquiry)).isEqualTo(1);
    agrees(enquiry, EnquiryState.RECEIVED);
    clockAt("2026-11-24T09:00");
    done(enquiry, "ReferElsewhere", vars("referralReference", "HH-1", "referralMessage", "Passed to the hub."),
        EnquiryState.REFERRED);
    CaseRow row = rows.find(enquiry.getId()).orElseThrow();
    assertThat(row.referredTo()).contains("HH-1");
    assertThat(row.outcome()).isEqualTo("REFERRED");
    assertThat(row.closedAt()).isEqualTo(london("2026-11-24T09:00"));
  }

  @Test
  @DisplayName("R4 R5: acknowledged, then answered in full at once")
  void answeredAtOnce() {
    ProcessInstance enquiry = acknowledged("2026-11-20T10:00");
    clockAt("2026-11-25T10:00");
    done(enquiry, "RespondToEnquiry", vars("responseType", "FULL", "responseText", "Fixed."), EnquiryState.ANSWERED);
    CaseRow row = rows.find(enquiry.getId()).orElseThrow();
    assertThat(row.outcome()).isEqualTo("ANSWERED");
    assertThat(row.officerId()).isEqualTo("officer.highways");
    assertThat(row.fullResponseSentAt()).isEqualTo(london("2026-11-25T10:00"));
    assertThat(row.closedAt()).isEqualTo(london("2026-11-25T10:00")); // R16: closed once answered, window or not
    assertAnsweredFrom(enquiry, "ResponseKind");
  }

  @Test
  @DisplayName("R3 R9: an unclear capacity is asked; the reply gives it and the case goes back to acknowledged")
  void capacityQuestion() {
    ProcessInstance enquiry = submitted("2026-11-20T10:00");
    done(enquiry, "TriageEnquiry", vars("requestKind", "QUESTION", "capacity", "UNCLEAR",
        "clarificationQuestion", "In which capacity?"), EnquiryState.RECEIVED);
    done(enquiry, "AcknowledgeEnquiry", ACK, EnquiryState.AWAITING_MEMBER);
    assertThat(rows.find(enquiry.getId()).orElseThrow().capacityQuestion()).isTrue();
    clockAt("2026-11-24T12:00");
    replies.reply(enquiry.getBusinessKey(), "As chair.", Capacity.CABINET_OR_COMMITTEE_MEMBER);
    CaseRow row = agrees(enquiry, EnquiryState.ACKNOWLEDGED);
    assertThat(row.capacity()).isEqualTo("CABINET_OR_COMMITTEE_MEMBER");
    assertThat(row.clockStoppedWorkingDays()).isEqualTo(2);
    assertThat(row.respondBy()).isEqualTo(Instant.parse("2026-12-08T17:00:00Z"));
  }

  @Test
  @DisplayName("R6 R7 R8 R9 R10: holding response, questions at every step, burdens agreed and not, revised date, progress update, missed deadlines")
  void longestPath() {
    ProcessInstance enquiry = acknowledged("2026-11-20T10:00");
    // R9 at the response step, answered.
    clockAt("2026-11-23T10:00");
    done(enquiry, "RespondToEnquiry", vars("responseType", "CLARIFICATION", "clarificationQuestion", "Which end?"),
        EnquiryState.AWAITING_MEMBER);
    clockAt("2026-11-25T10:00");
    replies.reply(enquiry.getBusinessKey(), "The north end.", null);
    agrees(enquiry, EnquiryState.ACKNOWLEDGED);
    // R8 at the response step, not agreed.
    done(enquiry, "RespondToEnquiry", vars("responseType", "BURDEN", "burdenReason", "Huge."), EnquiryState.ACKNOWLEDGED);
    done(enquiry, "DiscussBurden", vars("burdenDiscussion", "No.", "deadlineAgreed", false), EnquiryState.ACKNOWLEDGED);
    // R10: the response deadline is missed.
    clockAt("2026-12-08T17:30");
    assertThat(executeDueJobs(enquiry)).isEqualTo(1);
    agrees(enquiry, EnquiryState.ACKNOWLEDGED);
    // R6: holding response.
    clockAt("2026-12-09T10:00");
    done(enquiry, "RespondToEnquiry", HOLDING, EnquiryState.HOLDING_RESPONSE_SENT);
    // R8 at the full-response step, agreed.
    done(enquiry, "SendFullResponse", vars("fullResponseOutcome", "BURDEN", "burdenReason", "More."),
        EnquiryState.HOLDING_RESPONSE_SENT);
    done(enquiry, "DiscussBurden", vars("burdenDiscussion", "Agreed.", "deadlineAgreed", true,
        "agreedDeadline", "2027-01-08"), EnquiryState.HOLDING_RESPONSE_SENT);
    assertThat(rows.find(enquiry.getId()).orElseThrow().agreedDeadlineBy()).isEqualTo(Instant.parse("2027-01-08T17:00:00Z"));
    // R9 at the full-response step.
    clockAt("2026-12-14T10:00");
    done(enquiry, "SendFullResponse", vars("fullResponseOutcome", "CLARIFICATION", "clarificationQuestion", "Photos?"),
        EnquiryState.AWAITING_MEMBER);
    clockAt("2026-12-15T10:00");
    replies.reply(enquiry.getBusinessKey(), "Attached.", null);
    agrees(enquiry, EnquiryState.HOLDING_RESPONSE_SENT);
    // R7: delayed, with a revised date; a progress update falls due a week later.
    done(enquiry, "SendFullResponse", vars("fullResponseOutcome", "DELAYED", "delayReasons", "Contractor.",
        "revisedFullResponseDate", "2027-01-15"), EnquiryState.HOLDING_RESPONSE_SENT);
    clockAt("2026-12-22T10:30");
    assertThat(executeDueJobs(enquiry)).isEqualTo(1);
    done(enquiry, "SendProgressUpdate", vars("progressUpdateText", "Still on it."), EnquiryState.HOLDING_RESPONSE_SENT);
    // R9 and R8 at the revised-date step.
    clockAt("2026-12-23T10:00");
    done(enquiry, "SendFullResponseByRevisedDate", vars("fullResponseOutcome", "CLARIFICATION",
        "clarificationQuestion", "Which lamp?"), EnquiryState.AWAITING_MEMBER);
    clockAt("2027-01-05T10:00");
    replies.reply(enquiry.getBusinessKey(), "Number 12.", null);
    agrees(enquiry, EnquiryState.HOLDING_RESPONSE_SENT);
    done(enquiry, "SendFullResponseByRevisedDate", vars("fullResponseOutcome", "BURDEN", "burdenReason", "Again."),
        EnquiryState.HOLDING_RESPONSE_SENT);
    done(enquiry, "DiscussBurden", vars("burdenDiscussion", "End of January.", "deadlineAgreed", true,
        "agreedDeadline", "2027-01-29"), EnquiryState.HOLDING_RESPONSE_SENT);
    // R10: the revised date is missed; then the full response goes out.
    clockAt("2027-01-29T17:30");
    executeDueJobs(enquiry);
    agrees(enquiry, EnquiryState.HOLDING_RESPONSE_SENT);
    clockAt("2027-02-01T10:00");
    done(enquiry, "SendFullResponseByRevisedDate", vars("fullResponseOutcome", "SENT", "fullResponseText", "Done."),
        EnquiryState.ANSWERED);
    assertThat(rows.find(enquiry.getId()).orElseThrow().outcome()).isEqualTo("ANSWERED_IN_FULL");
  }

  @Test
  @DisplayName("R7 R10: full response missed after a holding response, then sent")
  void fullResponseMissedThenSent() {
    ProcessInstance enquiry = acknowledged("2026-11-20T10:00");
    done(enquiry, "RespondToEnquiry", HOLDING, EnquiryState.HOLDING_RESPONSE_SENT);
    clockAt("2026-12-18T17:30");
    assertThat(executeDueJobs(enquiry)).isEqualTo(1);
    agrees(enquiry, EnquiryState.HOLDING_RESPONSE_SENT);
    done(enquiry, "SendFullResponse", vars("fullResponseOutcome", "SENT", "fullResponseText", "Done."),
        EnquiryState.ANSWERED);
  }

  @Test
  @DisplayName("R9: no reply in 10 working days closes the enquiry; its timescales no longer apply")
  void noReplyCloses() {
    ProcessInstance enquiry = acknowledged("2026-04-20T10:00");
    clockAt("2026-04-29T11:00");
    done(enquiry, "RespondToEnquiry", vars("responseType", "CLARIFICATION", "clarificationQuestion", "Which end?"),
        EnquiryState.AWAITING_MEMBER);
    clockAt("2026-05-14T17:01");
    assertThat(executeDueJobs(enquiry)).isEqualTo(1);
    CaseRow row = agrees(enquiry, EnquiryState.CLOSED_NO_RESPONSE);
    assertThat(row.timescalesApply()).isFalse();
    assertThat(row.outcome()).isEqualTo("NO_RESPONSE_FROM_MEMBER");
  }

  @Test
  @DisplayName("An enquiry logged from Tasklist's start form is registered and has its read model too")
  void loggedFromTasklist() {
    clockAt("2026-11-20T10:00");
    Map<String, Object> variables = enquiry("highways", london("2026-11-20T10:00"));
    variables.put("memberId", "cllr.lovelace");
    ProcessInstance enquiry = runtimeService.startProcessInstanceByKey("member-enquiry", variables);
    enquiry = runtimeService.createProcessInstanceQuery().processInstanceId(enquiry.getId()).singleResult();
    agrees(enquiry, EnquiryState.RECEIVED);
    done(enquiry, "TriageEnquiry", TRIAGED, EnquiryState.RECEIVED);
  }

  @Test
  @DisplayName("Migration 22: a row registered before the read model existed is filled from the engine's history")
  void backfilled() {
    ProcessInstance enquiry = acknowledged("2026-11-20T10:00");
    done(enquiry, "RespondToEnquiry", HOLDING, EnquiryState.HOLDING_RESPONSE_SENT);
    CaseRow live = rows.find(enquiry.getId()).orElseThrow();
    jdbc.sql("update enquiry set state = null, subject = null, respond_by = null, holding_response_sent_at = null,"
        + " officer_id = null where process_instance_id = ?").param(enquiry.getId()).update();

    assertThat(backfill.fillAll()).isGreaterThanOrEqualTo(1);

    assertThat(rows.find(enquiry.getId()).orElseThrow()).usingRecursiveComparison().isEqualTo(live);
  }
}
