package org.memberenquiries.calendarchange;

import static org.memberenquiries.casedata.EnquiryVariables.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.deadline.DeadlineCalculator;
import org.memberenquiries.deadline.Deadlines;
import org.memberenquiries.deadline.TimescaleProperties;
import org.springframework.stereotype.Service;

/**
 * Issue 8 item 3 (R0, R4, R5, R7, R9): after the working-day calendar changed, every open enquiry's
 * deadlines are worked out again from its receipt and the working days its clock stood still (R9),
 * and its live timers and task due dates are moved to the new dates.
 *
 * <p>Only the deadlines the calendar made are moved: a deadline is recomputed when its present value
 * is what the calendar <em>before</em> the change gave. An R8 agreed deadline and an R7 revised date
 * are dates people chose, so they differ from it and stay. A deadline already passed (missed, or met)
 * stays as it was.
 */
@Service
public class OpenEnquiryDeadlines {

  static final String PROCESS = "member-enquiry";
  /** The deadlines the calendar works out; the timers and task due dates name them as {@code ${name}}. */
  static final List<String> WORKED_OUT = List.of(ACKNOWLEDGE_BY, RESPOND_BY, FULL_RESPONSE_BY, REPLY_DUE_BY);
  private static final List<String> READ = List.of(REFERENCE, RECEIVED_AT, TIMESCALES_APPLY,
      CLOCK_STOPPED_WORKING_DAYS, AWAITING_MEMBER_REPLY, QUESTION_ASKED_AT, ACKNOWLEDGE_BY, RESPOND_BY,
      FULL_RESPONSE_BY, REPLY_DUE_BY, OWED_DEADLINE, OWED_DEADLINE_DUE, FULL_RESPONSE_SENT_AT);
  private static final List<String> DETOUR_READ =
      List.of(AWAITING_MEMBER_REPLY, QUESTION_ASKED_AT, REPLY_DUE_BY, OWED_DEADLINE, OWED_DEADLINE_DUE);
  /** R8: the deadline a burden discussion carries (owedDeadline), by the variable it was copied from. */
  private static final Map<String, String> CARRIED = Map.of("RESPONSE", RESPOND_BY, "FULL_RESPONSE", FULL_RESPONSE_BY);
  private static final Pattern VARIABLE = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*$");

  /** One deadline of one case that moved. */
  public record Moved(String processInstanceId, String reference, String deadline, Instant previous, Instant next) {}

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final RepositoryService repository;
  private final TimescaleProperties timescales;
  /** Per process definition: the deadline variable each timer activity and each user task is due on. */
  private final Map<String, DueOn> dueOn = new ConcurrentHashMap<>();

  private final org.memberenquiries.enquiry.CaseRecord caseRecord;

  public OpenEnquiryDeadlines(RuntimeService runtime, TaskService tasks, ManagementService management,
      RepositoryService repository, TimescaleProperties timescales, org.memberenquiries.enquiry.CaseRecord caseRecord) {
    this.caseRecord = caseRecord;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.repository = repository;
    this.timescales = timescales;
  }

