package org.memberenquiries.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs the product's own bookkeeping inside a signed-in user's step without that user's Camunda
 * authorizations (a case's grants, an escalation it starts, the history a message or letter reads),
 * then restores the user: the work is the product's act, not the caller's.
 */
@Component
public class AsTheEngine {

  private final IdentityService identity;

  public AsTheEngine(IdentityService identity) {
    this.identity = identity;
  }

  public <T> T call(Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
