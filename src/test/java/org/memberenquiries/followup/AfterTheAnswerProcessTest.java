package org.memberenquiries.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.communication.Communication;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.department.Departments;
import org.memberenquiries.enquiry.EnquiryRegister;
import org.memberenquiries.enquiry.EnquiryState;
import org.memberenquiries.enquiry.EnquirySubmission;
import org.memberenquiries.enquiry.EnquiryView;
import org.memberenquiries.enquiry.EnquiryViews;
import org.memberenquiries.enquiry.NewEnquiry;
import org.memberenquiries.escalation.MissedDeadline;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.testing.ProcessEngineTest;
import org.memberenquiries.testing.ProcessTestSupport;
import org.memberenquiries.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * processes/after-the-answer.bpmn (issue 10 item 4; R0, R5, R10): the window for follow-ups after the full
 * response, on real dates (Christmas 2026: Friday 25 December and Boxing Day's substitute, Monday 28, are bank
 * holidays in England and Wales) with the engine clock.
 */
@ProcessEngineTest
class AfterTheAnswerProcessTest extends ProcessTestSupport {

  @Autowired EnquirySubmission submission;
  @Autowired EnquiryRegister register;
  @Autowired EnquiryViews views;
  @Autowired FollowUps followUps;
  @Autowired CommunicationLog log;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired JdbcClient jdbc;

  static final Caller LOVELACE = new Caller("cllr.lovelace", Set.of(Groups.MEMBERS));
  static final String OFFICER = "officer.highways";

  @BeforeEach
  void members() {
    TestUsers.seed(identity, departments);
  }

  /** A Member's enquiry submitted at this London time, triaged, acknowledged and answered in full at another. */
  ProcessInstance answered(String receivedAt, String answeredAt) {
    clockAt(receivedAt);
    NewEnquiry enquiry = new NewEnquiry("Street lighting on Mill Lane", "The lights on Mill Lane are out.",
        Capacity.COUNTY_COUNCILLOR, "Mill Ward", "highways", "Ward surgery.", null, null, null);
    String reference = submission.submit(LOVELACE, enquiry, null).reference();
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey("member-enquiry").singleResult();
    completeAs(instance, "TriageEnquiry", Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR"));
    completeAs(instance, "AcknowledgeEnquiry", Map.of("acknowledgementText", "Thank you, received."));
    clockAt(answeredAt);
    completeAs(instance, "RespondToEnquiry", Map.of("responseType", "FULL", "responseText", "The lights are fixed."));
    return instance;
  }

  void completeAs(ProcessInstance instance, String task, Map<String, Object> variables) {
    Task open = taskOf(instance, task);
    taskService.claim(open.getId(), OFFICER);
    taskService.complete(open.getId(), variables);
  }

  ProcessInstance window(ProcessInstance enquiry) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(enquiry.getId())
        .processDefinitionKey("after-the-answer").singleResult();
  }

  /** The window's jobs due now (it is a child of the enquiry, not one of the spine's detours). */
  int executeWindowJobs(ProcessInstance enquiry) {
    ProcessInstance window = window(enquiry);
    if (window == null) {
      return 0;
    }
    List<Job> due = managementService.createJobQuery().processInstanceId(window.getId()).executable()
        .duedateLowerThan(new Date(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime() + 1)).list();
    due.forEach(job -> managementService.executeJob(job.getId()));
    return due.size();
  }

  Job windowTimer(ProcessInstance enquiry, String activityId) {
    return managementService.createJobQuery().processInstanceId(window(enquiry).getId()).activityId(activityId)
        .timers().singleResult();
  }

  String reference(ProcessInstance enquiry) {
    return enquiry.getBusinessKey();
  }

  EnquiryView view(ProcessInstance enquiry) {
    return views.view(register.find(reference(enquiry)).orElseThrow());
  }

  List<CommunicationKind> kinds(ProcessInstance enquiry) {
    return log.forEnquiry(enquiry.getId()).stream().map(Communication::kind).toList();
  }

