package org.memberenquiries.response;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param progressUpdateInterval R7: how often the officer is reminded to update the Member while a
 *     full response is late (ISO-8601 period, default a week).
 */
@ConfigurationProperties("enquiries.responses")
public record ResponseProperties(@DefaultValue("P7D") Period progressUpdateInterval) {

  /** The repeating timer cycle for the "Progress update due" timer, e.g. {@code R/P7D}. */
  public String progressUpdateCycle() {
    return "R/" + progressUpdateInterval;
  }
}
