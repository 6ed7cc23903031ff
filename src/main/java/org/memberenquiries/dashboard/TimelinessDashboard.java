package org.memberenquiries.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.department.DepartmentProperties.Department;
import org.memberenquiries.department.Departments;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.report.GroupBy;
import org.memberenquiries.report.ReportScope;
import org.memberenquiries.report.TimelinessFigures;
import org.memberenquiries.report.TimelinessReport;
import org.memberenquiries.security.Caller;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * What the timeliness dashboard shows (issue 9 item 3, R16), read from the one query service,
 * {@link TimelinessReport}, so the page, its CSV files, the Cockpit plugin and {@code GET /api/reports/timeliness}
 * agree: the figures per department for the range, and each week's R5 figure per department, which the report
 * counts for all the chart's weeks in one query, as it would for that Monday to Sunday alone. Nothing is counted here.
 */
@Service
public class TimelinessDashboard {

  /** The longest range the page shows (a year and a day); longer ranges are the API's. */
  public static final int MAX_RANGE_DAYS = 366;

  private final TimelinessReport report;
  private final DashboardProperties properties;
  private final Departments departments;
  private final WorkingCalendar calendar;
  private final EngineClock clock;

  public TimelinessDashboard(TimelinessReport report, DashboardProperties properties, Departments departments,
      WorkingCalendar calendar, EngineClock clock) {
    this.report = report;
    this.properties = properties;
    this.departments = departments;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Whether the caller may see the figures at all: the report's readers (managers their departments'). */
  public boolean maySee(Caller caller) {
    return report.maySee(caller);
  }

  public double target() {
    return properties.onTimeTargetPercent();
  }

  /** Today in the council's zone, by the engine's clock (tests drive it). */
  public LocalDate today() {
    return clock.now().atZone(calendar.zone()).toLocalDate();
  }

  /** The default range: whole weeks from Monday, the configured number of them, up to today. */
  public LocalDate defaultFrom() {
    return defaultFrom(today());
  }

  /** The Monday that starts the default number of weeks ending with the week of this day. */
  public LocalDate defaultFrom(LocalDate to) {
    return to.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(properties.defaultWeeks() - 1L);
  }

  /** The figures per department for the range, in the caller's scope (403 for anyone else). */
  public TimelinessFigures figures(Caller caller, LocalDate from, LocalDate to) {
    return report.figures(scope(caller), from, to, GroupBy.DEPARTMENT);
  }

  /** The page's whole view: the figures per department, each of the last weeks', and the target. */
  public View view(Caller caller, LocalDate from, LocalDate to) {
    ReportScope scope = scope(caller);
    TimelinessFigures figures = report.figures(scope, from, to, GroupBy.DEPARTMENT);
    List<Department> shown = departments.all().stream().filter(d -> scope.covers(d.id())).toList();
    LocalDate lastMonday = to.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate chartMonday = lastMonday.minusWeeks(properties.chartWeeks() - 1L);
    LocalDate chartFrom = from.isBefore(chartMonday) ? chartMonday : from;
    Map<LocalDate, Map<String, TimelinessReport.WeekOnTime>> byWeek = new HashMap<>();
    for (TimelinessReport.WeekOnTime week : report.weeklyResponses(scope, chartFrom, to)) {
      byWeek.computeIfAbsent(week.week(), k -> new HashMap<>()).put(week.department(), week);
    }
    List<Week> weeks = new ArrayList<>();
    for (LocalDate monday = chartFrom.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !monday.isAfter(to);
        monday = monday.plusWeeks(1)) {
      LocalDate start = monday.isBefore(chartFrom) ? chartFrom : monday;
      LocalDate sunday = monday.plusDays(6);
      Map<String, TimelinessReport.WeekOnTime> week = byWeek.getOrDefault(monday, Map.of());
      List<Cell> cells = new ArrayList<>();
      for (Department department : shown) {
        TimelinessReport.WeekOnTime figure = week.get(department.id());
        cells.add(figure == null ? new Cell(null, 0, 0) : new Cell(figure.percent(), figure.onTime(), figure.due()));
      }
      weeks.add(new Week(start, sunday.isAfter(to) ? to : sunday, cells));
    }
    return new View(figures, shown, weeks, properties.onTimeTargetPercent(), properties.chartWeeks());
  }

  private ReportScope scope(Caller caller) {
    ReportScope scope = report.scope(caller);
    if (scope.isEmpty()) {
      throw new AccessDeniedException("The timeliness figures are for departments' managers, directors,"
          + " the monitoring officer, Member Support and administrators");
    }
    return scope;
  }

  /** Days in a range, both ends included. */
  public static long days(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /**
   * The page's figures: per department (and the total) for the range, the departments the caller covers,
   * and for each of the range's last weeks (Monday to Sunday, cut to the range; {@code chart-weeks} of them at
   * most) each department's R5 figure.
   */
  public record View(TimelinessFigures figures, List<Department> departments, List<Week> weeks, double target,
      int chartWeeks) {

    /** Whether a percentage (null: nothing was due) is below the target. */
    public boolean belowTarget(Double percent) {
      return percent != null && percent < target;
    }
  }

  /** One week of receipt, and each shown department's figure for it, in the order of {@link View#departments()}. */
  public record Week(LocalDate start, LocalDate end, List<Cell> cells) {}

  /**
   * R5, R8: of the enquiries received that week whose first response was due, the share answered on time
   * (null when none was due yet).
   */
  public record Cell(Double percent, long onTime, long due) {}
}
