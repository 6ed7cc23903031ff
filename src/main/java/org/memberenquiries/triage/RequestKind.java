package org.memberenquiries.triage;

import java.util.Arrays;
import org.camunda.bpm.engine.BadUserRequestException;

/** R1, R2: what the Member is asking for, as decided at triage. Input of the enquiry-scope decision. */
public enum RequestKind {
  QUESTION,
  COMPLAINT_FOR_CONSTITUENT,
  CODE_OF_CONDUCT_ALLEGATION,
  SERVICE_REQUEST,
  PROGRESS_UPDATE;

  static RequestKind of(String name, String value) {
    try {
      return valueOf(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BadUserRequestException(
          "R1, R2: '" + name + "' must be one of " + Arrays.toString(values()) + "; got '" + value + "'");
    }
  }
}
