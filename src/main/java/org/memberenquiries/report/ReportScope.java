package org.memberenquiries.report;

import java.util.Set;

/**
 * Whose figures a caller sees (issue 9 item 6, R11): every department (directors, the monitoring
 * officer, Member Support, administrators) or their own departments (a department's managers).
 */
public record ReportScope(boolean everyDepartment, Set<String> departments) {

  public static ReportScope all() {
    return new ReportScope(true, Set.of());
  }

  public static ReportScope of(Set<String> departments) {
    return new ReportScope(false, Set.copyOf(departments));
  }

  public boolean covers(String department) {
    return everyDepartment || departments.contains(department);
  }

  /** Nothing to see: not a reader of the report. */
  public boolean isEmpty() {
    return !everyDepartment && departments.isEmpty();
  }
}
