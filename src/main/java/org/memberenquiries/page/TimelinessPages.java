package org.memberenquiries.page;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.dashboard.TimelinessDashboard;
import org.memberenquiries.department.DepartmentProperties.Department;
import org.memberenquiries.enquiry.EnquiryAccess;
import org.memberenquiries.report.TimelinessCsv;
import org.memberenquiries.report.TimelinessFigures;
import org.memberenquiries.security.Caller;
import org.memberenquiries.web.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The timeliness dashboard (issue 9 item 3, R16) for departments' managers (their departments), directors,
 * the monitoring officer, Member Support and administrators (every department); anyone else 403. The
 * headline on-time percentages against the target, a weekly chart with its table, the figures per department
 * and the overdue list, each table also as CSV. A bad range is a 400 page naming the field, never a 5xx.
 */
@Controller
public class TimelinessPages {

  private final TimelinessDashboard dashboard;
  private final EnquiryAccess access;
  private final PageText text;

  public TimelinessPages(TimelinessDashboard dashboard, EnquiryAccess access, PageText text) {
    this.dashboard = dashboard;
    this.access = access;
    this.text = text;
  }

  @GetMapping("/staff/timeliness")
  String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      Authentication user, Model model, HttpServletResponse response) {
    Caller caller = Caller.of(user);
    if (!dashboard.maySee(caller)) {
      throw new AccessDeniedException("The timeliness dashboard is for those who read the timeliness report");
    }
    Range range = range(from, to);
    model.addAttribute("title", "Timeliness of Member enquiries");
    model.addAttribute("fmt", text);
    model.addAttribute("from", range.fromText());
    model.addAttribute("to", range.toText());
    model.addAttribute("errors", range.errors());
    if (!range.errors().isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "staff/timeliness";
    }
    TimelinessDashboard.View view;
    try {
      view = dashboard.view(caller, range.from(), range.to());
    } catch (InvalidParameterException e) { // the report's own check, should ours ever let a range through
      range.errors().put(e.parameter(), e.getMessage());
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "staff/timeliness";
    }
    model.addAttribute("view", view);
    model.addAttribute("figures", view.figures());
    model.addAttribute("period", text.day(range.from()) + " to " + text.day(range.to()));
    model.addAttribute("mayOpenCases", access.maySearch(caller));
    model.addAttribute("csvDepartments", csvUrl("departments", range));
    model.addAttribute("csvWeekly", csvUrl("weekly", range));
    model.addAttribute("csvOverdue", csvUrl("overdue", range));
    return "staff/timeliness";
  }

  /** Each table of the page as CSV: departments and overdue as the report API writes them; weekly the chart's table. */
  @GetMapping("/staff/timeliness/{table}.csv")
  ResponseEntity<String> csv(@PathVariable String table, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Authentication user) {
    Caller caller = Caller.of(user);
    if (!dashboard.maySee(caller)) {
      throw new AccessDeniedException("The timeliness figures are for those who read the timeliness report");
    }
    if (!List.of("departments", "weekly", "overdue").contains(table)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    Range range = range(from, to);
    if (!range.errors().isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join(" ", range.errors().values()));
    }
    String body = switch (table) {
      case "departments" -> TimelinessCsv.figures(dashboard.figures(caller, range.from(), range.to()));
      case "overdue" -> TimelinessCsv.overdue(dashboard.figures(caller, range.from(), range.to()));
      default -> weekly(dashboard.view(caller, range.from(), range.to()));
    };
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"timeliness-" + table + "-" + range.from() + "-to-"
            + range.to() + ".csv\"")
        .body(body);
  }

  /** The chart's table: one line a week, for each department the R5 figure, how many on time and how many due. */
  static String weekly(TimelinessDashboard.View view) {
    List<String> header = new ArrayList<>(List.of("weekStart", "weekEnd"));
    for (Department department : view.departments()) {
      header.add(department.id() + "_percentRespondedOnTime");
      header.add(department.id() + "_respondedOnTime");
      header.add(department.id() + "_responsesDue");
    }
    StringBuilder csv = new StringBuilder(String.join(",", header)).append("\r\n");
    for (TimelinessDashboard.Week week : view.weeks()) {
      csv.append(week.start()).append(',').append(week.end());
      for (TimelinessDashboard.Cell cell : week.cells()) {
        csv.append(',').append(cell.percent() == null ? "" : cell.percent().toString())
            .append(',').append(cell.onTime()).append(',').append(cell.due());
      }
      csv.append("\r\n");
    }
    return csv.toString();
  }

  /**
   * The range asked for: both days, or one (the other from the default length), or neither (the default
   * weeks up to today). Errors name the field as the form labels it.
   */
  Range range(String fromText, String toText) {
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate from = day("from", "start date", fromText, errors);
    LocalDate to = day("to", "end date", toText, errors);
    if (errors.isEmpty()) {
      LocalDate today = dashboard.today();
      if (from == null && to == null) {
        from = dashboard.defaultFrom();
        to = today;
      } else if (to == null) {
        to = from.isAfter(today) ? from : today;
      } else if (from == null) {
        from = dashboard.defaultFrom(to);
      }
      if (to.isBefore(from)) {
        errors.put("to", "The end date must be the same as or after the start date");
      } else if (TimelinessDashboard.days(from, to) > TimelinessDashboard.MAX_RANGE_DAYS) {
        errors.put("to", "Choose at most " + TimelinessDashboard.MAX_RANGE_DAYS
            + " days (a year) here; the timeliness report API covers longer ranges");
      }
    }
    return new Range(from, to, fromText != null ? fromText : from == null ? "" : from.toString(),
        toText != null ? toText : to == null ? "" : to.toString(), errors);
  }

  private static LocalDate day(String field, String label, String value, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(value.trim());
      if (day.getYear() < WorkingCalendar.FIRST_YEAR || day.getYear() > WorkingCalendar.LAST_YEAR) {
        errors.put(field, "The " + label + " must be between " + WorkingCalendar.FIRST_YEAR + " and "
            + WorkingCalendar.LAST_YEAR);
        return null;
      }
      return day;
    } catch (DateTimeParseException e) {
      errors.put(field, "Enter the " + label + " as a real date, for example 2026-09-01");
      return null;
    }
  }

  private static String csvUrl(String table, Range range) {
    return UriComponentsBuilder.fromPath("/staff/timeliness/" + table + ".csv")
        .queryParam("from", range.from()).queryParam("to", range.to()).toUriString();
  }

  record Range(LocalDate from, LocalDate to, String fromText, String toText, Map<String, String> errors) {}
}
