package org.memberenquiries.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.clarification.MemberReplies;
import org.memberenquiries.testing.ProcessEngineTest;
import org.memberenquiries.testing.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every user task gets its display values when it opens (issue 13 item 2), from one listener the
 * engine adds to all user tasks ({@link FormDisplayPlugin}): they are task-local, so the case's own
 * variables stay as they are.
 */
@ProcessEngineTest
class FormDisplayProcessTest extends ProcessTestSupport {

  @Autowired MemberReplies replies;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  @DisplayName("R3 R4 R13: the triage task carries the capacity's label and every date as people write it, in London time")
  void triageTask() {
    // Friday 20 November 2026, 10:00 GMT: acknowledgement owed by 5pm on Monday 23 November (R4).
    ProcessInstance enquiry = startEnquiry("2026-11-20T10:00");
    Task triage = taskOf(enquiry, "TriageEnquiry");

    assertThat(taskService.getVariablesLocal(triage.getId()))
        .containsEntry("capacityLabel", "County councillor for a constituent")
        .containsEntry("departmentLabel", "Highways and Transport")
        .containsEntry("receivedAtLabel", "10am, Friday 20 November 2026")
        .containsEntry("acknowledgeByLabel", "5pm, Monday 23 November 2026")
        .doesNotContainKey("reference"); // the case has its own
    assertThat(runtimeService.getVariables(enquiry.getId())).doesNotContainKey("capacityLabel");
  }

  @Test
  @DisplayName("R9: after a question and the Member's reply, the reopened Respond to enquiry shows both, with when each was sent")
  void questionAndReply() {
    // Monday 23 November 2026 (summer time is long over), so London time is GMT.
    ProcessInstance enquiry = startTriagedEnquiry("2026-11-23T10:00");
    complete(enquiry, "AcknowledgeEnquiry", Map.of("acknowledgementText", "Received.", "acknowledgementChecked", true));
    assertThat(taskService.getVariablesLocal(taskOf(enquiry, "RespondToEnquiry").getId()))
        .doesNotContainKey("questionToMember");
    clockAt("2026-11-24T11:00");
    complete(enquiry, "RespondToEnquiry", Map.of("responseType", "CLARIFICATION",
        "clarificationQuestion", "Which end of Mill Lane do you mean?"));
    clockAt("2026-11-25T14:30");
    replies.reply(enquiry.getBusinessKey(), "The north end, by the school.", null);

    Task respond = taskOf(enquiry, "RespondToEnquiry");
    assertThat(taskService.getVariablesLocal(respond.getId()))
        .containsEntry("questionToMember", "Which end of Mill Lane do you mean?")
        .containsEntry("questionToMemberSent", "11am, Tuesday 24 November 2026")
        .containsEntry("memberReply", "The north end, by the school.")
        .containsEntry("memberReplyReceived", "2:30pm, Wednesday 25 November 2026");
    assertThat(taskService.getVariable(respond.getId(), "clarificationQuestion")).isNull(); // a fresh decision
  }

  @Test
  @DisplayName("R10: an escalation task shows the enquiry's reference, the missed deadline's label and when it was due")
  void escalationTask() {
    ProcessInstance enquiry = startTriagedEnquiry("2026-11-20T10:00");
    clockAt("2026-11-23T17:01"); // the acknowledgement was owed by 5pm on Monday
    executeDueJobs(enquiry);
    ProcessInstance escalation = escalationsOf(enquiry).get(0);
    Task resolve = taskOf(escalation, "ResolveInformally");

    assertThat(taskService.getVariablesLocal(resolve.getId()))
        .containsEntry("reference", enquiry.getBusinessKey())
        .containsEntry("missedDeadlineLabel", "Acknowledgement (R4)")
        .containsEntry("missedDeadlineDueLabel", "5pm, Monday 23 November 2026")
        .containsEntry("capacityLabel", "County councillor for a constituent")
        .containsEntry("departmentLabel", "Highways and Transport");
  }

  @Test
  @DisplayName("Claiming a task writes its display values again, so they follow a deadline moved while it was open")
  void claimRefreshes() {
    ProcessInstance enquiry = startEnquiry("2026-11-20T10:00");
    Task triage = taskOf(enquiry, "TriageEnquiry");
    runtimeService.setVariable(enquiry.getId(), "acknowledgeBy",
        java.util.Date.from(java.time.Instant.parse("2026-11-24T17:00:00Z")));

    taskService.claim(triage.getId(), "officer.highways");

    assertThat(taskService.getVariableLocal(triage.getId(), "acknowledgeByLabel")).isEqualTo("5pm, Tuesday 24 November 2026");
  }

  @Test
  @DisplayName("Issue 11: claiming writes only the display values that changed: the others are not written again"
      + " (each write costs a variable update)")
  void claimWritesOnlyWhatChanged() {
    ProcessInstance enquiry = startEnquiry("2026-11-20T10:00");
    Task triage = taskOf(enquiry, "TriageEnquiry");
    runtimeService.setVariable(enquiry.getId(), "acknowledgeBy",
        java.util.Date.from(java.time.Instant.parse("2026-11-24T17:00:00Z")));

    taskService.claim(triage.getId(), "officer.highways");

    // A variable's revision counts its writes (the history level keeps no detail rows: engine.CaseHistoryLevel).
    java.util.Map<String, Integer> revisions = new java.util.HashMap<>();
    jdbc.sql("select NAME_, REV_ from ACT_RU_VARIABLE where TASK_ID_ = ?").param(triage.getId())
        .query((rs, n) -> revisions.put(rs.getString(1), rs.getInt(2))).list();
    assertThat(revisions).containsEntry("capacityLabel", 1).containsEntry("departmentLabel", 1)
        .containsEntry("receivedAtLabel", 1)
        .containsEntry("acknowledgeByLabel", 2); // written when the task opened, and again: it moved
  }
}
