package org.memberenquiries.report;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The timeliness figures as CSV (RFC 4180, CRLF line ends), column for column the JSON's fields, so the
 * API, the dashboard's downloads and the JSON agree by construction: {@link #figures} one line per group
 * and the total last ({@code byCapacity} spread over a column per capacity, {@code capacity_<NAME>}),
 * {@link #overdue} one line per overdue enquiry. A text beginning with {@code = + - @} is prefixed with
 * an apostrophe so a spreadsheet does not run it as a formula.
 */
public final class TimelinessCsv {

  public static final String MEDIA_TYPE = "text/csv";

  private TimelinessCsv() {}

  public static String figures(TimelinessFigures figures) {
    List<TimelinessFigures.Row> rows = new ArrayList<>(figures.rows());
    rows.add(figures.total());
    List<String> header = new ArrayList<>();
    for (RecordComponent component : TimelinessFigures.Row.class.getRecordComponents()) {
      if (component.getType() == Map.class) {
        figures.total().byCapacity().keySet().forEach(capacity -> header.add("capacity_" + capacity));
      } else {
        header.add(component.getName());
      }
    }
    StringBuilder csv = new StringBuilder();
    line(csv, header);
    for (TimelinessFigures.Row row : rows) {
      List<String> cells = new ArrayList<>();
      for (RecordComponent component : TimelinessFigures.Row.class.getRecordComponents()) {
        Object value = value(component, row);
        if (value instanceof Map<?, ?> byCapacity) {
          figures.total().byCapacity().keySet().forEach(capacity -> cells.add(text(byCapacity.get(capacity) == null ? 0L : byCapacity.get(capacity))));
        } else {
          cells.add(text(value));
        }
      }
      line(csv, cells);
    }
    return csv.toString();
  }

  public static String overdue(TimelinessFigures figures) {
    StringBuilder csv = new StringBuilder();
    List<String> header = new ArrayList<>();
    for (RecordComponent component : OverdueEnquiry.class.getRecordComponents()) {
      header.add(component.getName());
    }
    line(csv, header);
    for (OverdueEnquiry overdue : figures.overdue()) {
      List<String> cells = new ArrayList<>();
      for (RecordComponent component : OverdueEnquiry.class.getRecordComponents()) {
        cells.add(text(value(component, overdue)));
      }
      line(csv, cells);
    }
    return csv.toString();
  }

  private static Object value(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static void line(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(cells.get(i)));
    }
    csv.append("\r\n");
  }

  static String cell(String value) {
    String text = value;
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
