package org.memberenquiries.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** The log message ({@code %m}), without the values of a database error (see {@link DatabaseValues}). */
public class RedactedMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return DatabaseValues.redact(super.convert(event));
  }
}
