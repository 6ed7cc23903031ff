package org.memberenquiries.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads typed values from process variables. Values arrive as Java dates from the API and as
 * ISO-8601 strings from Camunda Forms; both are accepted, anything else is a caller's mistake.
 */
public final class Variables {

  private Variables() {}

  public static String requireText(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new BadUserRequestException("Variable '" + name + "' is required");
    }
    return value.toString().trim();
  }

  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  /** An instant: a Date, or an ISO-8601 date-time with or without offset (then in the given zone). */
  public static Instant instant(VariableScope scope, String name, ZoneId zone) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    String text = value.toString().trim();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        throw new BadUserRequestException(
            "Variable '" + name + "' must be an ISO-8601 date-time, e.g. 2026-11-23T10:15:00Z; got '" + text + "'");
      }
    }
  }

  /** A calendar date: a Date (taken in the given zone), or an ISO-8601 date, or the date part of a date-time. */
  public static LocalDate date(VariableScope scope, String name, ZoneId zone) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(zone).toLocalDate();
    }
    String text = value.toString().trim();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new BadUserRequestException(
          "Variable '" + name + "' must be an ISO-8601 date, e.g. 2026-12-04; got '" + text + "'");
    }
  }
}
