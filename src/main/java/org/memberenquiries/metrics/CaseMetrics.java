package org.memberenquiries.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.memberenquiries.department.DepartmentProperties.Department;
import org.memberenquiries.department.Departments;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.enquiry.EnquirySubmission;
import org.memberenquiries.escalation.MissedDeadline;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * R16 for operations: open and overdue enquiries per department, breaches recorded per department and
 * deadline, and the job executor's backlog and failed jobs, as gauges read from the database at each
 * scrape. Every node reports the same figures (they are the shared database's), so a dashboard takes
 * their maximum, never their sum. Counts only: no enquiry text or Member's details leave through here.
 */
@Component
public class CaseMetrics implements MeterBinder {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final JdbcClient jdbc;
  private final Departments departments;
  private final EngineClock clock;

  public CaseMetrics(RuntimeService runtime, TaskService tasks, ManagementService management, JdbcClient jdbc,
      Departments departments, EngineClock clock) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.jdbc = jdbc;
    this.departments = departments;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Department department : departments.all()) {
      Gauge.builder("enquiries.open", () -> open(department.id()))
          .description("Member enquiries in progress (not yet answered, referred or closed)")
          .tag("department", department.id()).register(registry);
      Gauge.builder("enquiries.overdue", () -> overdue(department.id()))
          .description("Open enquiries with a step past its deadline (R10)")
          .tag("department", department.id()).register(registry);
    }
    for (Department department : departments.all()) {
      for (MissedDeadline deadline : MissedDeadline.values()) {
        Gauge.builder("enquiries.breaches", () -> breaches(department.id(), deadline))
            .description("Missed deadlines recorded (R10), by department and deadline")
            .tags("department", department.id(), "deadline", deadline.name()).register(registry);
      }
    }
    Gauge.builder("camunda.jobs.due", () -> management.createJobQuery().executable().count())
        .description("Jobs due now with retries left: the job executor's backlog (timers, escalations)")
        .register(registry);
    Gauge.builder("camunda.jobs.failed", () -> management.createJobQuery().noRetriesLeft().count())
        .description("Jobs that failed with no retries left (each an incident to resolve in Cockpit)")
        .register(registry);
  }

  private long open(String department) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(EnquirySubmission.PROCESS).active()
        .variableValueEquals("department", department).count();
  }

  /** Enquiries, not tasks: an enquiry with two late steps counts once. */
  private long overdue(String department) {
    Date now = Date.from(clock.now());
    return tasks.createTaskQuery().processDefinitionKey(EnquirySubmission.PROCESS).processVariableValueEquals(
            "department", department).dueBefore(now).list().stream()
        .map(Task::getProcessInstanceId).distinct().count();
  }

  private long breaches(String department, MissedDeadline deadline) {
    return jdbc.sql("select count(*) from breach where department = ? and deadline_kind = ?")
        .params(department, deadline.name()).query(Long.class).single();
  }
}
