package org.memberenquiries.calendarchange;

/** What a day off added at run time is (R0): both stop the clock alike; the kind is for the record. */
public enum DayOffKind {
  /** A council closure day (e.g. between Christmas and New Year, or an emergency closure). */
  CLOSURE_DAY,
  /** A bank holiday proclaimed after the published list, like the state funeral of 19 September 2022. */
  BANK_HOLIDAY
}
