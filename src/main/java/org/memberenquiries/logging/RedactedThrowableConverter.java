package org.memberenquiries.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** The exception and its causes ({@code %wEx}), without the values of a database error (see {@link DatabaseValues}). */
public class RedactedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return DatabaseValues.redact(super.convert(event));
  }
}