  Instant column(ProcessInstance enquiry, String column) {
    return jdbc.sql("select " + column + " from enquiry where process_instance_id = ?").param(enquiry.getId())
        .query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant).orElse(null);
  }

  @Test
  @DisplayName("R0 R5: answered, the enquiry waits for follow-ups until the end of the 5th working day, then closes;"
      + " closed_at stays the answer's time")
  void windowClosesAfterFiveWorkingDays() {
    // Friday 18 December 2026; the 5 working days are 21, 22, 23, 24 and (after Christmas and Boxing Day's
    // substitute, Monday 28) Tuesday 29 December.
    ProcessInstance enquiry = answered("2026-12-14T10:00", "2026-12-18T11:00");

    // (the link events between, EnquiryAnswered and Answered, leave no activity in the engine's history)
    assertThat(enquiry).isWaitingAt("FollowUpsAndSatisfaction").hasPassed("RespondToEnquiry");
    ProcessInstance window = window(enquiry);
    assertThat(window).isWaitingAt("WhatDoesTheMemberDo");
    Job closes = windowTimer(enquiry, "WindowEnds");
    assertThat(closes.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-12-29T17:00:00Z")));
    assertThat(runtimeService.getVariable(window.getId(), "answeringOfficer")).isEqualTo(OFFICER);
    EnquiryView answered = view(enquiry);
    assertThat(answered.state()).isEqualTo(EnquiryState.ANSWERED);
    assertThat(answered.afterTheAnswer().open()).isTrue();
    assertThat(answered.afterTheAnswer().followUpsUntil().toInstant()).isEqualTo(Instant.parse("2026-12-29T17:00:00Z"));
    assertThat(column(enquiry, "closed_at")).isEqualTo(london("2026-12-18T11:00")); // R16: answered counts as closed
    assertThat(followUps.isOpen(reference(enquiry))).isTrue();

    clockAt("2026-12-29T16:59");
    assertThat(executeWindowJobs(enquiry)).isZero();
    clockAt("2026-12-29T17:00");
    assertThat(executeWindowJobs(enquiry)).isEqualTo(1);

    assertThat(window).isEnded().hasPassed("WindowEnds", "CloseEnquiry", "Closed");
    assertThat(enquiry).isEnded().hasPassed("FollowUpsAndSatisfaction", "EnquiryClosed");
    assertThat(kinds(enquiry)).endsWith(CommunicationKind.FULL_RESPONSE, CommunicationKind.ENQUIRY_CLOSED);
    assertThat(column(enquiry, "follow_ups_closed_at")).isEqualTo(Instant.parse("2026-12-29T17:00:00Z"));
    assertThat(column(enquiry, "closed_at")).isEqualTo(london("2026-12-18T11:00"));
    assertThat(view(enquiry).afterTheAnswer().open()).isFalse();
    assertThatThrownBy(() -> followUps.followUp(reference(enquiry), "One more thing"))
        .isInstanceOf(FollowUpsClosedException.class);
  }

  @Test
  @DisplayName("R5: a follow-up reopens the case with the same officer and a new 10-working-day deadline;"
      + " its answer opens a new window")
  void followUpReopensWithNewDeadline() {
    ProcessInstance enquiry = answered("2026-12-14T10:00", "2026-12-18T11:00");
    // Wednesday 23 December, 18:30: after hours, so it counts as asked on Thursday 24; the 10th working day
    // after it (29, 30, 31 December; 1 January is a bank holiday; 4 to 8, 11 and 12 January) is Tuesday 12 January 2027.
    clockAt("2026-12-23T18:30");
    followUps.followUp(reference(enquiry), "  Will the lights on Mill Lane be checked again?  ");

    ProcessInstance window = window(enquiry);
    assertThat(window).isWaitingAt("AnswerFollowUp");
    Task followUp = taskService.createTaskQuery().processInstanceId(window.getId()).singleResult();
    assertThat(followUp.getAssignee()).isEqualTo(OFFICER);
    assertThat(taskService.getIdentityLinksForTask(followUp.getId()))
        .anyMatch(link -> "highways-officers".equals(link.getGroupId()));
    Date due = Date.from(Instant.parse("2027-01-12T17:00:00Z"));
    assertThat(followUp.getDueDate()).isEqualTo(due);
    assertThat(managementService.createJobQuery().processInstanceId(window.getId()).activityId("FollowUpOverdue")
        .singleResult().getDuedate()).isEqualTo(due);
    assertThat(runtimeService.getVariable(window.getId(), "followUpQuestion"))
        .isEqualTo("Will the lights on Mill Lane be checked again?");
    EnquiryView asked = view(enquiry);
    assertThat(asked.state()).isEqualTo(EnquiryState.FOLLOW_UP);
    assertThat(asked.afterTheAnswer().followUpsAsked()).isEqualTo(1);
    assertThat(asked.afterTheAnswer().followUpRespondBy().toInstant()).isEqualTo(due.toInstant());
    assertThat(asked.afterTheAnswer().open()).isFalse();
    assertThat(kinds(enquiry)).endsWith(CommunicationKind.FULL_RESPONSE, CommunicationKind.FOLLOW_UP);
    assertThat(followUps.isOpen(reference(enquiry))).isFalse();
    assertThatThrownBy(() -> followUps.followUp(reference(enquiry), "And another?"))
        .isInstanceOf(FollowUpsClosedException.class);

    // Answered Tuesday 5 January 2027: a new window to the end of Tuesday 12 January (6, 7, 8, 11, 12).
    clockAt("2027-01-05T10:00");
    identity.setAuthentication(OFFICER, List.of("highways-officers"));
    try {
      taskService.complete(followUp.getId(), Map.of("followUpAnswer", "Yes, on 7 January."));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(window).isWaitingAt("WhatDoesTheMemberDo").hasPassed("FollowUpWindowStep", "OpenFollowUpWindow");
    assertThat(windowTimer(enquiry, "WindowEnds").getDuedate()).isEqualTo(Date.from(Instant.parse("2027-01-12T17:00:00Z")));
    EnquiryView answeredAgain = view(enquiry);
    assertThat(answeredAgain.state()).isEqualTo(EnquiryState.ANSWERED);
    assertThat(answeredAgain.afterTheAnswer().open()).isTrue();
    assertThat(answeredAgain.messages()).extracting(EnquiryView.Message::kind)
        .endsWith("FULL_RESPONSE", "FOLLOW_UP", "FOLLOW_UP_RESPONSE");
    assertThat(answeredAgain.messages().get(answeredAgain.messages().size() - 1).sentBy()).isNotNull(); // R15
    assertThat(column(enquiry, "closed_at")).isEqualTo(london("2026-12-18T11:00"));

    clockAt("2027-01-12T17:00");
    assertThat(executeWindowJobs(enquiry)).isEqualTo(1);
    assertThat(enquiry).isEnded();
  }

  @Test
  @DisplayName("R5 R10: a follow-up not answered in 10 working days is recorded and escalated; the task stays open")
  void missedFollowUpEscalated() {
    ProcessInstance enquiry = answered("2026-11-02T10:00", "2026-11-09T11:00");
    clockAt("2026-11-10T09:00");
    followUps.followUp(reference(enquiry), "Is the column on the corner included?");
    // Tuesday 10 November: due at the end of Tuesday 24 November.
    clockAt("2026-11-24T16:59");
    assertThat(executeWindowJobs(enquiry)).isZero();
    clockAt("2026-11-24T17:00");
    assertThat(executeWindowJobs(enquiry)).isEqualTo(1);
    ProcessInstance window = window(enquiry);

    assertThat(window).isWaitingAt("AnswerFollowUp").hasPassed("FollowUpOverdue");
    List<ProcessInstance> escalations = escalationsOf(enquiry);
    assertThat(escalations).hasSize(1);
    assertThat(runtimeService.getVariable(escalations.get(0).getId(), "missedDeadline"))
        .isEqualTo(MissedDeadline.FOLLOW_UP_RESPONSE.name());
    assertThat(jdbc.sql("select count(*) from breach where process_instance_id = ? and deadline_kind = ?")
        .params(enquiry.getId(), "FOLLOW_UP_RESPONSE").query(Long.class).single()).isEqualTo(1);

    // Member Support resolves the breach; the escalation ends and the follow-up is still owed.
    complete(escalations.get(0), "ResolveInformally",
        Map.of("resolutionNotes", "Apologised; the officer answers this week.", "memberSatisfied", true));
    assertThat(window).hasPassed("EscalateMissedFollowUp", "FollowUpBreachHandled").isWaitingAt("AnswerFollowUp");
  }

  @Test
  @DisplayName("R10: the Member's dissatisfaction reaches Member Support, whose informal resolution closes the case")
  void dissatisfactionReachesMemberSupport() {
    ProcessInstance enquiry = answered("2026-11-02T10:00", "2026-11-09T11:00");
    clockAt("2026-11-11T09:00");
    followUps.notSatisfied(reference(enquiry), "The answer does not say when.");

    ProcessInstance window = window(enquiry);
    assertThat(window).isWaitingAt("ResolveDissatisfaction");
    Task resolve = taskService.createTaskQuery().processInstanceId(window.getId()).singleResult();
    assertThat(taskService.getIdentityLinksForTask(resolve.getId()))
        .anyMatch(link -> Groups.MEMBER_SUPPORT.equals(link.getGroupId()));
    // R10: as a breach's informal resolution, 10 working days: Wednesday 25 November.
    assertThat(resolve.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-11-25T17:00:00Z")));
    EnquiryView raised = view(enquiry);
    assertThat(raised.state()).isEqualTo(EnquiryState.NOT_SATISFIED);
    assertThat(raised.afterTheAnswer().informalResolutionBy().toInstant()).isEqualTo(Instant.parse("2026-11-25T17:00:00Z"));
    assertThat(kinds(enquiry)).endsWith(CommunicationKind.NOT_SATISFIED);
    assertThatThrownBy(() -> followUps.followUp(reference(enquiry), "Also..."))
        .isInstanceOf(FollowUpsClosedException.class);

    clockAt("2026-11-16T10:00");
    assertThatThrownBy(() -> taskService.complete(resolve.getId(), Map.of()))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("informalResolution");
    identity.setAuthentication("support", List.of(Groups.MEMBER_SUPPORT));
    try {
      taskService.complete(resolve.getId(), Map.of("informalResolution", "The officer will write with a date."));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(window).isEnded().hasPassed("ResolveDissatisfaction", "CaseDone", "CloseEnquiry", "Closed");
    assertThat(enquiry).isEnded().hasPassed("EnquiryClosed");
    assertThat(kinds(enquiry)).endsWith(CommunicationKind.NOT_SATISFIED, CommunicationKind.INFORMAL_RESOLUTION,
        CommunicationKind.ENQUIRY_CLOSED);
    assertThat(view(enquiry).state()).isEqualTo(EnquiryState.ANSWERED);
    assertThat(column(enquiry, "informally_resolved_at")).isEqualTo(london("2026-11-16T10:00"));
    assertThat(column(enquiry, "closed_at")).isEqualTo(london("2026-11-09T11:00"));
  }

  @Test
  @DisplayName("R5: no follow-up before the full response, and none empty")
  void onlyWhenAnsweredAndNotEmpty() {
    clockAt("2026-11-02T10:00");
    NewEnquiry enquiry = new NewEnquiry("Potholes", "Several on the High Street.", Capacity.COUNTY_COUNCILLOR,
        "Mill Ward", "highways", "Ward surgery.", null, null, null);
    String reference = submission.submit(LOVELACE, enquiry, null).reference();
    assertThatThrownBy(() -> followUps.followUp(reference, "Any news?")).isInstanceOf(FollowUpsClosedException.class);
    assertThatThrownBy(() -> followUps.notSatisfied(reference, "No answer")).isInstanceOf(FollowUpsClosedException.class);
    assertThatThrownBy(() -> followUps.followUp(reference, "  ")).isInstanceOf(BadUserRequestException.class);
  }
}
