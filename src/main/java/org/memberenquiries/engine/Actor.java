package org.memberenquiries.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who caused a service task to run, for the audit trail: the logged-in user, if any (else the engine). */
public final class Actor {

  private Actor() {}

  public static String of(DelegateExecution execution) {
    Authentication current =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }
}
