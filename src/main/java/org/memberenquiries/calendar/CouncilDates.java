package org.memberenquiries.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one way every date shown to a Member is written (issue 13 item 8): on the Members' pages, in
 * the emails, and inside the texts recorded as sent to them (a holding response's estimated date, a
 * revised date, an agreed deadline). In the council's zone, the GOV.UK way: "5pm, Tuesday 24 November
 * 2026" for a moment, "Friday 18 December 2026" for a day. The API keeps ISO-8601 in its date fields
 * (for programs); the texts it carries are written this way too.
 */
@Component
public class CouncilDates {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  private final ZoneId zone;

  @Autowired
  public CouncilDates(WorkingCalendar calendar) {
    this(calendar.zone());
  }

  public CouncilDates(ZoneId zone) {
    this.zone = zone;
  }

  /** "5pm, Tuesday 24 November 2026"; "10:30am, ..."; "midday, ..."; empty for no date. */
  public String dateTime(OffsetDateTime at) {
    return dateTime(at, zone);
  }

  public String dateTime(Instant at) {
    return at == null ? "" : dateTime(at.atZone(zone).toOffsetDateTime(), zone);
  }

  /** "Tuesday 24 November 2026", the day in the council's zone; empty for no date. */
  public String date(OffsetDateTime at) {
    return at == null ? "" : DAY.format(at.atZoneSameInstant(zone));
  }

  public String date(Instant at) {
    return at == null ? "" : DAY.format(at.atZone(zone));
  }

  /** A calendar day (an estimated, revised or agreed date): "Friday 18 December 2026". */
  public static String date(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }

  public static String dateTime(OffsetDateTime at, ZoneId zone) {
    if (at == null) {
      return "";
    }
    ZonedDateTime local = at.atZoneSameInstant(zone);
    return time(local) + ", " + DAY.format(local);
  }

  static String time(ZonedDateTime local) {
    int hour = local.getHour();
    int minute = local.getMinute();
    if (minute == 0 && hour == 12) {
      return "midday";
    }
    if (minute == 0 && hour == 0) {
      return "midnight";
    }
    int clock = hour % 12 == 0 ? 12 : hour % 12;
    String suffix = hour < 12 ? "am" : "pm";
    return minute == 0 ? clock + suffix : String.format("%d:%02d%s", clock, minute, suffix);
  }
}
