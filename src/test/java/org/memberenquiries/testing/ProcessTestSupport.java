package org.memberenquiries.testing;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Walks processes on real calendar dates: the engine clock is set to London wall-clock times and due
 * timer jobs are executed explicitly (the job executor is off in tests). Never sleeps.
 */
public abstract class ProcessTestSupport {

  protected static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Autowired protected ProcessEngine processEngine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected HistoryService historyService;

  @BeforeEach
  void initAssertions() {
    init(processEngine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** An instant given as London wall-clock time, e.g. {@code london("2026-03-27T18:30")}. */
  protected static Instant london(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
  }

  protected static void clockAt(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  protected static void clockAt(String londonDateTime) {
    clockAt(london(londonDateTime));
  }

  protected static Map<String, Object> enquiry(String department, Instant receivedAt) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("memberName", "Cllr Ada Lovelace");
    variables.put("memberId", "member.lovelace");
    variables.put("subject", "Street lighting on Mill Lane");
    variables.put("enquiryText", "Residents report the lights on Mill Lane have been out for a week.");
    variables.put("capacity", "COUNTY_COUNCILLOR");
    variables.put("ward", "Mill Ward");
    variables.put("purpose", "To answer residents at the ward surgery.");
    variables.put("department", department);
    variables.put("receivedAt", Date.from(receivedAt));
    return variables;
  }

  /** Starts a member enquiry received at the given London time, with the clock at that time. */
  protected ProcessInstance startEnquiry(String receivedAtLondon) {
    clockAt(receivedAtLondon);
    return runtimeService.startProcessInstanceByKey(
        "member-enquiry", "ME-" + System.nanoTime(), enquiry("highways", london(receivedAtLondon)));
  }

  /** The triage answers of a plain question from a county councillor (R1, R2, R3): an enquiry. */
  protected static final Map<String, Object> TRIAGED_AS_ENQUIRY =
      Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR");

  /** Starts an enquiry and triages it at once as an in-scope question; it then waits for its acknowledgement. */
  protected ProcessInstance startTriagedEnquiry(String receivedAtLondon) {
    ProcessInstance enquiry = startEnquiry(receivedAtLondon);
    complete(enquiry, "TriageEnquiry", TRIAGED_AS_ENQUIRY);
    return enquiry;
  }

  /**
   * Executes the jobs of this enquiry due at the current clock (due date at or before it), until none
   * is left; a repeating timer's next job lies in the future, so this ends.
   */
  protected int executeDueJobs(ProcessInstance instance) {
    int executed = 0;
    List<Job> due;
    while (!(due = dueJobs(instance)).isEmpty()) {
      for (Job job : due) {
        managementService.executeJob(job.getId());
        executed++;
      }
    }
    return executed;
  }

  private List<Job> dueJobs(ProcessInstance instance) {
    Date now = ClockUtil.getCurrentTime();
    List<Job> due = new ArrayList<>();
    for (String id : caseInstances(instance)) {
      due.addAll(managementService.createJobQuery()
          .processInstanceId(id)
          .executable()
          .duedateLowerThan(new Date(now.getTime() + 1))
          .list());
    }
    return due;
  }

  /** The child processes that work a step's detour (R3, R9 ask-member; R8 agree-deadline), as the enquiry's own. */
  protected static final List<String> DETOURS = List.of("ask-member", "agree-deadline");

  /** The enquiry's process instance and those of its detours under way. */
  protected List<String> caseInstances(ProcessInstance enquiry) {
    List<String> ids = new ArrayList<>();
    ids.add(enquiry.getId());
    runtimeService.createProcessInstanceQuery().superProcessInstanceId(enquiry.getId()).list().stream()
        .filter(child -> DETOURS.stream().anyMatch(key -> child.getProcessDefinitionId().startsWith(key + ":")))
        .forEach(child -> ids.add(child.getId()));
    return ids;
  }

  /** The detour (ask-member or agree-deadline) the enquiry is in, for assertions on where it waits. */
  protected ProcessInstance detourOf(ProcessInstance enquiry, String processDefinitionKey) {
    return runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(enquiry.getId())
        .processDefinitionKey(processDefinitionKey)
        .singleResult();
  }

  /** The activities the enquiry's detours (ask-member, agree-deadline), running or ended, passed. */
  protected List<String> passedInDetours(ProcessInstance enquiry) {
    List<String> passed = new ArrayList<>();
    historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(enquiry.getId()).list().stream()
        .filter(child -> DETOURS.stream().anyMatch(key -> child.getProcessDefinitionKey().equals(key)))
        .forEach(child -> historyService.createHistoricActivityInstanceQuery().processInstanceId(child.getId()).list()
            .forEach(activity -> passed.add(activity.getActivityId())));
    return passed;
  }

  /**
   * R5, R7 (issue 10 item 4): answered in full from the step whose gateway is given (ResponseKind, FullResponseSent or
   * FullResponseSentByRevisedDate): the enquiry now waits in its window for follow-ups. The link events the three
   * steps reach it by (EnquiryAnswered, EnquiryAnsweredInFull, EnquiryAnsweredInFullByRevisedDate, Answered) leave
   * no activity in the engine's history, so the step is named by its gateway.
   */
  protected void assertAnsweredFrom(ProcessInstance enquiry, String stepGateway) {
    assertThat(enquiry).hasPassed(stepGateway).isWaitingAt("FollowUpsAndSatisfaction");
  }

  protected Task taskOf(ProcessInstance instance, String taskDefinitionKey) {
    return taskService.createTaskQuery()
        .processInstanceIdIn(caseInstances(instance).toArray(String[]::new))
        .taskDefinitionKey(taskDefinitionKey)
        .singleResult();
  }

  protected void complete(ProcessInstance instance, String taskDefinitionKey, Map<String, Object> variables) {
    taskService.complete(taskOf(instance, taskDefinitionKey).getId(), variables);
  }

  protected Job timer(ProcessInstance instance, String activityId) {
    List<Job> timers = new ArrayList<>();
    for (String id : caseInstances(instance)) {
      timers.addAll(managementService.createJobQuery().processInstanceId(id).activityId(activityId).timers().list());
    }
    if (timers.size() > 1) {
      throw new IllegalStateException(timers.size() + " timers at " + activityId);
    }
    return timers.isEmpty() ? null : timers.get(0);
  }

  /** The escalations the enquiry's deadlines (R10) called, from the enquiry or from one of its detours. */
  protected List<ProcessInstance> escalationsOf(ProcessInstance enquiry) {
    Map<String, ProcessInstance> escalations = new java.util.LinkedHashMap<>();
    runtimeService.createProcessInstanceQuery().superProcessInstanceId(enquiry.getId())
        .processDefinitionKey("enquiry-escalation").list()
        .forEach(escalation -> escalations.put(escalation.getId(), escalation));
    // Started on their own (a deadline missed during a burden discussion, or a late completion), naming it.
    runtimeService.createProcessInstanceQuery().processDefinitionKey("enquiry-escalation")
        .variableValueEquals("enquiryProcessInstanceId", enquiry.getId()).list()
        .forEach(escalation -> escalations.put(escalation.getId(), escalation));
    return new ArrayList<>(escalations.values());
  }
}
