package org.memberenquiries.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.deadline.TimescaleProperties;
import org.memberenquiries.department.DepartmentProperties.Department;
import org.memberenquiries.department.Departments;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.escalation.MissedDeadline;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.triage.Scope;
import org.memberenquiries.web.InvalidParameterException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The one query service of the timeliness figures (issue 9, R16): the report API, the dashboard page and
 * the Cockpit plugin all read it, so they show the same numbers. It reads the product's own tables (the
 * {@code enquiry} read model written by {@code enquiry.CaseRecord}, the {@code breach} table), never the
 * engine's history, and counts working days with R0's calendar ({@link WorkingCalendar}) as it is now.
 *
 * <p>One SQL query fetches the figures' facts of the enquiries received in the range (and one their
 * breaches); the working-day arithmetic, grouping and percentiles are done here, with a per-day index
 * of working days so each case costs a few array reads. Definitions: README.md, "Timeliness figures (R16)".
 */
@Service
public class TimelinessReport {

  /** The longest range one report covers, in days (ten years). */
  public static final int MAX_RANGE_DAYS = 3660;
  /** Tower Hamlets' target for time to allocate, in working days (triage done). */
  public static final int ALLOCATE_WORKING_DAYS = 2;
  static final String TOTAL = "total";
  static final String UNALLOCATED = "unallocated";

  private static final String CASE_COLUMNS = "reference, process_instance_id, department, officer_group, officer_id,"
      + " state, outcome, referred_to, capacity, received_at, triaged_at, acknowledge_by, respond_by, full_response_by,"
      + " revised_full_response_by, agreed_deadline_by, agreed_for_step, clock_stopped_working_days,"
      + " stopped_days_at_response, stopped_days_at_full_response, questions_asked, replies_received, timescales_apply,"
      + " acknowledged_at, holding_response_sent_at, full_response_sent_at, closed_at";

  private final JdbcClient jdbc;
  private final WorkingCalendar calendar;
  private final EngineClock clock;
  private final Departments departments;
  private final TimescaleProperties timescales;
  private final TaskService tasks;

