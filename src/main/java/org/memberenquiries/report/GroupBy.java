package org.memberenquiries.report;

import java.util.Locale;

/** How the timeliness figures are grouped (R16): one row per department, team, officer or month of receipt. */
public enum GroupBy {
  /** The department the enquiry is for. */
  DEPARTMENT,
  /** The team: the officers' group (Tasklist queue) the enquiry was triaged in. */
  TEAM,
  /** The officer who last wrote to the Member in their name (R15); "unallocated" before anyone did. */
  OFFICER,
  /** The month of receipt, yyyy-MM, in the council's zone. */
  MONTH;

  /** The request parameter's spelling: {@code department}, {@code team}, {@code officer}, {@code month}. */
  public String parameter() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a request parameter, any case; null if it names no grouping. */
  public static GroupBy ofParameter(String value) {
    if (value == null) {
      return null;
    }
    for (GroupBy groupBy : values()) {
      if (groupBy.name().equalsIgnoreCase(value.trim())) {
        return groupBy;
      }
    }
    return null;
  }
}
