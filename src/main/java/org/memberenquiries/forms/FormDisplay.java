package org.memberenquiries.forms;

import static org.memberenquiries.casedata.EnquiryVariables.CAPACITY;
import static org.memberenquiries.casedata.EnquiryVariables.DEPARTMENT;
import static org.memberenquiries.casedata.EnquiryVariables.REFERENCE;
import static org.memberenquiries.casedata.EnquiryVariables.SCOPE;
import static org.memberenquiries.escalation.EscalationVariables.MISSED_DEADLINE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.memberenquiries.calendar.CouncilDates;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.communication.Communication;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationLog;
import org.memberenquiries.department.DepartmentProperties.Department;
import org.memberenquiries.department.Departments;
import org.memberenquiries.escalation.MissedDeadline;
import org.memberenquiries.triage.Scope;
import org.springframework.stereotype.Component;

/**
 * What a Tasklist form shows, in words an officer reads without a code book (issue 13 item 2). When any
 * user task opens, or is claimed, it gets task-local display variables (they go with the task and are
 * never part of the case):
 * <ul>
 *   <li>every date of the case, a Java date or an ISO date or date-time, as {@code <name>Label}, written
 *       the way people write it in the council's zone ({@code acknowledgeBy} gives {@code acknowledgeByLabel}
 *       "5pm, Tuesday 24 November 2026"; {@code estimatedFullResponseDate} "Friday 18 December 2026");
 *   <li>every coded value a form shows as its label: {@link #CAPACITY_LABEL}, {@link #DEPARTMENT_LABEL},
 *       {@link #MISSED_DEADLINE_LABEL}, {@link #BASIS_LABEL}, {@link #SCOPE_LABEL};
 *   <li>after a question to the Member (R3, R9), the last question and the Member's reply, with when
 *       each was sent, from the communication log (the question's variable is cleared when the task
 *       opens again, so the log is the record);
 *   <li>the case's {@code reference} where the process has none of its own (an escalation carries its
 *       enquiry's reference as business key).
 * </ul>
 * Added to every user task by {@link FormDisplayPlugin}: no task needs its own code, and a new form
 * only refers to the names.
 */
@Component
public class FormDisplay implements TaskListener {

  /** Suffix of a date's display variable. */
  public static final String LABEL = "Label";

  public static final String CAPACITY_LABEL = "capacityLabel";
  public static final String DEPARTMENT_LABEL = "departmentLabel";
  public static final String MISSED_DEADLINE_LABEL = "missedDeadlineLabel";
  public static final String BASIS_LABEL = "basisLabel";
  public static final String SCOPE_LABEL = "scopeLabel";

  /** The last question to the Member (R3, R9) and when it was sent; the Member's reply to it and when. */
  public static final String QUESTION_TO_MEMBER = "questionToMember";
  public static final String QUESTION_TO_MEMBER_SENT = "questionToMemberSent";
  public static final String MEMBER_REPLY = "memberReply";
  public static final String MEMBER_REPLY_RECEIVED = "memberReplyReceived";

  /** The document request's basis (R12), a variable of the document-request process. */
  static final String BASIS = "basis";

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern ISO_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.{0,24}");

  private final WorkingCalendar calendar;
  private final Departments departments;
  private final CommunicationLog communications;

  public FormDisplay(WorkingCalendar calendar, Departments departments, CommunicationLog communications) {
    this.calendar = calendar;
    this.departments = departments;
    this.communications = communications;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> shown = labels(task.getVariables(), calendar.zone());
    if (task.getVariable(REFERENCE) == null && task.getExecution() != null
        && task.getExecution().getProcessBusinessKey() != null) {
      shown.put(REFERENCE, task.getExecution().getProcessBusinessKey());
    }
    if (task.getProcessInstanceId() != null) {
      shown.putAll(lastQuestion(communications.forEnquiry(task.getProcessInstanceId()), calendar.zone()));
    }
    // Issue 11: only what changed (a claim usually changes nothing): each write is a variable row updated and
    // two history rows.
    shown.entrySet().removeIf(label -> java.util.Objects.equals(task.getVariableLocal(label.getKey()), label.getValue()));
    if (!shown.isEmpty()) {
      task.setVariablesLocal(shown);
    }
  }

