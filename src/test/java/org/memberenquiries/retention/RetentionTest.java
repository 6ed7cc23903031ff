package org.memberenquiries.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.department.Departments;
import org.memberenquiries.enquiry.EnquirySubmission;
import org.memberenquiries.enquiry.NewEnquiry;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.testing.ProcessEngineTest;
import org.memberenquiries.testing.ProcessTestSupport;
import org.memberenquiries.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11 item 3: cases are kept for the council's retention period after they close (default six years,
 * {@code enquiries.retention.closed-cases}) and then removed, the engine's history (history cleanup, by end time)
 * and the product's own rows ({@link ClosedCases}) alike; nothing closed more recently, and nothing open, goes.
 */
@ProcessEngineTest
class RetentionTest extends ProcessTestSupport {

  static final Caller LOVELACE = new Caller("cllr.lovelace", Set.of(Groups.MEMBERS));
  static final List<String> CASE_TABLES =
      List.of("enquiry", "communication", "breach", "letter", "mail_outbox", "mail_event", "capacity_record");

  @Autowired EnquirySubmission submission;
  @Autowired ClosedCases closedCases;
  @Autowired RetentionProperties retention;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void members() {
    TestUsers.seed(identity, departments);
  }

  @Test
  @DisplayName("Issue 11: six years after closure a case's history and rows go; a case closed a week later and an open one stay")
  void removesOnlyWhatIsPastRetention() {
    // Every deployed definition keeps its history for the configured retention, not the models' seven years.
    assertThat(retention.days()).isEqualTo(2192);
    for (String key : List.of("member-enquiry", "ask-member", "agree-deadline", "enquiry-escalation", "document-request")) {
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).list()).isNotEmpty()
          .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(key).isEqualTo(2192));
    }
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("enquiry-scope").list()).isNotEmpty()
        .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isEqualTo(2192));

    // The cleanup below is global, as in production, so these cases live in 2009 and 2015: every other test's
    // cases ended long after, and none of them is past retention when it runs (the database is shared).
    // A: received Monday 23 November 2009; not acknowledged by 5pm Tuesday (R4): the breach is escalated (R10) and
    // resolved informally; answered in full on Wednesday 25 November 2009 at 10am; its window for follow-ups
    // (five working days) ends at 5pm on Wednesday 2 December 2009, when the case closes.
    ProcessInstance a = submitted("2009-11-23T10:00");
    work(a, "TriageEnquiry", "2009-11-23T10:30", TRIAGED_AS_ENQUIRY);
    clockAt("2009-11-24T17:01");
    assertThat(executeDueJobs(a)).isEqualTo(1);
    ProcessInstance escalation = escalationsOf(a).get(0);
    work(escalation, "ResolveInformally", "2009-11-25T09:00",
        Map.of("resolutionNotes", "Called the Member.", "memberSatisfied", true));
    work(a, "AcknowledgeEnquiry", "2009-11-25T09:30", Map.of("acknowledgementText", "Sorry for the delay."));
    work(a, "RespondToEnquiry", "2009-11-25T10:00", Map.of("responseType", "FULL", "responseText", "Repaired."));
    // B: answered a week later, on Wednesday 2 December 2009; closes a week after A, on 9 December.
    ProcessInstance b = submitted("2009-11-23T11:00");
    work(b, "TriageEnquiry", "2009-11-23T11:30", TRIAGED_AS_ENQUIRY);
    work(b, "AcknowledgeEnquiry", "2009-11-23T12:00", Map.of("acknowledgementText", "Received."));
    work(b, "RespondToEnquiry", "2009-12-02T10:00", Map.of("responseType", "FULL", "responseText", "Repaired."));
    clockAt("2009-12-02T17:01");
    closeWindow(a);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(a.getId()).count()).isZero();
    clockAt("2009-12-09T17:01");
    closeWindow(b);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(b.getId()).count()).isZero();
    // C: still open (triaged, never acknowledged; its timer never ran).
    ProcessInstance c = submitted("2009-11-23T12:00");
    work(c, "TriageEnquiry", "2009-11-23T12:30", TRIAGED_AS_ENQUIRY);
    Map<String, Long> communications = new java.util.HashMap<>();
    for (ProcessInstance any : List.of(a, b, c)) {
      assertThat(productRows(any, "enquiry")).isOne();
      communications.put(any.getId(), productRows(any, "communication"));
    }
    assertThat(productRows(a, "breach")).isEqualTo(1);
    assertThat(communications.get(b.getId())).isGreaterThanOrEqualTo(2); // acknowledgement, full response, closure

    // Saturday 5 December 2015, 2am: six years (2,192 days) and a day after A closed; B closed a week too recently.
    clockAt("2015-12-05T02:00");
    cleanUpEngineHistory();
    assertThat(closedCases.removeDue()).isGreaterThanOrEqualTo(1);

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(a.getId()).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(escalation.getId()).count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(a.getId()).count()).isZero();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(a.getId()).count()).isZero();
    for (String table : CASE_TABLES) {
      assertThat(productRows(a, table)).as("%s rows of the case closed six years ago", table).isZero();
    }
    for (ProcessInstance kept : List.of(b, c)) {
      assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(kept.getId()).count()).isOne();
      assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(kept.getId()).count()).isPositive();
      assertThat(productRows(kept, "enquiry")).isOne();
      assertThat(productRows(kept, "communication")).isEqualTo(communications.get(kept.getId()));
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(c.getId()).count()).isOne();
  }

  /** The window for follow-ups (issue 10 item 4) ends: its timer, in the case's after-the-answer instance, fires. */
  void closeWindow(ProcessInstance enquiry) {
    ProcessInstance afterTheAnswer = runtimeService.createProcessInstanceQuery().superProcessInstanceId(enquiry.getId())
        .singleResult();
    assertThat(executeDueJobs(afterTheAnswer)).isEqualTo(1);
  }

  /** Runs the engine's history cleanup now, as the nightly window would, until it has nothing more to do now. */
  void cleanUpEngineHistory() {
    historyService.cleanUpHistoryAsync(true);
    for (int round = 0; round < 100; round++) {
      Date now = ClockUtil.getCurrentTime();
      List<Job> due = historyService.findHistoryCleanupJobs().stream()
          .filter(job -> job.getDuedate() == null || !job.getDuedate().after(now)).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  long productRows(ProcessInstance instance, String table) {
    String byReference = List.of("enquiry", "letter", "mail_outbox", "mail_event").contains(table)
        ? " or reference = :reference" : "";
    return jdbc.sql("select count(*) from " + table + " where process_instance_id = :id" + byReference)
        .param("id", instance.getId()).param("reference", instance.getBusinessKey()).query(Long.class).single();
  }

  ProcessInstance submitted(String londonTime) {
    clockAt(londonTime);
    NewEnquiry enquiry = new NewEnquiry("Street lighting on Mill Lane", "The lights on Mill Lane are out.",
        Capacity.COUNTY_COUNCILLOR, "Mill Ward", "highways", "Ward surgery.", null, null, null);
    String reference = submission.submit(LOVELACE, enquiry, null).reference();
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(EnquirySubmission.PROCESS).singleResult();
  }

  void work(ProcessInstance instance, String taskKey, String londonTime, Map<String, Object> variables) {
    clockAt(londonTime);
    Task task = taskOf(instance, taskKey);
    taskService.claim(task.getId(), "ResolveInformally".equals(taskKey) ? "support" : "officer.highways");
    taskService.complete(task.getId(), variables);
  }
}
