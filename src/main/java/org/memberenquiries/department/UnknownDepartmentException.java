package org.memberenquiries.department;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/** A department id that is not configured: a caller's mistake, reported as 400 by the engine REST API. */
public class UnknownDepartmentException extends BadUserRequestException {

  public UnknownDepartmentException(String id, List<String> known) {
    super("Unknown department '" + id + "'; expected one of " + known);
  }
}
