package org.memberenquiries.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.memberenquiries.security.Caller;
import org.memberenquiries.web.InvalidParameterException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The timeliness figures (R16) over HTTP: JSON, or CSV with {@code Accept: text/csv} or {@code format=csv}. */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports", description = "Timeliness figures for management (R16)")
public class TimelinessReportController {

  private final TimelinessReport report;

  public TimelinessReportController(TimelinessReport report) {
    this.report = report;
  }

  @GetMapping(value = "/timeliness", produces = {MediaType.APPLICATION_JSON_VALUE, TimelinessCsv.MEDIA_TYPE})
  @Operation(summary = "Timeliness figures per department, team, officer or month (R16)",
      description = "For the enquiries received from 'from' to 'to' (inclusive, receipt day in the council's zone):"
          + " received, referred by route (R1, R2), acknowledged on time (R4), answered within 10 working days (R5),"
          + " holding and full responses within 20 (R6, R7), revised and agreed deadlines (R8: a late answer within"
          + " an agreed deadline is on time, counted as 'on time by agreed deadline'), clarification waits (R9),"
          + " open and overdue now, breaches and outcomes (R10), time to allocate, median and 90th percentile"
          + " working days, volume by capacity (R3), and the overdue enquiries. Working days are R0's."
          + " Departments' managers see their departments; directors, the monitoring officer, Member Support and"
          + " administrators every department; anyone else 403. No enquiry text or Member details (R11).",
      responses = {
          @ApiResponse(responseCode = "200", description = "The figures", content = {
              @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = TimelinessFigures.class)),
              @Content(mediaType = TimelinessCsv.MEDIA_TYPE, schema = @Schema(type = "string",
                  description = "table=figures: one line per group, the total last; table=overdue: the overdue enquiries"))}),
          @ApiResponse(responseCode = "400", description = "A parameter missing or wrong (named in the problem)"),
          @ApiResponse(responseCode = "403", description = "Not a reader of the report")})
  ResponseEntity<Object> timeliness(
      @Parameter(description = "First receipt day, yyyy-MM-dd", required = true) @RequestParam(required = false) String from,
      @Parameter(description = "Last receipt day, yyyy-MM-dd (at most 3660 days after 'from')", required = true)
      @RequestParam(required = false) String to,
      @Parameter(description = "department (default), team, officer or month")
      @RequestParam(required = false) String groupBy,
      @Parameter(description = "json or csv; without it the Accept header decides")
      @RequestParam(required = false) String format,
      @Parameter(description = "For CSV: figures (default) or overdue")
      @RequestParam(required = false) String table,
      @RequestHeader(name = "Accept", required = false) String accept,
      Authentication user) {
    LocalDate first = date("from", from);
    LocalDate last = date("to", to);
    GroupBy grouping = GroupBy.DEPARTMENT;
    if (groupBy != null) {
      grouping = GroupBy.ofParameter(groupBy);
      if (grouping == null) {
        throw new InvalidParameterException("groupBy",
            "Parameter 'groupBy' must be department, team, officer or month; got '" + shorten(groupBy) + "'.");
      }
    }
    boolean csv = csv(format, accept);
    boolean overdueTable = false;
    if (table != null) {
      switch (table.trim().toLowerCase(Locale.ROOT)) {
        case "figures" -> overdueTable = false;
        case "overdue" -> overdueTable = true;
        default -> throw new InvalidParameterException("table",
            "Parameter 'table' must be figures or overdue; got '" + shorten(table) + "'.");
      }
    }
    TimelinessFigures figures = report.figures(Caller.of(user), first, last, grouping);
    if (!csv) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(figures);
    }
    String name = "timeliness-" + (overdueTable ? "overdue-" : grouping.parameter() + "-") + first + "-to-" + last + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .body(overdueTable ? TimelinessCsv.overdue(figures) : TimelinessCsv.figures(figures));
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidParameterException(name, "Parameter '" + name + "' is required (a date, yyyy-MM-dd).");
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(name,
          "Parameter '" + name + "' must be a date, yyyy-MM-dd; got '" + shorten(value) + "'.");
    }
  }

  /** format=csv or json decides; otherwise CSV when the Accept header asks for text/csv before any JSON. */
  private static boolean csv(String format, String accept) {
    if (format != null) {
      return switch (format.trim().toLowerCase(Locale.ROOT)) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw new InvalidParameterException("format",
            "Parameter 'format' must be json or csv; got '" + shorten(format) + "'.");
      };
    }
    if (accept == null) {
      return false;
    }
    List<MediaType> types;
    try {
      types = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      return false;
    }
    MediaType.sortBySpecificityAndQuality(types);
    for (MediaType type : types) {
      if (type.getQualityValue() == 0) {
        continue;
      }
      if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
        return true;
      }
      if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
        return false;
      }
    }
    return false;
  }

  private static String shorten(String value) {
    String text = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return text.replaceAll("\\p{Cntrl}", "?");
  }
}
