package org.memberenquiries.engine;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Now" as the process engine sees it. Deadlines, breaches and communications are stamped with the
 * engine's clock so that timers and records agree, and tests can move time with the engine clock.
 * Camunda 7 has no public API for its clock; this is the one place that reaches into it.
 */
@Component
public class EngineClock {

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
