package org.memberenquiries.tasklist;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.memberenquiries.department.DepartmentProperties.Department;
import org.memberenquiries.department.Departments;
import org.memberenquiries.engine.Seeding;
import org.memberenquiries.security.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One saved Tasklist filter per work queue: each department's officers and managers, Member Support,
 * and each referee and decider role (R8, R10, R12). A queue is visible only to its own group, lists
 * claimed tasks too (work stays in the queue until done), sorts the most urgent first by the task's due
 * date (Tasklist shows an overdue due date in red), and shows the reference, subject and Member of the
 * case on each row. Created or brought up to date on every start, found again by name.
 */
@Component
public class TaskQueues {

  private static final Logger LOG = LoggerFactory.getLogger(TaskQueues.class);

  /** What each row of a queue shows besides the task name and its due date. */
  static final List<Map<String, String>> COLUMNS = List.of(
      column("reference", "Reference"),
      column("subject", "Subject"),
      column("memberName", "Member"),
      column("documentTitle", "Document"),
      // the label forms.FormDisplay writes on each task ("Acknowledgement (R4)"), never the code
      column("missedDeadlineLabel", "Deadline missed"));

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;
  private final Departments departments;
  private final Seeding seeding;

  public TaskQueues(FilterService filters, TaskService tasks, AuthorizationService authorizations,
      Departments departments, Seeding seeding) {
    this.seeding = seeding;
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
    this.departments = departments;
  }

  /** A queue: the group whose tasks it lists and who alone may see it. */
  public record Queue(String name, String group, String description) {}

  public List<Queue> all() {
    List<Queue> queues = new ArrayList<>();
    for (Department department : departments.all()) {
      queues.add(new Queue(department.name() + ": officers", Departments.officerGroup(department.id()),
          "Enquiries for " + department.name() + " to triage, acknowledge and answer (R4-R7, R9)"));
      queues.add(new Queue(department.name() + ": managers", Departments.managerGroup(department.id()),
          "Disproportionate burdens to discuss with the Member (R8)"));
    }
    queues.add(new Queue("Member Support", Groups.MEMBER_SUPPORT,
        "Missed deadlines to resolve informally with the officer's team (R10)"));
    queues.add(new Queue("Executive directors", Groups.EXECUTIVE_DIRECTOR,
        "Referred breaches to decide (R10) and documents Members ask to inspect (R12)"));
    queues.add(new Queue("Monitoring officer", Groups.MONITORING_OFFICER,
        "Referred breaches to decide (R10) and disputed document requests to advise on (R12)"));
    queues.add(new Queue("Chief financial officer", Groups.CHIEF_FINANCIAL_OFFICER,
        "Referred breaches to decide (R10)"));
    queues.add(new Queue("Chief executive", Groups.CHIEF_EXECUTIVE,
        "Disputed document requests to decide (R12)"));
    return queues;
  }

  @EventListener
  @Order(2) // after the groups exist (CamundaAuthorizations)
  public void setUp(ApplicationStartedEvent event) {
    seeding.exclusively("Tasklist queues", this::setUp); // nodes starting together make each queue once
  }

  void setUp() {
    List<Queue> queues = all();
    for (int i = 0; i < queues.size(); i++) {
      save(queues.get(i), i);
    }
    LOG.info("{} Tasklist queues in place", queues.size());
  }

  private void save(Queue queue, int priority) {
    Filter filter = filters.createFilterQuery().filterName(queue.name()).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(queue.name());
    }
    filter.setQuery(tasks.createTaskQuery()
        .taskCandidateGroup(queue.group())
        .includeAssignedTasks()
        .orderByDueDate().asc()
        .orderByTaskCreateTime().asc());
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", queue.description());
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", COLUMNS);
    filter.setProperties(properties);
    filter = filters.saveFilter(filter);
    grantRead(queue.group(), filter.getId());
  }

  private void grantRead(String group, String filterId) {
    boolean granted = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(Resources.FILTER).resourceId(filterId).count() > 0;
    if (!granted) {
      Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(Resources.FILTER);
      authorization.setResourceId(filterId);
      authorization.addPermission(Permissions.READ);
      authorizations.saveAuthorization(authorization);
    }
  }

  private static Map<String, String> column(String name, String label) {
    return Map.of("name", name, "label", label);
  }
}
