package org.memberenquiries.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as people in the council write them, in the council's zone: "5pm, Monday 7 December
 * 2026", "10:30am, ...", "midday, ..."; a date alone is "Monday 7 December 2026" (the GOV.UK style the
 * Members' pages use too).
 */
public final class HumanDates {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  private HumanDates() {}

  public static String dateTime(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    return time(local) + ", " + DAY.format(local);
  }

  public static String date(LocalDate day) {
    return DAY.format(day);
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
