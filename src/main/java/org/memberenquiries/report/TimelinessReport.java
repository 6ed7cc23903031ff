package org.memberenquiries.report;

import java.sql.Connection;
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
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
import javax.sql.DataSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedCaseInsensitiveMap;

/**
 * The one query service of the timeliness figures (issue 9, R16): the report API, the dashboard page and
 * the Cockpit plugin all read it, so they show the same numbers. It reads the product's own tables (the
 * {@code enquiry} read model written by {@code enquiry.CaseRecord}, the {@code breach} table), never the
 * engine's history, and counts working days with R0's calendar ({@link WorkingCalendar}) as it is now.
 *
 * <p>The database sums the figures of the enquiries received in the range per group (issue 9's performance
 * target: a year of 100,000 enquiries in well under a second), counting working days on a {@link WorkingDaySpan}
 * of the calendar as it stands; the medians and 90th percentiles are read from how many cases took how many
 * working days. Only the open cases are read and measured one by one ({@link #measure}), for what is overdue
 * now and by how many working days. Definitions: README.md, "Timeliness figures (R16)".
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
  private final DataSource dataSource;
  private final TransactionTemplate readOnly;
  private volatile Boolean postgresql;

  public TimelinessReport(JdbcClient jdbc, WorkingCalendar calendar, EngineClock clock, Departments departments,
      TimescaleProperties timescales, TaskService tasks, DataSource dataSource, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
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
    Map<String, Sums> groups = new TreeMap<>();
    Map<String, Map<String, Long>> capacities = Map.of();
    List<CaseFacts> open = List.of();
    if (!scope.isEmpty()) {
      Query query = new Query(from, to, departmentScope, grouping, now);
      for (Map<String, Object> row : reading(query::sums)) {
        Sums group = groups.computeIfAbsent((String) row.get("grp"), k -> new Sums());
        if (row.get("measure") == null) {
          group.add(row);
        } else {
          group.addDays((String) row.get("measure"), (int) number(row, "days"), number(row, "cases"));
        }
      }
      reading(query::breaches).forEach(row -> groups.get((String) row.get("grp")).add(row));
      capacities = reading(query::capacities);
      open = openCases(from, to, departmentScope);
    }

    // Only the open cases are measured here, one by one: what is overdue now, by which deadline, for how long.
    WorkingDayIndex days = new WorkingDayIndex(calendar, from.minusDays(7), now.atZone(zone).toLocalDate().plusDays(7));
    List<OverdueEnquiry> overdue = new ArrayList<>();
    Map<String, String> overdueCases = new HashMap<>(); // process instance id to reference
    for (CaseFacts c : open) {
      Measured m = measure(c, days, now);
      if (m.overdueDeadline() != null) {
        groups.get(key(c, grouping)).add(OVERDUE_NOW, 1);
        overdueCases.put(c.processInstanceId(), c.reference());
        overdue.add(new OverdueEnquiry(c.reference(), c.department(), c.team(), c.officerId(), c.state(),
            m.overdueDeadline().name(), m.overdueDue().atZone(zone).toOffsetDateTime(), m.workingDaysOverdue(),
            c.receivedAt().atZone(zone).toOffsetDateTime()));
      }
    }
    List<TimelinessFigures.Row> rows = new ArrayList<>();
    Sums total = new Sums();
    Map<String, Long> totalCapacities = new HashMap<>();
    for (Map.Entry<String, Sums> group : groups.entrySet()) {
      String key = group.getKey();
      Map<String, Long> byCapacity = capacities.getOrDefault(key, Map.of());
      byCapacity.forEach((capacity, n) -> totalCapacities.merge(capacity, n, Long::sum));
      total.addAll(group.getValue());
      rows.add(row(key, label(key, grouping), group.getValue(), byCapacity));
    }
    return new TimelinessFigures(from, to, grouping, now.atZone(zone).toOffsetDateTime(), scope.everyDepartment(),
        departmentScope, rows, row(TOTAL, "All enquiries", total, totalCapacities), holders(overdue, overdueCases));
  }

  /**
   * R5, R8 for the dashboard's weekly chart, in one query: per week of receipt (its Monday, council's zone; the
   * first and last weeks cut to the range) and department, the first responses due and those on time, as the
   * report for that week alone counts them.
   */
  public List<WeekOnTime> weeklyResponses(ReportScope scope, LocalDate from, LocalDate to) {
    validate(from, to);
    if (scope.isEmpty()) {
      return List.of();
    }
    List<String> departmentScope = scope.everyDepartment() ? List.of() : scope.departments().stream().sorted().toList();
    return reading(new Query(from, to, departmentScope, GroupBy.DEPARTMENT, clock.now())::weekly).stream()
        .map(row -> new WeekOnTime(LocalDate.parse((String) row.get("week")), (String) row.get("grp"),
            number(row, "responded_within") + number(row, "responded_by_agreement"), number(row, "responses_due")))
        .toList();
  }

  /** One department's first responses on time (R5, R8) of those due, for the enquiries received in one week. */
  public record WeekOnTime(LocalDate week, String department, long onTime, long due) {
    /** On time / due in percent, one decimal, as the report's {@code percentRespondedOnTime}; null when none was due. */
    public Double percent() {
      return TimelinessReport.percent(onTime, due);
    }
  }

  /**
   * Runs one of the report's statements in a read-only transaction; on PostgreSQL without compiling it (JIT):
   * a year's report passes PostgreSQL's default jit_above_cost, and compiling cost 7.7 s against 0.7 s for the
   * query itself at load 30 on this machine. SET LOCAL lasts for this transaction only.
   */
  private <T> T reading(Supplier<T> statement) {
    return readOnly.execute(status -> {
      if (postgresql()) {
        jdbc.sql("set local jit = off").update();
      }
      return statement.get();
    });
  }

  private boolean postgresql() {
    if (postgresql == null) {
      try (Connection connection = dataSource.getConnection()) {
        postgresql = "postgresql".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot tell which database holds the enquiries", e);
      }
    }
    return postgresql;
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

  /** The open cases received in the range, with the facts their overdue deadlines are measured from. */
  private List<CaseFacts> openCases(LocalDate from, LocalDate to, List<String> departmentScope) {
    return jdbc.sql("select " + CASE_COLUMNS + " from enquiry where " + rangeSql(departmentScope, "")
            + " and closed_at is null order by received_at, id")
        .params(rangeParams(from, to, departmentScope))
        .query(TimelinessReport::caseFacts)
        .list();
  }

  /**
   * The figures summed by the database (group by, percentile_disc), one row per group and one for the total,
   * working days counted on a {@link WorkingDaySpan} of the calendar as it stands. Each figure is the README's
   * definition, case by case, as {@link #measure} has it for the open cases.
   */
  private final class Query {
    private final LocalDate from;
    private final LocalDate to;
    private final List<String> departmentScope;
    private final GroupBy grouping;
    private final Instant now;
    private WorkingDaySpan span;

    Query(LocalDate from, LocalDate to, List<String> departmentScope, GroupBy grouping, Instant now) {
      this.from = from;
      this.to = to;
      this.departmentScope = departmentScope;
      this.grouping = grouping;
      this.now = now;
      // From the first receipt to now: every step the figures count happened in between.
      Instant start = from.atStartOfDay(calendar.zone()).toInstant();
      Instant end = to.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
      this.span = WorkingDaySpan.covering(calendar, start, now.isAfter(end) ? now : end);
    }

    /**
     * Per group, a row of its sums, and rows of how many cases took how many working days to be allocated,
     * acknowledged and responded to (its {@code measure}, {@code days}, {@code cases}): one pass over the cases.
     */
    List<Map<String, Object>> sums() {
      List<String> sums = sumsSql();
      String nulls = sums.stream().map(sum -> "null").collect(Collectors.joining(", "));
      return covering(() -> jdbc.sql(cases() + " select grp, cast(null as varchar(20)) as measure, cast(null as integer) as days,"
          + " cast(null as bigint) as cases, " + String.join(", ", sums) + " from x group by grp"
          + Stream.of(DAYS_MEASURED).map(measure -> " union all select grp, '" + measure + "', " + measure + ", count(*), "
              + nulls + " from x where " + measure + " is not null group by grp, " + measure)
              .collect(Collectors.joining())).params(params()).query().listOfRows());
    }

    /**
     * The rows of a query of the cases, on a span that covers every step they count: a step recorded outside it
     * (after now, as a test's clock can leave it) makes the span cover it and the query run again.
     */
    private List<Map<String, Object>> covering(Supplier<List<Map<String, Object>>> query) {
      List<Map<String, Object>> rows = query.get();
      if (rows.stream().mapToLong(row -> number(row, "beyond")).sum() > 0) {
        Map<String, Object> moments = jdbc.sql("select min(first_at) as first_at, max(last_at) as last_at from ("
                + Stream.of(MOMENTS).map(column -> "select min(" + column + ") as first_at, max(" + column
                    + ") as last_at from enquiry e where " + rangeSql(departmentScope, "e."))
                .collect(Collectors.joining(" union all ")) + ") x")
            .params(rangeParams(from, to, departmentScope)).query().singleRow();
        Instant first = instant(moments.get("first_at"));
        Instant last = instant(moments.get("last_at"));
        span = WorkingDaySpan.covering(calendar, first != null && first.isBefore(span.start()) ? first : span.start(),
            last != null && last.isAfter(span.end()) ? last : span.end());
        rows = query.get();
      }
      return rows;
    }

    /** SQL: the cases of the range (c), each measured (x), as common table expressions. */
    private String cases() {
      String received = "e.received_at";
      StringBuilder sql = new StringBuilder("with ").append(span.table("wd")).append(", c as (select ")
          .append(key()).append(" as grp, ").append(WorkingDaySpan.week("rd", received)).append(" as week, e.outcome, e.referred_to, e.state, e.closed_at, e.acknowledge_by,")
          .append(" e.respond_by, e.full_response_by, e.revised_full_response_by, e.agreed_deadline_by,")
          .append(" e.agreed_for_step, e.triaged_at, e.acknowledged_at, e.holding_response_sent_at,")
          .append(" e.full_response_sent_at, coalesce(e.clock_stopped_working_days, 0) as stopped,")
          .append(" e.stopped_days_at_response, e.stopped_days_at_full_response,")
          .append(" coalesce(e.questions_asked, 0) as questions, coalesce(e.replies_received, 0) as replies,")
          .append(" case when e.timescales_apply is null or e.timescales_apply then 1 else 0 end as applies,")
          .append(" case when e.outcome = 'REFERRED' then 1 else 0 end as referred,")
          .append(" case when e.closed_at is null then 1 else 0 end as open,")
          .append(" case when e.state = 'AWAITING_MEMBER' then 1 else 0 end as waiting,")
          .append(" case when e.holding_response_sent_at is null then e.full_response_sent_at")
          .append(" when e.full_response_sent_at is null then e.holding_response_sent_at")
          .append(" when e.holding_response_sent_at < e.full_response_sent_at then e.holding_response_sent_at")
          .append(" else e.full_response_sent_at end as first_response_at,")
          // Working-day ends at or before receipt, and before each step: their differences are working days.
          .append(' ').append(WorkingDaySpan.endsBefore("rd", received, true)).append(" as r,")
          .append(' ').append(WorkingDaySpan.endsBefore("td", "e.triaged_at", false)).append(" as t,")
          .append(' ').append(WorkingDaySpan.endsBefore("ad", "e.acknowledged_at", false)).append(" as a,")
          .append(' ').append(WorkingDaySpan.endsBefore("hd", "e.holding_response_sent_at", false)).append(" as h,")
          .append(' ').append(WorkingDaySpan.endsBefore("fd", "e.full_response_sent_at", false)).append(" as f,")
          .append(" case when ").append(Stream.of(MOMENTS)
              .map(column -> column + " < :spanStart or " + column + " >= :spanEnd").collect(Collectors.joining(" or ")))
          .append(" then 1 else 0 end as beyond")
          .append(" from enquiry e join ").append(WorkingDaySpan.byDay("wd", true)).append(" rd on rd.d = ")
          .append(WorkingDaySpan.day(received));
      for (String[] step : new String[][] {{"td", "e.triaged_at"}, {"ad", "e.acknowledged_at"},
          {"hd", "e.holding_response_sent_at"}, {"fd", "e.full_response_sent_at"}}) {
        sql.append(" left join ").append(WorkingDaySpan.byDay("wd", false)).append(' ').append(step[0]).append(" on ").append(step[0]).append(".d = ")
            .append(WorkingDaySpan.day(step[1]));
      }
      sql.append(" where ").append(rangeSql(departmentScope, "e.")).append(")");
      // Each case's working days (R0, clock stops deducted, R9) and whether a response is overdue now.
      sql.append(", x as (select c.*,")
          .append(" case when triaged_at is not null then greatest(0, t - r) end as to_allocate,")
          .append(" case when acknowledged_at is not null then greatest(0, a - r) end as to_acknowledge,")
          .append(" case when first_response_at is not null then greatest(0, greatest(0,")
          .append(" case when first_response_at = holding_response_sent_at then h else f end - r)")
          .append(" - coalesce(stopped_days_at_response, stopped)) end as to_respond,")
          .append(" case when full_response_sent_at is not null then greatest(0, greatest(0, f - r)")
          .append(" - coalesce(stopped_days_at_full_response, stopped)) end as to_full,")
          .append(" case when open = 1 and waiting = 0 and applies = 1 and referred = 0 and first_response_at is null")
          .append(" and respond_by < :now then 1 else 0 end as response_overdue,")
          .append(" case when open = 1 and waiting = 0 and applies = 1 and holding_response_sent_at is not null")
          .append(" and full_response_sent_at is null and (full_response_by < :now or revised_full_response_by < :now)")
          .append(" then 1 else 0 end as full_overdue")
          .append(" from c)");
      return sql.toString();
    }

    private Map<String, Object> params() {
      Map<String, Object> params = rangeParams(from, to, departmentScope);
      params.put("now", Timestamp.from(now));
      params.put("spanStart", Timestamp.from(span.start()));
      params.put("spanEnd", Timestamp.from(span.end()));
      params.put("complaints", Scope.COMPLAINTS_PROCEDURE.route());
      params.put("codeOfConduct", Scope.CODE_OF_CONDUCT_PROCEDURE.route());
      params.put("serviceRequests", Scope.SERVICE_REQUEST_CHANNEL.route());
      return params;
    }

    private List<String> sumsSql() {
      int acknowledge = timescales.acknowledgementWorkingDays();
      int respond = timescales.responseWorkingDays();
      int full = timescales.fullResponseWorkingDays();
      String complaints = routeIs(Scope.COMPLAINTS_PROCEDURE, "complaints");
      String codeOfConduct = routeIs(Scope.CODE_OF_CONDUCT_PROCEDURE, "codeOfConduct");
      String serviceRequests = routeIs(Scope.SERVICE_REQUEST_CHANNEL, "serviceRequests");
      return List.of(
          "count(*) as received",
          "sum(referred) as referred",
          count("referred = 1 and " + complaints, "referred_to_complaints"),
          count("referred = 1 and not " + complaints + " and " + codeOfConduct, "referred_to_code_of_conduct"),
          count("referred = 1 and not " + complaints + " and not " + codeOfConduct + " and " + serviceRequests,
              "referred_to_service_requests"),
          count("referred = 0 and (acknowledged_at is not null or acknowledge_by < :now)", "acknowledgements_due"),
          "count(to_acknowledge) as acknowledged",
          count("to_acknowledge <= " + acknowledge, "acknowledged_on_time"),
          count("first_response_at is not null or response_overdue = 1", "responses_due"),
          "count(to_respond) as responded",
          count("to_respond <= " + respond, "responded_within"),
          count(respondedByAgreement(), "responded_by_agreement"),
          "count(holding_response_sent_at) as holding_responses",
          count("holding_response_sent_at is not null and (full_response_sent_at is not null or full_overdue = 1)",
              "full_responses_due"),
          count("holding_response_sent_at is not null and full_response_sent_at is not null", "full_after_holding"),
          count("holding_response_sent_at is not null and to_full <= " + full, "full_within"),
          count("holding_response_sent_at is not null and to_full > " + full
              + " and full_response_sent_at <= agreed_deadline_by", "full_by_agreement"),
          "count(full_response_sent_at) as answered",
          "count(revised_full_response_by) as revised_dates",
          "count(agreed_deadline_by) as agreed",
          // R8: met when the answer the agreement was for went by the agreed day.
          count("case when agreed_for_step = 'RESPONSE' then first_response_at else full_response_sent_at end"
              + " <= agreed_deadline_by", "agreed_met"),
          "sum(questions) as waits",
          "sum(replies) as waits_answered",
          "sum(stopped) as days_stopped",
          count("outcome = 'NO_RESPONSE_FROM_MEMBER'", "closed_no_reply"),
          "sum(open) as open_now",
          "count(to_allocate) as triaged",
          count("to_allocate <= " + ALLOCATE_WORKING_DAYS, "triaged_within"),
          "sum(beyond) as beyond");
    }

    /** R8: the first response later than its timescale, but by an agreed deadline that replaced it: on time. */
    private String respondedByAgreement() {
      return "to_respond > " + timescales.responseWorkingDays() + " and agreed_for_step = 'RESPONSE'"
          + " and first_response_at <= agreed_deadline_by";
    }

    /** R5, R8: the first responses due and those on time, per week of receipt and group. */
    List<Map<String, Object>> weekly() {
      return covering(() -> jdbc.sql(cases() + " select week, grp, " + String.join(", ",
              count("first_response_at is not null or response_overdue = 1", "responses_due"),
              count("to_respond <= " + timescales.responseWorkingDays(), "responded_within"),
              count(respondedByAgreement(), "responded_by_agreement"), "sum(beyond) as beyond")
              + " from x group by week, grp")
          .params(params()).query().listOfRows());
    }

    /** R10: the breaches of the cases in the range, summed per group. */
    List<Map<String, Object>> breaches() {
      String sql = withSpan() + "select grp, count(*) as breaches, " + String.join(", ",
          count("deadline_kind = 'ACKNOWLEDGEMENT'", "breaches_acknowledgement"),
          count("deadline_kind = 'RESPONSE'", "breaches_response"),
          count("deadline_kind = 'FULL_RESPONSE'", "breaches_full"),
          count("deadline_kind = 'REVISED_FULL_RESPONSE'", "breaches_revised"),
          count("escalated", "escalated"),
          count("outcome = 'RESOLVED_INFORMALLY'", "resolved_informally"),
          count("referred_to is not null or outcome in ('UPHELD', 'NOT_UPHELD')", "referred_breaches"),
          count("referred_to = :monitoringOfficer", "referred_to_monitoring_officer"),
          count("outcome = 'UPHELD'", "upheld"),
          count("outcome = 'NOT_UPHELD'", "not_upheld"),
          count("escalated and outcome is null", "awaiting_outcome"))
          + " from (select " + key() + " as grp, b.deadline_kind, b.escalated, b.outcome, b.referred_to"
          + from("breach b join enquiry e on e.process_instance_id = b.process_instance_id") + ") x group by grp";
      Map<String, Object> params = rangeParams(from, to, departmentScope);
      params.put("monitoringOfficer", Groups.MONITORING_OFFICER);
      return jdbc.sql(sql).params(params).query().listOfRows();
    }

    /** R3: the cases received per group and capacity. */
    Map<String, Map<String, Long>> capacities() {
      String sql = withSpan() + "select grp, capacity, count(*) as received from (select " + key() + " as grp,"
          + " coalesce(e.capacity, '" + Capacity.UNCLEAR.name() + "') as capacity" + from("enquiry e")
          + ") x group by grp, capacity";
      Map<String, Map<String, Long>> byGroup = new HashMap<>();
      for (Map<String, Object> row : jdbc.sql(sql).params(rangeParams(from, to, departmentScope)).query().listOfRows()) {
        byGroup.computeIfAbsent((String) row.get("grp"), k -> new HashMap<>())
            .put((String) row.get("capacity"), number(row, "received"));
      }
      return byGroup;
    }

    /** The span, when the group is the month of receipt (the only key that needs it). */
    private String withSpan() {
      return grouping == GroupBy.MONTH ? "with " + span.table("wd") + " " : "";
    }

    private String from(String tables) {
      return " from " + tables
          + (grouping == GroupBy.MONTH ? " join " + WorkingDaySpan.byDay("wd", true) + " rd on rd.d = "
              + WorkingDaySpan.day("e.received_at") : "")
          + " where " + rangeSql(departmentScope, "e.");
    }

    /** SQL: the group's key, as {@link TimelinessReport#key}. */
    private String key() {
      return switch (grouping) {
        case DEPARTMENT -> "e.department";
        case TEAM -> "coalesce(e.officer_group, e.department || '-officers')";
        case OFFICER -> "coalesce(e.officer_id, '" + UNALLOCATED + "')";
        case MONTH -> WorkingDaySpan.month("rd", "e.received_at");
      };
    }
  }

  private static String count(String condition, String name) {
    return "sum(case when " + condition + " then 1 else 0 end) as " + name;
  }

  private static String routeIs(Scope route, String parameter) {
    return "left(coalesce(referred_to, ''), " + route.route().length() + ") = :" + parameter;
  }

  private static final String OVERDUE_NOW = "overdue_now";
  /** The working days whose median and 90th percentile the figures give. */
  private static final String[] DAYS_MEASURED = {"to_allocate", "to_acknowledge", "to_respond"};
  /** The steps whose working days the figures count. */
  private static final String[] MOMENTS = {"e.triaged_at", "e.acknowledged_at", "e.holding_response_sent_at",
      "e.full_response_sent_at"};

  private static long number(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static Instant instant(Object value) {
    if (value == null) return null;
    if (value instanceof Timestamp timestamp) return timestamp.toInstant();
    if (value instanceof java.time.OffsetDateTime offset) return offset.toInstant();
    throw new IllegalStateException("Not a timestamp: " + value.getClass());
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
        && "RESPONSE".equals(c.agreedForStep()) && !firstResponse.isAfter(c.agreedDeadlineBy());

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
      Instant answer = "RESPONSE".equals(c.agreedForStep()) ? firstResponse : c.fullResponseSentAt();
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

  record Measured(boolean referred, boolean open, Integer toAllocate, boolean acknowledgementDue,
      Integer toAcknowledge, boolean acknowledgedOnTime, boolean responseDue, Integer toRespond,
      boolean respondedWithin, boolean respondedByAgreement, boolean fullResponseDue, boolean fullWithin,
      boolean fullByAgreement, boolean agreedMet, MissedDeadline overdueDeadline, Instant overdueDue,
      int workingDaysOverdue) {}

  /**
   * One group's figures as the database summed them (every count adds up across groups, so the total is the
   * groups' sum) and how many cases took how many working days, which the percentiles are read from.
   */
  private static final class Sums {
    private final Map<String, Long> counts = new LinkedCaseInsensitiveMap<>();
    private final Map<String, TreeMap<Integer, Long>> days = new HashMap<>();

    void add(Map<String, Object> row) {
      row.forEach((name, value) -> {
        if (value instanceof Number n) add(name, n.longValue());
      });
    }

    void add(String name, long n) {
      counts.merge(name, n, Long::sum);
    }

    void addDays(String measure, int workingDays, long cases) {
      days.computeIfAbsent(measure, k -> new TreeMap<>()).merge(workingDays, cases, Long::sum);
    }

    void addAll(Sums other) {
      other.counts.forEach(this::add);
      other.days.forEach((measure, histogram) -> histogram.forEach((d, n) -> addDays(measure, d, n)));
    }

    long get(String name) {
      return counts.getOrDefault(name, 0L);
    }

    /** Nearest rank: the smallest value with at least p% of the cases at or below it; null when there are none. */
    Integer percentile(String measure, int p) {
      TreeMap<Integer, Long> histogram = days.getOrDefault(measure, new TreeMap<>());
      long cases = histogram.values().stream().mapToLong(Long::longValue).sum();
      long rank = Math.max(1, (long) Math.ceil(p / 100.0 * cases));
      long seen = 0;
      for (Map.Entry<Integer, Long> value : histogram.entrySet()) {
        seen += value.getValue();
        if (seen >= rank) {
          return value.getKey();
        }
      }
      return null;
    }
  }

  /** One row of the figures: a group's sums and its cases per capacity. */
  private static TimelinessFigures.Row row(String group, String label, Sums s, Map<String, Long> capacities) {
    long respondedOnTime = s.get("responded_within") + s.get("responded_by_agreement");
    Map<String, Long> byCapacity = new HashMap<>(capacities);
    for (Capacity capacity : Capacity.values()) {
      byCapacity.putIfAbsent(capacity.name(), 0L);
    }
    return new TimelinessFigures.Row(group, label, s.get("received"), s.get("referred"),
        s.get("referred_to_complaints"), s.get("referred_to_code_of_conduct"), s.get("referred_to_service_requests"),
        s.get("acknowledgements_due"), s.get("acknowledged"), s.get("acknowledged_on_time"), s.get("responses_due"),
        s.get("responded"), s.get("responded_within"), s.get("responded_by_agreement"), respondedOnTime,
        s.get("holding_responses"), s.get("full_responses_due"), s.get("full_after_holding"), s.get("full_within"),
        s.get("full_by_agreement"), s.get("answered"), s.get("revised_dates"), s.get("agreed"), s.get("agreed_met"),
        s.get("waits"), s.get("waits_answered"), s.get("days_stopped"), s.get("closed_no_reply"), s.get("open_now"),
        s.get(OVERDUE_NOW), s.get("breaches"), s.get("breaches_acknowledgement"), s.get("breaches_response"),
        s.get("breaches_full"), s.get("breaches_revised"), s.get("escalated"), s.get("resolved_informally"),
        s.get("referred_breaches"), s.get("referred_to_monitoring_officer"), s.get("upheld"), s.get("not_upheld"),
        s.get("awaiting_outcome"), s.get("triaged"), s.get("triaged_within"),
        s.percentile("to_allocate", 50), s.percentile("to_allocate", 90),
        s.percentile("to_acknowledge", 50), s.percentile("to_acknowledge", 90),
        s.percentile("to_respond", 50), s.percentile("to_respond", 90),
        byCapacity.entrySet().stream().sorted(Map.Entry.comparingByKey(capacityOrder()))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, LinkedHashMap::new)),
        percent(s.get("acknowledged_on_time"), s.get("acknowledgements_due")), percent(respondedOnTime, s.get("responses_due")),
        percent(s.get("full_within") + s.get("full_by_agreement"), s.get("full_responses_due")));
  }

  private static Comparator<String> capacityOrder() {
    List<String> order = java.util.Arrays.stream(Capacity.values()).map(Capacity::name).toList();
    return Comparator.comparingInt((String name) -> order.contains(name) ? order.indexOf(name) : order.size())
        .thenComparing(Comparator.naturalOrder());
  }

  /** A share in percent with one decimal; null when nothing was due. */
  static Double percent(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
  }
}
