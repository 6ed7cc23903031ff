package org.memberenquiries.capacity;

import java.util.Arrays;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * R3: the capacity a Member asks in. {@link #UNCLEAR} means the officer must ask the Member; the
 * councillor capacity is never assumed.
 */
public enum Capacity {
  COUNTY_COUNCILLOR("County councillor for a constituent"),
  CABINET_OR_COMMITTEE_MEMBER("Cabinet or committee member"),
  DISTRICT_OR_PARISH_COUNCILLOR("District or parish councillor"),
  EXTERNAL_ORGANISATION("On behalf of an external organisation"),
  GENERAL_OR_PERSONAL("General interest or personal"),
  UNCLEAR("Unclear: the Member is asked");

  private final String label;

  Capacity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Only a Member asking as county councillor for a constituent may receive councillor-only information (R3). */
  public boolean isCouncillor() {
    return this == COUNTY_COUNCILLOR;
  }

  /** Parses a capacity sent by a caller; an unknown value is the caller's mistake, named in the message. */
  public static Capacity of(String name, String value) {
    try {
      return valueOf(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BadUserRequestException(
          "R3: '" + name + "' must be one of " + Arrays.toString(values()) + "; got '" + value + "'");
    }
  }
}