  /** Moves the deadlines of every open enquiry from the {@code before} calendar to the {@code after} one. */
  public List<Moved> follow(WorkingCalendar before, WorkingCalendar after, Instant now) {
    DeadlineCalculator was = new DeadlineCalculator(before, timescales);
    DeadlineCalculator is = new DeadlineCalculator(after, timescales);
    List<Moved> moved = new ArrayList<>();
    for (ProcessInstance enquiry : runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).list()) {
      moved.addAll(follow(enquiry, was, is, now));
    }
    return moved;
  }

  private List<Moved> follow(ProcessInstance enquiry, DeadlineCalculator was, DeadlineCalculator is, Instant now) {
    Map<String, Object> v = new HashMap<>(runtime.getVariables(enquiry.getId(), READ));
    // A question (ask-member) or a burden discussion (agree-deadline) under way holds its own copy of the
    // deadlines it will hand back, and the reply or discussion deadline; they move with the enquiry's.
    List<ProcessInstance> detours = runtime.createProcessInstanceQuery().superProcessInstanceId(enquiry.getId()).list();
    for (ProcessInstance detour : detours) {
      runtime.getVariables(detour.getId(), DETOUR_READ).forEach((name, value) -> {
        if (value != null) {
          v.put(name, value);
        }
      });
    }
    if (!(v.get(RECEIVED_AT) instanceof Date received) || Boolean.FALSE.equals(v.get(TIMESCALES_APPLY))) {
      return List.of(); // not yet worked out, or the timescales no longer apply (R9 closed)
    }
    if (v.get(FULL_RESPONSE_SENT_AT) != null) {
      return List.of(); // answered in full, in its window for follow-ups (issue 10 item 4): nothing more is owed
    }
    Map<String, Instant> changed = new LinkedHashMap<>();
    for (String name : WORKED_OUT) {
      if (!(v.get(name) instanceof Date due) || !due.toInstant().isAfter(now)) {
        continue; // none owed, or already passed: a missed deadline stays missed
      }
      Instant previous = due.toInstant();
      Instant standardBefore = workedOut(was, name, received.toInstant(), v);
      if (!previous.equals(standardBefore)) {
        continue; // a date people chose (R8), or moved by them: not the calendar's to move
      }
      Instant next = workedOut(is, name, received.toInstant(), v);
      if (next != null && !next.equals(previous)) {
        changed.put(name, next);
      }
    }
    carriedByDiscussion(v, changed);
    if (changed.isEmpty()) {
      return List.of();
    }
    List<ProcessInstance> instances = new ArrayList<>(detours);
    instances.add(0, enquiry);
    for (ProcessInstance instance : instances) {
      Map<String, Object> updates = new HashMap<>();
      runtime.getVariablesLocal(instance.getId(), changed.keySet()).keySet()
          .forEach(name -> updates.put(name, Date.from(changed.get(name))));
      runtime.setVariablesLocal(instance.getId(), updates);
      moveTimersAndTasks(instance, changed);
    }
    caseRecord.deadlinesMoved(enquiry.getId(), changed); // the read model the Member's pages show (issue 8 item 4)
    String reference = v.get(REFERENCE) instanceof String r ? r : enquiry.getBusinessKey();
    List<Moved> moved = new ArrayList<>();
    changed.forEach((name, next) ->
        moved.add(new Moved(enquiry.getId(), reference, name, ((Date) v.get(name)).toInstant(), next)));
    return moved;
  }

  /**
   * R8: while a burden is discussed, the discussion carries the step's deadline as a copy (its due date
   * and overdue timer); the copy moves with the deadline it was copied from, if that one moved.
   */
  private static void carriedByDiscussion(Map<String, Object> v, Map<String, Instant> changed) {
    String source = v.get(OWED_DEADLINE) instanceof String owed ? CARRIED.get(owed) : null;
    if (source != null && changed.containsKey(source) && v.get(OWED_DEADLINE_DUE) instanceof Date carried
        && v.get(source) instanceof Date previous && carried.equals(previous)) {
      changed.put(OWED_DEADLINE_DUE, changed.get(source));
    }
  }

  /** What the calendar gives for one deadline: R4, R5, R7 from receipt, moved by the stopped clock (R9). */
  private static Instant workedOut(DeadlineCalculator calculator, String name, Instant received, Map<String, Object> v) {
    int stopped = v.get(CLOCK_STOPPED_WORKING_DAYS) instanceof Number n ? n.intValue() : 0;
    Deadlines owed = calculator.deadlinesFor(received);
    return switch (name) {
      case ACKNOWLEDGE_BY -> owed.acknowledgeBy().toInstant(); // always owed before any question (R4)
      case RESPOND_BY -> calculator.moveLater(owed.respondBy().toInstant(), stopped).toInstant();
      case FULL_RESPONSE_BY -> calculator.moveLater(owed.fullResponseBy().toInstant(), stopped).toInstant();
      case REPLY_DUE_BY -> Boolean.TRUE.equals(v.get(AWAITING_MEMBER_REPLY)) && v.get(QUESTION_ASKED_AT) instanceof Date asked
          ? calculator.clarificationReplyDueBy(asked.toInstant()).toInstant()
          : null;
      default -> throw new IllegalArgumentException(name);
    };
  }

  /**
   * A timer's date is evaluated once, when it is created (CAMUNDA.md): each live timer whose date is a
   * moved deadline gets the new due date, and so does each open task due on it.
   */
  private void moveTimersAndTasks(ProcessInstance enquiry, Map<String, Instant> changed) {
    DueOn model = dueOn.computeIfAbsent(enquiry.getProcessDefinitionId(), this::readModel);
    for (Job timer : management.createJobQuery().processInstanceId(enquiry.getId()).timers().list()) {
      String activity = management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId())
          .singleResult().getActivityId();
      Instant next = changed.get(model.timers().get(activity));
      if (next != null) {
        management.setJobDuedate(timer.getId(), Date.from(next));
      }
    }
    for (Task task : tasks.createTaskQuery().processInstanceId(enquiry.getId()).list()) {
      Instant next = changed.get(model.tasks().get(task.getTaskDefinitionKey()));
      if (next != null) {
        task.setDueDate(Date.from(next));
        tasks.saveTask(task);
      }
    }
  }

  /** Which variable each timer (by its activity) and each user task is due on, from the deployed model. */
  record DueOn(Map<String, String> timers, Map<String, String> tasks) {}

  private DueOn readModel(String processDefinitionId) {
    BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
    Map<String, String> timers = new HashMap<>();
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      TimeDate date = timer.getTimeDate();
      String variable = date == null ? null : variable(date.getTextContent());
      if (variable != null && timer.getParentElement() instanceof BaseElement event) {
        timers.put(event.getId(), variable);
      }
    }
    Map<String, String> dueTasks = new HashMap<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String variable = variable(task.getCamundaDueDate());
      if (variable != null) {
        dueTasks.put(task.getId(), variable);
      }
    }
    return new DueOn(timers, dueTasks);
  }

  private static String variable(String expression) {
    if (expression == null) {
      return null;
    }
    Matcher m = VARIABLE.matcher(expression);
    return m.matches() ? m.group(1) : null;
  }
}
