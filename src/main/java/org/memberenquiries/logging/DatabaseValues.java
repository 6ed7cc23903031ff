package org.memberenquiries.logging;

import java.util.regex.Pattern;

/**
 * Issue 7 item 16: a database error must not write the value that failed (an enquiry's text, a
 * Member's reply) to the application log. Drivers put values in their messages (H2: "Value too long
 * for column ...: 'the text...'", a unique violation's key values; PostgreSQL's JDBC driver a failed
 * batch entry's parameters, which the postgres profile also turns off with logServerErrorDetail=false),
 * and the engine and Spring repeat those messages. In any log text that reads as a database error,
 * every SQL string literal becomes {@value #REDACTED}.
 */
public final class DatabaseValues {

  static final String REDACTED = "'(value not logged)'";

  private static final Pattern DATABASE_ERROR = Pattern.compile(
      "(?i)(sql|jdbc|batch entry|### |value too long|violation|constraint|persistence)");
  /** A quoted SQL literal ('' escapes a quote), or one the driver cut off, up to the end of its line. */
  private static final Pattern LITERAL = Pattern.compile("'(?:[^'\\r\\n]|'')*(?:'|$)", Pattern.MULTILINE);

  private DatabaseValues() {}

  public static String redact(String text) {
    if (text == null || text.indexOf('\'') < 0 || !DATABASE_ERROR.matcher(text).find()) {
      return text;
    }
    return LITERAL.matcher(text).replaceAll(REDACTED);
  }
}
