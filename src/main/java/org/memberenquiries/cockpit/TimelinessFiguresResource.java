package org.memberenquiries.cockpit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.memberenquiries.dashboard.TimelinessDashboard;
import org.memberenquiries.report.TimelinessFigures;
import org.memberenquiries.report.TimelinessReport;
import org.memberenquiries.security.Caller;
import org.memberenquiries.web.InvalidParameterException;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET /camunda/api/cockpit/plugin/timeliness/{engine}/figures?from=&to=} (issue 9 item 4, R16): the
 * headline timeliness figures per department and the overdue count, for the caller's scope, read from the
 * report's one query service through the dashboard ({@link TimelinessDashboard}), so Cockpit shows what the
 * page and {@code GET /api/reports/timeliness} show. The signed-in user is Spring Security's (the webapps
 * share its session, {@code security.CamundaSingleSignOn}); who may see which department is the report's
 * rule: a department's managers their own, directors, the monitoring officer, Member Support and
 * administrators every one, anyone else 403 (Camunda's filter lets any signed-in staff member reach a
 * plugin's API, so the check is here). Without dates: the dashboard's default weeks up to today.
 * Counts and percentages only: no enquiry text, Member or reference (R11).
 */
public class TimelinessFiguresResource extends AbstractCockpitPluginResource {

  private final TimelinessDashboard dashboard;
  private final ObjectMapper json;

  public TimelinessFiguresResource(String engineName, ApplicationContext beans) {
    super(engineName);
    this.dashboard = beans.getBean(TimelinessDashboard.class);
    this.json = beans.getBean(ObjectMapper.class);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response figures(@QueryParam("from") String from, @QueryParam("to") String to) {
    getProcessEngine(); // an unknown engine name: Camunda's 404
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
      return problem(Response.Status.UNAUTHORIZED, "Sign in first");
    }
    Caller caller = Caller.of(user);
    if (!dashboard.maySee(caller)) { // before the dates: who may not read the figures learns nothing from them
      return problem(Response.Status.FORBIDDEN, "The timeliness figures are for departments' managers, directors,"
          + " the monitoring officer, Member Support and administrators");
    }
    try {
      LocalDate last = day("to", to, dashboard.today());
      LocalDate first = day("from", from, dashboard.defaultFrom(last));
      TimelinessReport.validate(first, last);
      TimelinessFigures figures = dashboard.figures(caller, first, last);
      return Response.ok(json.writeValueAsString(CockpitFigures.of(figures, dashboard.target())),
          MediaType.APPLICATION_JSON_TYPE).build();
    } catch (AccessDeniedException e) {
      return problem(Response.Status.FORBIDDEN, e.getMessage());
    } catch (InvalidParameterException e) {
      return problem(Response.Status.BAD_REQUEST, e.getMessage());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LocalDate day(String name, String value, LocalDate otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(name, "Parameter '" + name + "' must be a date, yyyy-MM-dd.");
    }
  }

  /** An error in the shape of Camunda's own API errors ({@code type}, {@code message}). */
  private static Response problem(Response.Status status, String message) {
    String type = switch (status) {
      case UNAUTHORIZED -> "Unauthorized";
      case FORBIDDEN -> "Forbidden";
      default -> "BadRequest";
    };
    try {
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(new ObjectMapper().writeValueAsString(Map.of("type", type, "message", message))).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the plugin shows: per department and in total, the three on-time percentages and the overdue count. */
  record CockpitFigures(LocalDate from, LocalDate to, String asAt, double target, boolean everyDepartment,
      List<Line> departments, Line total, String dashboard) {

    static CockpitFigures of(TimelinessFigures figures, double target) {
      return new CockpitFigures(figures.from(), figures.to(), figures.asAt().toString(), target,
          figures.everyDepartment(), figures.rows().stream().map(Line::of).toList(), Line.of(figures.total()),
          UriComponentsBuilder.fromPath("/staff/timeliness").queryParam("from", figures.from())
              .queryParam("to", figures.to()).toUriString());
    }
  }

  /** One department's headline figures (or the total's). Percentages are absent when nothing was due. */
  record Line(String id, String name, long received, Double percentAcknowledgedOnTime, long acknowledgementsDue,
      Double percentRespondedOnTime, long responsesDue, Double percentFullResponsesOnTime, long fullResponsesDue,
      long openNow, long overdueNow) {

    static Line of(TimelinessFigures.Row row) {
      return new Line(row.group(), row.label(), row.received(), row.percentAcknowledgedOnTime(),
          row.acknowledgementsDue(), row.percentRespondedOnTime(), row.responsesDue(), row.percentFullResponsesOnTime(),
          row.fullResponsesDue(), row.openNow(), row.overdueNow());
    }
  }
}