  /** The labels of these variables: one for each date, and one for each coded value a form shows. */
  Map<String, Object> labels(Map<String, Object> variables, ZoneId zone) {
    Map<String, Object> shown = new LinkedHashMap<>();
    variables.forEach((name, value) -> {
      if (!name.endsWith(LABEL)) {
        String date = dateLabel(value, zone);
        if (date != null) {
          shown.put(name + LABEL, date);
        }
      }
    });
    code(variables, CAPACITY, CAPACITY_LABEL, FormDisplay::capacity, shown);
    code(variables, DEPARTMENT, DEPARTMENT_LABEL, this::department, shown);
    code(variables, MISSED_DEADLINE, MISSED_DEADLINE_LABEL, FormDisplay::missedDeadline, shown);
    code(variables, BASIS, BASIS_LABEL, FormDisplay::basis, shown);
    code(variables, SCOPE, SCOPE_LABEL, FormDisplay::scope, shown);
    return shown;
  }

  /** "5pm, Monday 7 December 2026" for an instant, "Monday 7 December 2026" for a date; null for anything else. */
  static String dateLabel(Object value, ZoneId zone) {
    if (value instanceof Date date) {
      return CouncilDates.dateTime(date.toInstant().atZone(zone).toOffsetDateTime(), zone);
    }
    if (!(value instanceof String text)) {
      return null;
    }
    try {
      if (ISO_DATE.matcher(text).matches()) {
        return CouncilDates.date(LocalDate.parse(text));
      }
      if (ISO_DATE_TIME.matcher(text).matches()) {
        return CouncilDates.dateTime(instant(text, zone).atZone(zone).toOffsetDateTime(), zone);
      }
    } catch (DateTimeParseException notADate) {
      return null;
    }
    return null;
  }

  private static Instant instant(String text, ZoneId zone) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    }
  }

  /** R3, R9: the last question to the Member and the reply that answered it, each with when it was sent. */
  static Map<String, Object> lastQuestion(List<Communication> log, ZoneId zone) {
    Map<String, Object> shown = new LinkedHashMap<>();
    Communication question = null;
    Communication reply = null;
    for (Communication message : log) {
      if (message.kind() == CommunicationKind.QUESTION_TO_MEMBER) {
        question = message;
        reply = null;
      } else if (message.kind() == CommunicationKind.MEMBER_REPLY && question != null && reply == null) {
        reply = message;
      }
    }
    if (question != null) {
      shown.put(QUESTION_TO_MEMBER, question.body());
      shown.put(QUESTION_TO_MEMBER_SENT, CouncilDates.dateTime(question.sentAt().atZone(zone).toOffsetDateTime(), zone));
    }
    if (reply != null) {
      shown.put(MEMBER_REPLY, reply.body());
      shown.put(MEMBER_REPLY_RECEIVED, CouncilDates.dateTime(reply.sentAt().atZone(zone).toOffsetDateTime(), zone));
    }
    return shown;
  }

  private static void code(Map<String, Object> variables, String name, String labelName,
      Function<String, String> label, Map<String, Object> shown) {
    Object value = variables.get(name);
    if (value != null && !value.toString().isBlank()) {
      shown.put(labelName, label.apply(value.toString()));
    }
  }

  static String capacity(String code) {
    try {
      return Capacity.valueOf(code).label();
    } catch (IllegalArgumentException unknown) {
      return code;
    }
  }

  String department(String id) {
    return departments.find(id).map(Department::name).orElse(id);
  }

  static String missedDeadline(String code) {
    try {
      return switch (MissedDeadline.valueOf(code)) {
        case ACKNOWLEDGEMENT -> "Acknowledgement (R4)";
        case RESPONSE -> "Response within 10 working days (R5)";
        case FULL_RESPONSE -> "Full response within 20 working days (R7)";
        case REVISED_FULL_RESPONSE -> "Full response by the revised date (R7)";
        case FOLLOW_UP_RESPONSE -> "Answer to a follow-up within 10 working days (R5)";
      };
    } catch (IllegalArgumentException unknown) {
      return code;
    }
  }

  static String basis(String code) {
    return switch (code) {
      case "COMMITTEE_MEMBER_FOR_SERVICE" -> "Committee member for that service";
      case "LOCAL_MEMBER" -> "Local member";
      case "OTHER" -> "Another reason (see the justification)";
      default -> code;
    };
  }

  static String scope(String code) {
    try {
      String route = Scope.valueOf(code).route();
      return Character.toUpperCase(route.charAt(0)) + route.substring(1);
    } catch (IllegalArgumentException unknown) {
      return code;
    }
  }
}
