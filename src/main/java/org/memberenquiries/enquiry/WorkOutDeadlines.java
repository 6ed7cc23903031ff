package org.memberenquiries.enquiry;

import org.memberenquiries.casedata.EnquiryVariables;

import static org.memberenquiries.casedata.EnquiryVariables.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.capacity.CapacityRecord;
import org.memberenquiries.deadline.Deadlines;
import org.memberenquiries.department.Departments;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.engine.Variables;
import org.springframework.stereotype.Component;

/**
 * "Work out deadlines" (R0, R4, R5, R7): computes the working-day deadlines once, from the time the
 * enquiry was received, and stores them for the timers; and picks the department's task queue. An
 * enquiry logged in Tasklist is registered here and gets its reference; the department's officers
 * and managers are given the case to read (R11).
 */
@Component("workOutDeadlines")
public class WorkOutDeadlines implements JavaDelegate {

  private final DeadlineClock deadlineClock;
  private final WorkingCalendar calendar;
  private final Departments departments;
  private final EngineClock clock;
  private final TasklistRegistration registration;
  private final CaseAuthorizations caseAuthorizations;
  private final CapacityRecord capacities;
  private final CaseRecord caseRecord;

  public WorkOutDeadlines(DeadlineClock deadlineClock, WorkingCalendar calendar, Departments departments,
      EngineClock clock, TasklistRegistration registration, CaseAuthorizations caseAuthorizations,
      CapacityRecord capacities, CaseRecord caseRecord) {
    this.capacities = capacities;
    this.caseRecord = caseRecord;
    this.registration = registration;
    this.caseAuthorizations = caseAuthorizations;
    this.deadlineClock = deadlineClock;
    this.calendar = calendar;
    this.departments = departments;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String department = departments.require(Variables.requireText(execution, DEPARTMENT)).id();
    Capacity capacity = Capacity.of(CAPACITY, Variables.requireText(execution, CAPACITY)); // R3: one of the five, or UNCLEAR
    Variables.requireText(execution, PURPOSE); // R13: recorded with the enquiry
    Instant now = clock.now();
    Instant receivedAt = Variables.instant(execution, RECEIVED_AT, calendar.zone());
    if (receivedAt == null) {
      receivedAt = now;
    } else if (receivedAt.isAfter(now)) {
      throw new BadUserRequestException("Variable 'receivedAt' must not be in the future; got " + receivedAt);
    }
    registration.registerIfNew(execution, department);
    String submittedBy = Variables.text(execution, SUBMITTED_BY);
    capacities.record(execution.getProcessInstanceId(), capacity, now,
        submittedBy != null ? submittedBy : Variables.text(execution, MEMBER_ID), "As submitted with the enquiry");
    caseAuthorizations.grantToDepartment(execution.getProcessInstanceId(), department); // R11
    execution.setVariable(REFERENCE, execution.getProcessBusinessKey());
    execution.setVariable(RECEIVED_AT, Date.from(receivedAt));
    Deadlines owed = deadlineClock.start(execution, receivedAt);
    execution.setVariable(EFFECTIVE_RECEIPT_DAY, owed.effectiveReceiptDay().toString());
    execution.setVariable(OFFICER_GROUP, Departments.officerGroup(department));
    execution.setVariable(MANAGER_GROUP, Departments.managerGroup(department));
    execution.setVariable(TIMESCALES_APPLY, true);
    caseRecord.caseChanged(execution); // issue 8 item 4: the read model
  }
}
