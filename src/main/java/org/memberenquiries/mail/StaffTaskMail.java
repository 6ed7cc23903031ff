package org.memberenquiries.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.memberenquiries.calendar.CouncilDates;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.department.Departments;
import org.memberenquiries.casedata.Processes;
import org.memberenquiries.engine.AsTheEngine;
import org.memberenquiries.engine.EnquiryInstance;
import org.memberenquiries.engine.Variables;
import org.memberenquiries.enquiry.EnquirySubmission;
import org.memberenquiries.casedata.EnquiryVariables;
import org.memberenquiries.escalation.BreachLog;
import org.memberenquiries.escalation.EscalationSummary;
import org.memberenquiries.escalation.EscalationVariables;
import org.memberenquiries.escalation.MissedDeadline;
import org.memberenquiries.security.Groups;
import org.springframework.stereotype.Component;

/**
 * Staff email when work lands in a queue, from the engine's task-create event on every user task
 * ({@link StaffMailPlugin}, so no diagram needs a listener for it), in the step's transaction:
 *
 * <ul>
 *   <li>a member-enquiry task for a department's officers' group: the case is new to that queue, so the
 *       group's members are told, once per case and group (the first such task is triage; later tasks of
 *       the same case in the same queue tell nobody again; a case moved to another department's queue is
 *       new to that one);
 *   <li>an enquiry-escalation task (R10): the breach has reached Member Support, or the referee Member
 *       Support chose, and that group's members are told, once per breach and group.
 * </ul>
 *
 * The notice is written in the step's transaction, so it exists exactly when the step committed; if its
 * templates fail it goes as plain text ({@link StaffMessages}), never not at all.
 */
@Component
public class StaffTaskMail {

  private final StaffMailQueue queue;
  private final StaffMessages messages;
  private final StaffMailProperties properties;
  private final Departments departments;
  private final IdentityService identity;
  private final AsTheEngine asTheEngine;
  private final BreachLog breaches;
  private final CouncilDates dates;

  public StaffTaskMail(StaffMailQueue queue, StaffMessages messages, StaffMailProperties properties,
      Departments departments, IdentityService identity, AsTheEngine asTheEngine, BreachLog breaches,
      CouncilDates dates) {
    this.queue = queue;
    this.messages = messages;
    this.properties = properties;
    this.departments = departments;
    this.identity = identity;
    this.asTheEngine = asTheEngine;
    this.breaches = breaches;
    this.dates = dates;
  }

  public void taskCreated(DelegateTask task) {
    String process = ((ExecutionEntity) task.getExecution()).getProcessDefinition().getKey();
    if (EnquirySubmission.PROCESS.equals(process) && properties.newCase()) {
      for (String group : candidateGroups(task)) {
        if (Groups.isOfficerGroup(group)) {
          newCase(task, group);
        }
      }
    } else if (Processes.AFTER_THE_ANSWER.equals(process) && properties.newCase()
        && task.getDueDate() != null && task.getAssignee() != null) {
      followUp(task); // R5 (issue 10 item 4): a follow-up back with the officer who answered
    } else if (EscalationSummary.PROCESS.equals(process) && properties.breaches()) {
      for (String group : candidateGroups(task)) {
        breachReached(task, group);
      }
    }
  }

  private void newCase(DelegateTask task, String group) {
    String reference = task.getExecution().getProcessBusinessKey();
    String key = "new-case:" + task.getProcessInstanceId() + ":" + group;
    if (queue.isQueued(key)) {
      return;
    }
    String subject = Variables.text(task, EnquiryVariables.SUBJECT);
    String department = departments.find(Variables.text(task, EnquiryVariables.DEPARTMENT))
        .map(d -> d.name()).orElse(groupName(group));
    List<StaffMessages.Line> lines = new ArrayList<>();
    lines.add(new StaffMessages.Line("Queue", groupName(group)));
    lines.add(new StaffMessages.Line("Task", task.getName()));
    if (task.getDueDate() != null) {
      lines.add(new StaffMessages.Line("Due by", dates.dateTime(task.getDueDate().toInstant())));
    }
    String link = messages.taskLink(task.getId());
    queue(key, task.getProcessInstanceId(), reference, CommunicationKind.STAFF_NEW_CASE, group, user ->
        messages.render(user, "New enquiry in your queue", reference, subject,
            "A Member's enquiry has arrived for " + department + ". Please pick it up in Tasklist.",
            lines, null, "Open the task in Tasklist", link));
  }

