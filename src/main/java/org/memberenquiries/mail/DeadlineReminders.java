package org.memberenquiries.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.memberenquiries.calendar.CouncilDates;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.engine.AsTheEngine;
import org.memberenquiries.engine.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds whoever holds a step on the working day before its deadline (R0, R4, R5, R7, R8): the
 * acknowledgement, the response, the full response, a revised date, an agreed deadline. A scan of the
 * read model (the {@code enquiry} row's deadlines and what has been sent), run by every node every
 * {@code scan-interval} ({@link StaffMailSchedule}): a deadline still owed, due by the end of the next
 * working day, is reminded from {@code remind-from} (7am) on the working day before it (Friday for a
 * Monday deadline; Thursday 24 December 2026 for one on Tuesday 29 December, after the Christmas bank
 * holidays). A scan that missed that day (every node down) reminds on the deadline's own day, before
 * it passes; a deadline already passed is R10's, not a reminder's.
 *
 * <p>Owed means: not yet met and not stopped. A case waiting for the Member (R9) or closed owes nothing;
 * the acknowledgement is owed until it (or a referral) is sent, the response until a holding or full
 * response is, the full response and a revised date until the full response is. An agreed deadline (R8)
 * replaced the deadline it was agreed for (the same date in that column), so it is reminded as that one.
 *
 * <p>Who: the holders of the case's open tasks whose due date is that deadline (the assignee, or the
 * candidate groups' members), else of all its open tasks (e.g. the 20 working days still running beside
 * a revised date). Each (case, deadline) is reminded once: its claim ({@code reminder:<case>:<due>}) is
 * written in the same transaction as the mail, so a second node, a second scan or a restart finds it
 * taken; a deadline that moves (R8, R9, a calendar change) is a new one and is reminded again.
 */
