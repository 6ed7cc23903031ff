package org.memberenquiries.security;

import java.util.List;

/**
 * The roles of the product, as Camunda groups: the one list of who someone is for Spring Security,
 * Tasklist, Cockpit and Admin alike. Department officers and managers have a group per department
 * ({@code <department>-officers}, {@code <department>-managers}, see {@code Departments}).
 */
public final class Groups {

  public static final String MEMBERS = "members";
  public static final String MEMBER_SUPPORT = "member-support";
  public static final String EXECUTIVE_DIRECTOR = "executive-director";
  public static final String MONITORING_OFFICER = "monitoring-officer";
  public static final String CHIEF_FINANCIAL_OFFICER = "chief-financial-officer";
  public static final String CHIEF_EXECUTIVE = "chief-executive";
  public static final String PROCESS_OWNERS = "process-owners";
  /** Camunda's own administrators group: every permission in the engine and the webapps. */
  public static final String ADMINS = "camunda-admin";

  /** The groups that are not per department, with their display names. */
  public static final List<List<String>> FIXED = List.of(
      List.of(MEMBERS, "Members (councillors)"),
      List.of(MEMBER_SUPPORT, "Member Support"),
      List.of(EXECUTIVE_DIRECTOR, "Executive directors"),
      List.of(MONITORING_OFFICER, "Monitoring officer"),
      List.of(CHIEF_FINANCIAL_OFFICER, "Chief financial officer"),
      List.of(CHIEF_EXECUTIVE, "Chief executive"),
      List.of(PROCESS_OWNERS, "Process owners"),
      List.of(ADMINS, "Camunda administrators"));

  /** Referees of an escalated breach (R10). */
  public static final List<String> REFEREES = List.of(EXECUTIVE_DIRECTOR, MONITORING_OFFICER, CHIEF_FINANCIAL_OFFICER);

  private Groups() {}

  public static boolean isOfficerGroup(String group) {
    return group.endsWith("-officers");
  }

  public static boolean isManagerGroup(String group) {
    return group.endsWith("-managers");
  }
}