  /** R5: the Member's follow-up is in the answering officer's queue, with its own deadline; told once per follow-up. */
  private void followUp(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    String key = "follow-up:" + task.getId();
    if (queue.isQueued(key)) {
      return;
    }
    String subject = Variables.text(task, EnquiryVariables.SUBJECT);
    List<StaffMessages.Line> lines = new ArrayList<>();
    lines.add(new StaffMessages.Line("Task", task.getName()));
    lines.add(new StaffMessages.Line("Due by", dates.dateTime(task.getDueDate().toInstant())));
    String link = messages.taskLink(task.getId());
    String enquiry = Variables.text(task, EnquiryInstance.VARIABLE);
    queue.queue(key, enquiry, reference, CommunicationKind.STAFF_NEW_CASE,
        queue.write(queue.holders(task.getAssignee(), List.of(), List.of()), user ->
            messages.render(user, "A follow-up in your queue", reference, subject,
                "The Member has asked a follow-up on the enquiry you answered. Please answer it in Tasklist (R5).",
                lines, null, "Open the task in Tasklist", link)));
  }

  private void breachReached(DelegateTask task, String group) {
    Object breachId = task.getVariable(EscalationVariables.BREACH_ID);
    if (!(breachId instanceof Number id)) {
      return;
    }
    String key = "breach-task:" + id.longValue() + ":" + group;
    if (queue.isQueued(key)) {
      return;
    }
    String reference = task.getExecution().getProcessBusinessKey();
    String enquiry = breaches.find(id.longValue()).map(b -> b.processInstanceId()).orElse(null);
    String subject = Variables.text(task, "subject");
    String missed = Variables.text(task, EscalationVariables.MISSED_DEADLINE);
    List<StaffMessages.Line> lines = new ArrayList<>();
    if (missed != null) {
      lines.add(new StaffMessages.Line("Deadline missed", DeadlineNames.of(MissedDeadline.valueOf(missed))));
    }
    Object due = task.getVariable(EscalationVariables.MISSED_DEADLINE_DUE);
    if (due instanceof java.util.Date date) {
      lines.add(new StaffMessages.Line("It was due by", dates.dateTime(date.toInstant())));
    }
    lines.add(new StaffMessages.Line("Task", task.getName()));
    if (task.getDueDate() != null) {
      lines.add(new StaffMessages.Line("Due by", dates.dateTime(task.getDueDate().toInstant())));
    }
    String link = messages.taskLink(task.getId());
    queue(key, enquiry, reference, CommunicationKind.STAFF_BREACH, group, user ->
        messages.render(user, "A missed deadline for " + groupName(group), reference, subject,
            "A deadline on this Member's enquiry was missed and the breach is now with " + groupName(group)
                + " (R10).", lines, null, "Open the task in Tasklist", link));
  }

  private void queue(String key, String processInstanceId, String reference, CommunicationKind kind, String group,
      Function<User, RenderedMail> message) {
    queue.queue(key, processInstanceId, reference, kind, queue.write(queue.holders(null, List.of(group), List.of()), message));
  }

  private List<String> candidateGroups(DelegateTask task) {
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    return groups;
  }

  private String groupName(String groupId) {
    Group group = asTheEngine.call(() -> identity.createGroupQuery().groupId(groupId).singleResult());
    return group == null || group.getName() == null ? groupId : group.getName();
  }

}