  public TimelinessReport(JdbcClient jdbc, WorkingCalendar calendar, EngineClock clock, Departments departments,
      TimescaleProperties timescales, TaskService tasks) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.clock = clock;
    this.departments = departments;
    this.timescales = timescales;
    this.tasks = tasks;
  }

  /**
   * Whose figures a caller sees (issue 9 item 6): directors, the monitoring officer, Member Support and
   * administrators every department's; a department's managers their departments'; anyone else nothing.
   */
  public ReportScope scope(Caller caller) {
    if (caller.isMember()) {
      return ReportScope.of(Set.of());
    }
    if (caller.inGroup(Groups.ADMINS) || caller.inGroup(Groups.MEMBER_SUPPORT)
        || caller.inGroup(Groups.MONITORING_OFFICER) || caller.inGroup(Groups.EXECUTIVE_DIRECTOR)) {
      return ReportScope.all();
    }
    return ReportScope.of(caller.groups().stream().filter(Groups::isManagerGroup)
        .map(group -> group.substring(0, group.length() - "-managers".length()))
        .collect(Collectors.toUnmodifiableSet()));
  }

  /** Whether the caller may read the report at all. */
  public boolean maySee(Caller caller) {
    return !scope(caller).isEmpty();
  }

  /**
   * The figures for the caller's scope: 403 ({@link AccessDeniedException}) for those who may not read
   * the report, 400 ({@link InvalidParameterException}) for a bad range.
   */
  public TimelinessFigures figures(Caller caller, LocalDate from, LocalDate to, GroupBy groupBy) {
    ReportScope scope = scope(caller);
    if (scope.isEmpty()) {
      throw new AccessDeniedException(
          "The timeliness report is for departments' managers, directors, the monitoring officer, Member Support and administrators");
    }
    return figures(scope, from, to, groupBy);
  }

  /** The figures of the enquiries received from {@code from} to {@code to} (inclusive) within a scope. */
  public TimelinessFigures figures(ReportScope scope, LocalDate from, LocalDate to, GroupBy groupBy) {
    validate(from, to);
    GroupBy grouping = groupBy == null ? GroupBy.DEPARTMENT : groupBy;
    ZoneId zone = calendar.zone();
    Instant now = clock.now();
    List<String> departmentScope = scope.everyDepartment() ? List.of() : scope.departments().stream().sorted().toList();
    List<CaseFacts> cases = scope.isEmpty() ? List.of() : cases(from, to, departmentScope);
    Map<String, List<BreachFacts>> breaches = scope.isEmpty() ? Map.of() : breaches(from, to, departmentScope);

    WorkingDayIndex days = new WorkingDayIndex(calendar, from.minusDays(7), now.atZone(zone).toLocalDate().plusDays(7));
    Map<String, Tally> groups = new TreeMap<>();
    Tally total = new Tally();
    List<OverdueEnquiry> overdue = new ArrayList<>();
    Map<String, String> overdueCases = new HashMap<>(); // process instance id to reference
    for (CaseFacts c : cases) {
      Measured m = measure(c, days, now);
      List<BreachFacts> caseBreaches = breaches.getOrDefault(c.processInstanceId(), List.of());
      String key = key(c, grouping);
      groups.computeIfAbsent(key, k -> new Tally()).add(c, m, caseBreaches);
      total.add(c, m, caseBreaches);
      if (m.overdueDeadline() != null) {
        overdueCases.put(c.processInstanceId(), c.reference());
        overdue.add(new OverdueEnquiry(c.reference(), c.department(), c.team(), c.officerId(), c.state(),
            m.overdueDeadline().name(), m.overdueDue().atZone(zone).toOffsetDateTime(), m.workingDaysOverdue(),
            c.receivedAt().atZone(zone).toOffsetDateTime()));
      }
    }
    List<TimelinessFigures.Row> rows = groups.entrySet().stream()
        .map(e -> e.getValue().row(e.getKey(), label(e.getKey(), grouping)))
        .toList();
    return new TimelinessFigures(from, to, grouping, now.atZone(zone).toOffsetDateTime(), scope.everyDepartment(),
        departmentScope, rows, total.row(TOTAL, "All enquiries"), holders(overdue, overdueCases));
  }

  /** A range from one day to another, both given, in order, within the calendar's years and ten years long at most. */
  public static void validate(LocalDate from, LocalDate to) {
    if (from == null) {
      throw new InvalidParameterException("from", "Parameter 'from' is required (a date, yyyy-MM-dd).");
    }
    if (to == null) {
      throw new InvalidParameterException("to", "Parameter 'to' is required (a date, yyyy-MM-dd).");
    }
    for (Map.Entry<String, LocalDate> day : Map.of("from", from, "to", to).entrySet()) {
      if (day.getValue().getYear() < WorkingCalendar.FIRST_YEAR || day.getValue().getYear() > WorkingCalendar.LAST_YEAR) {
        throw new InvalidParameterException(day.getKey(),
            "Parameter '" + day.getKey() + "' must be " + WorkingCalendar.coveredYears() + ".");
      }
    }
    if (to.isBefore(from)) {
      throw new InvalidParameterException("to", "Parameter 'to' (" + to + ") must not be before 'from' (" + from + ").");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
      throw new InvalidParameterException("to", "The range from 'from' to 'to' may be at most " + MAX_RANGE_DAYS + " days.");
    }
  }

  // --- reading ---------------------------------------------------------------------------------------

  private String rangeSql(List<String> departmentScope, String alias) {
    return alias + "reference is not null and " + alias + "process_instance_id is not null"
        + " and " + alias + "received_at >= :start and " + alias + "received_at < :end"
        + (departmentScope.isEmpty() ? "" : " and " + alias + "department in (:departments)");
  }

  private Map<String, Object> rangeParams(LocalDate from, LocalDate to, List<String> departmentScope) {
    Map<String, Object> params = new HashMap<>();
    params.put("start", Timestamp.from(from.atStartOfDay(calendar.zone()).toInstant()));
    params.put("end", Timestamp.from(to.plusDays(1).atStartOfDay(calendar.zone()).toInstant()));
    if (!departmentScope.isEmpty()) {
      params.put("departments", departmentScope);
    }
    return params;
  }

  private List<CaseFacts> cases(LocalDate from, LocalDate to, List<String> departmentScope) {
    return jdbc.sql("select " + CASE_COLUMNS + " from enquiry where " + rangeSql(departmentScope, "")
            + " order by received_at, id")
        .params(rangeParams(from, to, departmentScope))
        .query(TimelinessReport::caseFacts)
        .list();
  }

  private Map<String, List<BreachFacts>> breaches(LocalDate from, LocalDate to, List<String> departmentScope) {
    return jdbc.sql("select b.process_instance_id, b.deadline_kind, b.escalated, b.outcome, b.referred_to"
            + " from breach b join enquiry e on e.process_instance_id = b.process_instance_id where "
            + rangeSql(departmentScope, "e.") + " order by b.id")
        .params(rangeParams(from, to, departmentScope))
        .query((rs, n) -> new BreachFacts(rs.getString("process_instance_id"), rs.getString("deadline_kind"),
            rs.getBoolean("escalated"), rs.getString("outcome"), rs.getString("referred_to")))
        .list().stream()
        .collect(Collectors.groupingBy(BreachFacts::processInstanceId));
  }

  private static CaseFacts caseFacts(ResultSet rs, int n) throws SQLException {
    String department = rs.getString("department");
    String team = rs.getString("officer_group");
    return new CaseFacts(rs.getString("reference"), rs.getString("process_instance_id"), department,
        team != null ? team : Departments.officerGroup(department), rs.getString("officer_id"),
        rs.getString("state"), rs.getString("outcome"), rs.getString("referred_to"), rs.getString("capacity"),
        instant(rs, "received_at"), instant(rs, "triaged_at"), instant(rs, "acknowledge_by"),
        instant(rs, "respond_by"), instant(rs, "full_response_by"), instant(rs, "revised_full_response_by"),
        instant(rs, "agreed_deadline_by"), rs.getString("agreed_for_step"),
        rs.getInt("clock_stopped_working_days"), integer(rs, "stopped_days_at_response"),
        integer(rs, "stopped_days_at_full_response"), rs.getInt("questions_asked"), rs.getInt("replies_received"),
        !Boolean.FALSE.equals(rs.getObject("timescales_apply", Boolean.class)),
        instant(rs, "acknowledged_at"), instant(rs, "holding_response_sent_at"), instant(rs, "full_response_sent_at"),
        instant(rs, "closed_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  // --- measuring one case ----------------------------------------------------------------------------

  private Measured measure(CaseFacts c, WorkingDayIndex days, Instant now) {
    LocalDate receiptDay = days.receiptDay(c.receivedAt());
    boolean referred = "REFERRED".equals(c.outcome());
    boolean open = c.closedAt() == null;
    boolean waiting = "AWAITING_MEMBER".equals(c.state());

    Integer toAllocate = c.triagedAt() == null ? null : days.elapsed(receiptDay, c.triagedAt());
    Integer toAcknowledge = c.acknowledgedAt() == null ? null : days.elapsed(receiptDay, c.acknowledgedAt());
    boolean acknowledgementDue = !referred && (c.acknowledgedAt() != null
        || (c.acknowledgeBy() != null && c.acknowledgeBy().isBefore(now)));
    boolean acknowledgedOnTime = toAcknowledge != null && toAcknowledge <= timescales.acknowledgementWorkingDays();

    // R5: the first response, full or holding (R6); the clock's stops before it are deducted (R9).
    Instant firstResponse = earliest(c.holdingResponseSentAt(), c.fullResponseSentAt());
    Integer toRespond = firstResponse == null ? null : Math.max(0, days.elapsed(receiptDay, firstResponse)
        - (c.stoppedDaysAtResponse() != null ? c.stoppedDaysAtResponse() : c.clockStoppedWorkingDays()));
    boolean responseOverdue = open && !waiting && c.timescalesApply() && !referred && firstResponse == null
        && c.respondBy() != null && c.respondBy().isBefore(now);
    boolean respondedWithin = toRespond != null && toRespond <= timescales.responseWorkingDays();
    // R8: an agreement that replaced the response deadline makes a later answer by it on time.
    boolean respondedByAgreement = toRespond != null && !respondedWithin && c.agreedDeadlineBy() != null
        && "RESPOND".equals(c.agreedForStep()) && !firstResponse.isAfter(c.agreedDeadlineBy());

    // R7: the full response after a holding response, within 20 working days (clock stops deducted).
    boolean afterHolding = c.holdingResponseSentAt() != null;
    Integer toFullResponse = c.fullResponseSentAt() == null ? null : Math.max(0, days.elapsed(receiptDay,
        c.fullResponseSentAt()) - (c.stoppedDaysAtFullResponse() != null ? c.stoppedDaysAtFullResponse() : c.clockStoppedWorkingDays()));
    boolean fullWithin = afterHolding && toFullResponse != null && toFullResponse <= timescales.fullResponseWorkingDays();
    boolean fullByAgreement = afterHolding && toFullResponse != null && !fullWithin && c.agreedDeadlineBy() != null
        && !c.fullResponseSentAt().isAfter(c.agreedDeadlineBy());
    boolean fullOverdue = open && !waiting && c.timescalesApply() && afterHolding && c.fullResponseSentAt() == null
        && ((c.fullResponseBy() != null && c.fullResponseBy().isBefore(now))
            || (c.revisedFullResponseBy() != null && c.revisedFullResponseBy().isBefore(now)));

    // R8: met when the answer the agreement was for went by the agreed day.
    boolean agreedMet = false;
    if (c.agreedDeadlineBy() != null) {
      Instant answer = "RESPOND".equals(c.agreedForStep()) ? firstResponse : c.fullResponseSentAt();
      agreedMet = answer != null && !answer.isAfter(c.agreedDeadlineBy());
    }

    // R10: open and past a deadline owed now; the one passed first is shown (the most overdue).
    MissedDeadline overdueDeadline = null;
    Instant overdueDue = null;
    if (open && !waiting && c.timescalesApply() && !referred) {
      Map<MissedDeadline, Instant> passed = new LinkedHashMap<>();
      if (c.acknowledgedAt() == null && c.acknowledgeBy() != null && c.acknowledgeBy().isBefore(now)) {
        passed.put(MissedDeadline.ACKNOWLEDGEMENT, c.acknowledgeBy());
      }
      if (responseOverdue) {
        passed.put(MissedDeadline.RESPONSE, c.respondBy());
      }
      if (fullOverdue && c.fullResponseBy() != null && c.fullResponseBy().isBefore(now)) {
        passed.put(MissedDeadline.FULL_RESPONSE, c.fullResponseBy());
      }
      if (fullOverdue && c.revisedFullResponseBy() != null && c.revisedFullResponseBy().isBefore(now)) {
        passed.put(MissedDeadline.REVISED_FULL_RESPONSE, c.revisedFullResponseBy());
      }
      for (Map.Entry<MissedDeadline, Instant> deadline : passed.entrySet()) {
        if (overdueDue == null || deadline.getValue().isBefore(overdueDue)) {
          overdueDeadline = deadline.getKey();
          overdueDue = deadline.getValue();
        }
      }
    }
    int workingDaysOverdue = overdueDue == null ? 0 : days.elapsedBetweenDays(days.dayOf(overdueDue), days.dayOf(now));

    return new Measured(referred, open, toAllocate, acknowledgementDue, toAcknowledge, acknowledgedOnTime,
        firstResponse != null || responseOverdue, toRespond, respondedWithin, respondedByAgreement,
        afterHolding && (c.fullResponseSentAt() != null || fullOverdue), fullWithin, fullByAgreement, agreedMet,
        overdueDeadline, overdueDue, workingDaysOverdue);
  }

  private static Instant earliest(Instant a, Instant b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.isBefore(b) ? a : b;
  }

  // --- grouping ----------------------------------------------------------------------------------------

  private String key(CaseFacts c, GroupBy groupBy) {
    return switch (groupBy) {
      case DEPARTMENT -> c.department();
      case TEAM -> c.team();
      case OFFICER -> c.officerId() == null ? UNALLOCATED : c.officerId();
      case MONTH -> YearMonth.from(c.receivedAt().atZone(calendar.zone())).toString();
    };
  }

  private String label(String key, GroupBy groupBy) {
    return switch (groupBy) {
      case DEPARTMENT -> departments.find(key).map(Department::name).orElse(key);
      case TEAM -> key.endsWith("-officers")
          ? departments.find(key.substring(0, key.length() - "-officers".length()))
              .map(d -> d.name() + ": officers").orElse(key)
          : key;
      case OFFICER -> UNALLOCATED.equals(key) ? "Not yet allocated to an officer" : key;
      case MONTH -> {
        YearMonth month = YearMonth.parse(key);
        yield month.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + month.getYear();
      }
    };
  }

  /** The officer holding each overdue case: the assignee of its open task, else the officer who last wrote. */
  private List<OverdueEnquiry> holders(List<OverdueEnquiry> overdue, Map<String, String> overdueCases) {
    Map<String, String> assignees = new HashMap<>(); // reference to assignee
    List<String> ids = List.copyOf(overdueCases.keySet());
    for (int i = 0; i < ids.size(); i += 500) {
      List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
      for (Task task : tasks.createTaskQuery().processInstanceIdIn(chunk.toArray(String[]::new)).taskAssigned()
          .orderByTaskCreateTime().asc().list()) {
        assignees.putIfAbsent(overdueCases.get(task.getProcessInstanceId()), task.getAssignee());
      }
    }
    return overdue.stream()
        .map(o -> assignees.containsKey(o.reference())
            ? new OverdueEnquiry(o.reference(), o.department(), o.team(), assignees.get(o.reference()),
                o.state(), o.deadline(), o.due(), o.workingDaysOverdue(), o.receivedAt())
            : o)
        .sorted(Comparator.comparingInt(OverdueEnquiry::workingDaysOverdue).reversed()
            .thenComparing(OverdueEnquiry::due).thenComparing(OverdueEnquiry::reference))
        .toList();
  }

  // --- facts and tallies -------------------------------------------------------------------------------

  record CaseFacts(String reference, String processInstanceId, String department, String team, String officerId,
      String state, String outcome, String referredTo, String capacity, Instant receivedAt, Instant triagedAt,
      Instant acknowledgeBy, Instant respondBy, Instant fullResponseBy, Instant revisedFullResponseBy,
      Instant agreedDeadlineBy, String agreedForStep, int clockStoppedWorkingDays, Integer stoppedDaysAtResponse,
      Integer stoppedDaysAtFullResponse, int questionsAsked, int repliesReceived, boolean timescalesApply,
      Instant acknowledgedAt, Instant holdingResponseSentAt, Instant fullResponseSentAt, Instant closedAt) {}

  record BreachFacts(String processInstanceId, String deadline, boolean escalated, String outcome, String referredTo) {}

  record Measured(boolean referred, boolean open, Integer toAllocate, boolean acknowledgementDue,
      Integer toAcknowledge, boolean acknowledgedOnTime, boolean responseDue, Integer toRespond,
      boolean respondedWithin, boolean respondedByAgreement, boolean fullResponseDue, boolean fullWithin,
      boolean fullByAgreement, boolean agreedMet, MissedDeadline overdueDeadline, Instant overdueDue,
      int workingDaysOverdue) {}

  /** The running counts of one group. */
  private static final class Tally {
    long received, referred, referredToComplaints, referredToCodeOfConduct, referredToServiceRequests;
    long acknowledgementsDue, acknowledged, acknowledgedOnTime;
    long responsesDue, responded, respondedWithin, respondedByAgreement;
    long holdingResponses, fullResponsesDue, fullAfterHolding, fullWithin, fullByAgreement, answered;
    long revisedDates, agreed, agreedMet;
    long waits, waitsAnswered, daysStopped, closedNoReply, openNow, overdueNow;
    long breaches, breachesAck, breachesResponse, breachesFull, breachesRevised, escalated, resolvedInformally,
        referredBreaches, referredToMonitoringOfficer, upheld, notUpheld, awaitingOutcome;
    long triaged, triagedWithin;
    final List<Integer> allocate = new ArrayList<>();
    final List<Integer> acknowledge = new ArrayList<>();
    final List<Integer> respond = new ArrayList<>();
    final Map<String, Long> byCapacity = new LinkedHashMap<>();

    Tally() {
      for (Capacity capacity : Capacity.values()) {
        byCapacity.put(capacity.name(), 0L);
      }
    }

    void add(CaseFacts c, Measured m, List<BreachFacts> caseBreaches) {
      received++;
      if (m.referred()) {
        referred++;
        String to = c.referredTo() == null ? "" : c.referredTo();
        if (to.startsWith(Scope.COMPLAINTS_PROCEDURE.route())) referredToComplaints++;
        else if (to.startsWith(Scope.CODE_OF_CONDUCT_PROCEDURE.route())) referredToCodeOfConduct++;
        else if (to.startsWith(Scope.SERVICE_REQUEST_CHANNEL.route())) referredToServiceRequests++;
      }
      if (m.acknowledgementDue()) acknowledgementsDue++;
      if (m.toAcknowledge() != null) {
        acknowledged++;
        acknowledge.add(m.toAcknowledge());
      }
      if (m.acknowledgedOnTime()) acknowledgedOnTime++;
      if (m.responseDue()) responsesDue++;
      if (m.toRespond() != null) {
        responded++;
        respond.add(m.toRespond());
      }
      if (m.respondedWithin()) respondedWithin++;
      if (m.respondedByAgreement()) respondedByAgreement++;
      if (c.holdingResponseSentAt() != null) holdingResponses++;
      if (m.fullResponseDue()) fullResponsesDue++;
      if (c.holdingResponseSentAt() != null && c.fullResponseSentAt() != null) fullAfterHolding++;
      if (m.fullWithin()) fullWithin++;
      if (m.fullByAgreement()) fullByAgreement++;
      if (c.fullResponseSentAt() != null) answered++;
      if (c.revisedFullResponseBy() != null) revisedDates++;
      if (c.agreedDeadlineBy() != null) agreed++;
      if (m.agreedMet()) agreedMet++;
      waits += c.questionsAsked();
      waitsAnswered += c.repliesReceived();
      daysStopped += c.clockStoppedWorkingDays();
      if ("NO_RESPONSE_FROM_MEMBER".equals(c.outcome())) closedNoReply++;
      if (m.open()) openNow++;
      if (m.overdueDeadline() != null) overdueNow++;
      if (m.toAllocate() != null) {
        triaged++;
        allocate.add(m.toAllocate());
        if (m.toAllocate() <= ALLOCATE_WORKING_DAYS) triagedWithin++;
      }
      String capacity = c.capacity() == null ? Capacity.UNCLEAR.name() : c.capacity();
      byCapacity.merge(capacity, 1L, Long::sum);
      for (BreachFacts b : caseBreaches) {
        breaches++;
        switch (b.deadline()) {
          case "ACKNOWLEDGEMENT" -> breachesAck++;
          case "RESPONSE" -> breachesResponse++;
          case "FULL_RESPONSE" -> breachesFull++;
          case "REVISED_FULL_RESPONSE" -> breachesRevised++;
          default -> { }
        }
        if (b.escalated()) escalated++;
        boolean decidedByReferee = "UPHELD".equals(b.outcome()) || "NOT_UPHELD".equals(b.outcome());
        if ("RESOLVED_INFORMALLY".equals(b.outcome())) resolvedInformally++;
        if (b.referredTo() != null || decidedByReferee) referredBreaches++;
        if (Groups.MONITORING_OFFICER.equals(b.referredTo())) referredToMonitoringOfficer++;
        if ("UPHELD".equals(b.outcome())) upheld++;
        if ("NOT_UPHELD".equals(b.outcome())) notUpheld++;
        if (b.escalated() && b.outcome() == null) awaitingOutcome++;
      }
    }

    TimelinessFigures.Row row(String group, String label) {
      long respondedOnTime = respondedWithin + respondedByAgreement;
      return new TimelinessFigures.Row(group, label, received, referred, referredToComplaints, referredToCodeOfConduct,
          referredToServiceRequests, acknowledgementsDue, acknowledged, acknowledgedOnTime, responsesDue, responded,
          respondedWithin, respondedByAgreement, respondedOnTime, holdingResponses, fullResponsesDue, fullAfterHolding,
          fullWithin, fullByAgreement, answered, revisedDates, agreed, agreedMet, waits, waitsAnswered, daysStopped,
          closedNoReply, openNow, overdueNow, breaches, breachesAck, breachesResponse, breachesFull, breachesRevised,
          escalated, resolvedInformally, referredBreaches, referredToMonitoringOfficer, upheld, notUpheld,
          awaitingOutcome, triaged, triagedWithin, percentile(allocate, 50), percentile(allocate, 90),
          percentile(acknowledge, 50), percentile(acknowledge, 90), percentile(respond, 50), percentile(respond, 90),
          Map.copyOf(byCapacity).entrySet().stream().sorted(Map.Entry.comparingByKey(capacityOrder()))
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)),
          percent(acknowledgedOnTime, acknowledgementsDue), percent(respondedOnTime, responsesDue),
          percent(fullWithin + fullByAgreement, fullResponsesDue));
    }
  }

  private static Comparator<String> capacityOrder() {
    List<String> order = java.util.Arrays.stream(Capacity.values()).map(Capacity::name).toList();
    return Comparator.comparingInt((String name) -> order.contains(name) ? order.indexOf(name) : order.size())
        .thenComparing(Comparator.naturalOrder());
  }

  /** Nearest rank: the smallest value with at least p% of the values at or below it; null when there are none. */
  static Integer percentile(List<Integer> values, int p) {
    if (values.isEmpty()) {
      return null;
    }
    List<Integer> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** A share in percent with one decimal; null when nothing was due. */
  static Double percent(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
  }
}