@Service
public class DeadlineReminders {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineReminders.class);

  private static final List<String> OPEN = List.of("RECEIVED", "ACKNOWLEDGED", "HOLDING_RESPONSE_SENT");

  private final JdbcClient jdbc;
  private final WorkingCalendar calendar;
  private final CouncilDates dates;
  private final EngineClock clock;
  private final TaskService tasks;
  private final AsTheEngine asTheEngine;
  private final StaffMailQueue queue;
  private final StaffMessages messages;
  private final StaffMailProperties properties;
  private final TransactionTemplate ownTransaction;

  public DeadlineReminders(JdbcClient jdbc, WorkingCalendar calendar, CouncilDates dates, EngineClock clock,
      TaskService tasks, AsTheEngine asTheEngine, StaffMailQueue queue, StaffMessages messages,
      StaffMailProperties properties, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.dates = dates;
    this.clock = clock;
    this.tasks = tasks;
    this.asTheEngine = asTheEngine;
    this.queue = queue;
    this.messages = messages;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** One row of the scan: a case and its deadlines, with what has been sent. */
  record OpenCase(String processInstanceId, String reference, String subject, String state, Instant acknowledgeBy,
      Instant respondBy, Instant fullResponseBy, Instant revisedBy, Instant agreedBy, Instant acknowledgedAt,
      Instant holdingSentAt, Instant fullSentAt) {

    /** The deadlines still owed, each due moment with what is due then. */
    Map<Instant, List<String>> owed() {
      Map<Instant, List<String>> owed = new TreeMap<>();
      if ("RECEIVED".equals(state) && acknowledgedAt == null) {
        add(owed, acknowledgeBy, "Acknowledgement (R4)");
      }
      if (holdingSentAt == null && fullSentAt == null && !"HOLDING_RESPONSE_SENT".equals(state)) {
        add(owed, respondBy, "Response (R5)");
      }
      if (fullSentAt == null) {
        add(owed, fullResponseBy, "Full response (R7)");
        add(owed, revisedBy, "Full response by the revised date (R7)");
      }
      if (agreedBy != null && owed.containsKey(agreedBy)) {
        owed.get(agreedBy).add("the deadline agreed with the Member (R8)");
      }
      return owed;
    }

    private static void add(Map<Instant, List<String>> owed, Instant due, String what) {
      if (due != null) {
        owed.computeIfAbsent(due, d -> new ArrayList<>()).add(what);
      }
    }
  }

  /** Reminds every deadline whose reminder is due now; returns how many reminders this call queued. */
  public int remindDue() {
    if (!properties.deadlineReminders()) {
      return 0;
    }
    Instant now = clock.now();
    LocalDate today = now.atZone(calendar.zone()).toLocalDate();
    // deadlines up to the end of the next working day: any later one's reminder day has not come
    Instant until = calendar.nextWorkingDayAfter(today).plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    List<OpenCase> cases = ownTransaction.execute(status -> candidates(now, until));
    int reminded = 0;
    for (OpenCase open : cases) {
      for (Map.Entry<Instant, List<String>> deadline : open.owed().entrySet()) {
        Instant due = deadline.getKey();
        if (!due.isAfter(now) || due.isAfter(until) || now.isBefore(remindFrom(due))) {
          continue;
        }
        try {
          if (Boolean.TRUE.equals(ownTransaction.execute(status -> remind(open, due, deadline.getValue())))) {
            reminded++;
          }
        } catch (RuntimeException e) {
          // rolled back: nothing was claimed, so the next scan tries again
          LOG.error("Deadline reminder for {} due {} not queued; the next scan tries again", open.reference(), due, e);
        }
      }
    }
    return reminded;
  }

  /** {@code remind-from} on the working day before the deadline's day (R0). */
  Instant remindFrom(Instant due) {
    LocalDate day = due.atZone(calendar.zone()).toLocalDate();
    LocalDate before = calendar.nthWorkingDayBefore(day, 1);
    return ZonedDateTime.of(before, properties.remindFrom(), calendar.zone()).toInstant();
  }

  private List<OpenCase> candidates(Instant now, Instant until) {
    Timestamp from = Timestamp.from(now);
    Timestamp to = Timestamp.from(until);
    StringBuilder due = new StringBuilder();
    for (String column : List.of("acknowledge_by", "respond_by", "full_response_by", "revised_full_response_by")) {
      due.append(due.isEmpty() ? "" : " or ").append("(").append(column).append(" > :from and ").append(column)
          .append(" <= :to)");
    }
    return jdbc.sql("select process_instance_id, reference, subject, state, acknowledge_by, respond_by,"
            + " full_response_by, revised_full_response_by, agreed_deadline_by, acknowledged_at,"
            + " holding_response_sent_at, full_response_sent_at from enquiry"
            + " where process_instance_id is not null and state in (:open)"
            + " and (timescales_apply is null or timescales_apply = true) and (" + due + ") order by id")
        .param("from", from).param("to", to).param("open", OPEN)
        .query(DeadlineReminders::openCase).list();
  }

  private boolean remind(OpenCase open, Instant due, List<String> what) {
    String key = "reminder:" + open.processInstanceId() + ":" + due.getEpochSecond();
    if (queue.isQueued(key)) {
      return false;
    }
    List<Task> held = asTheEngine.call(() -> holding(open.processInstanceId(), due));
    if (held.isEmpty()) {
      LOG.info("No open task holds {} (due {}); no reminder yet", open.reference(), due);
      return false;
    }
    Set<String> seen = new LinkedHashSet<>();
    List<User> recipients = new ArrayList<>();
    for (Task task : held) {
      List<String> groups = new ArrayList<>();
      List<String> users = new ArrayList<>();
      for (IdentityLink link : asTheEngine.call(() -> tasks.getIdentityLinksForTask(task.getId()))) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
          if (link.getGroupId() != null) {
            groups.add(link.getGroupId());
          } else if (link.getUserId() != null) {
            users.add(link.getUserId());
          }
        }
      }
      queue.holders(task.getAssignee(), groups, users).stream().filter(user -> seen.add(user.getId()))
          .forEach(recipients::add);
    }
    Task first = held.get(0);
    List<StaffMessages.Line> lines = new ArrayList<>();
    lines.add(new StaffMessages.Line("Due by", dates.dateTime(due)));
    lines.add(new StaffMessages.Line("What is due", String.join("; ", what)));
    lines.add(new StaffMessages.Line("Task", first.getName()));
    Map<User, RenderedMail> written = queue.write(recipients, user -> messages.render(user,
        "Deadline on the next working day", open.reference(), open.subject(),
        "A deadline on this Member's enquiry ends at the end of the next working day. Missing it is recorded as"
            + " a breach of the protocol and escalated (R10).",
        lines, first.getAssignee() == null ? "Nobody has claimed this task yet: you are told as one of its group."
            : null, "Open the task in Tasklist", messages.taskLink(first.getId())));
    return queue.queue(key, open.processInstanceId(), open.reference(), CommunicationKind.STAFF_DEADLINE_REMINDER,
        written);
  }

  /** The case's open tasks due at that deadline; if none is, all its open tasks. */
  private List<Task> holding(String processInstanceId, Instant due) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).active().orderByTaskCreateTime()
        .asc().list();
    List<Task> dueThen = open.stream().filter(t -> t.getDueDate() != null && t.getDueDate().toInstant().equals(due))
        .toList();
    return dueThen.isEmpty() ? open : dueThen;
  }

  private static OpenCase openCase(ResultSet rs, int n) throws SQLException {
    return new OpenCase(rs.getString("process_instance_id"), rs.getString("reference"), rs.getString("subject"),
        rs.getString("state"), instant(rs, "acknowledge_by"), instant(rs, "respond_by"),
        instant(rs, "full_response_by"), instant(rs, "revised_full_response_by"), instant(rs, "agreed_deadline_by"),
        instant(rs, "acknowledged_at"), instant(rs, "holding_response_sent_at"), instant(rs, "full_response_sent_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
