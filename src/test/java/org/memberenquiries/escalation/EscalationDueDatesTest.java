package org.memberenquiries.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.testing.ProcessEngineTest;
import org.memberenquiries.testing.ProcessTestSupport;

/**
 * R0, R10 (issue 13 item 1): every escalation task has a due date, worked out in working days by the
 * application and handed to the BPMN, so Member Support's and the referees' queues show it overdue.
 */
@ProcessEngineTest
class EscalationDueDatesTest extends ProcessTestSupport {

  @Test
  @DisplayName("R0 R10: Member Support's task is due 10 working days after the breach, the referee's 20 after the referral, over Christmas and New Year")
  void escalationTasksAreDueInWorkingDays() {
    // Received Monday 21 December 2026: the acknowledgement is due at 5pm on Tuesday 22 December.
    ProcessInstance enquiry = startTriagedEnquiry("2026-12-21T10:00");
    clockAt("2026-12-22T17:01");
    assertThat(executeDueJobs(enquiry)).isEqualTo(1);

    // Missed after hours, so it counts from Wednesday 23 December. Christmas Day (Fri 25), the Boxing
    // Day substitute (Mon 28) and New Year's Day (Fri 1 January) are bank holidays: the 10th working
    // day is Monday 11 January 2027, 17:00 GMT.
    ProcessInstance escalation = escalationsOf(enquiry).get(0);
    assertThat(escalation).isWaitingAt("ResolveInformally");
    Task resolve = taskOf(escalation, "ResolveInformally");
    assertThat(resolve.getDueDate()).isEqualTo(Date.from(Instant.parse("2027-01-11T17:00:00Z")));

    // Referred on Tuesday 12 January 2027: 20 working days later is Tuesday 9 February, 17:00 GMT.
    clockAt("2027-01-12T10:00");
    complete(escalation, "ResolveInformally", Map.of("resolutionNotes", "The Member is still waiting.",
        "memberSatisfied", false, "referee", "monitoring-officer"));
    Task decide = taskOf(escalation, "DecideBreachOutcome");
    assertThat(decide.getDueDate()).isEqualTo(Date.from(Instant.parse("2027-02-09T17:00:00Z")));
    assertThat(taskService.createTaskQuery().taskCandidateGroup("monitoring-officer").dueBefore(
        Date.from(Instant.parse("2027-02-10T00:00:00Z"))).processInstanceId(escalation.getId()).count()).isEqualTo(1);
  }

  @Test
  @DisplayName("R0 R10: a breach recorded in British Summer Time is due at 5pm BST on the 10th working day")
  void dueDateAcrossDaylightSaving() {
    // Received Friday 27 March 2026 after hours: acknowledgement due Tuesday 31 March, 17:00 BST.
    ProcessInstance enquiry = startTriagedEnquiry("2026-03-27T18:30");
    clockAt("2026-03-31T17:01");
    executeDueJobs(enquiry);

    // Counts from Wednesday 1 April; Good Friday (3 April) and Easter Monday (6 April) are bank
    // holidays: the 10th working day is Friday 17 April, 17:00 BST = 16:00Z.
    Task resolve = taskOf(escalationsOf(enquiry).get(0), "ResolveInformally");
    assertThat(resolve.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-04-17T16:00:00Z")));
  }
}
