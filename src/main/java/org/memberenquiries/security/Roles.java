package org.memberenquiries.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Spring Security roles derived from Camunda group memberships. A Member is in {@code members};
 * everyone in any other group is staff (officers, managers, Member Support, referees, process
 * owners, administrators). Each group is also an authority {@code GROUP_<id>}.
 */
public final class Roles {

  public static final String MEMBER = "MEMBER";
  public static final String STAFF = "STAFF";
  public static final String OFFICER = "OFFICER";
  public static final String MANAGER = "MANAGER";
  public static final String MEMBER_SUPPORT = "MEMBER_SUPPORT";
  public static final String REFEREE = "REFEREE";
  public static final String PROCESS_OWNER = "PROCESS_OWNER";
  public static final String ADMIN = "ADMIN";

  private Roles() {}

  public static Set<String> authorities(Collection<String> groups) {
    Set<String> authorities = new LinkedHashSet<>();
    for (String group : groups) {
      authorities.add("GROUP_" + group);
      if (group.equals(Groups.MEMBERS)) {
        authorities.add("ROLE_" + MEMBER);
        continue;
      }
      authorities.add("ROLE_" + STAFF);
      if (Groups.isOfficerGroup(group)) authorities.add("ROLE_" + OFFICER);
      if (Groups.isManagerGroup(group)) authorities.add("ROLE_" + MANAGER);
      if (group.equals(Groups.MEMBER_SUPPORT)) authorities.add("ROLE_" + MEMBER_SUPPORT);
      if (Groups.REFEREES.contains(group) || group.equals(Groups.CHIEF_EXECUTIVE)) authorities.add("ROLE_" + REFEREE);
      if (group.equals(Groups.PROCESS_OWNERS)) authorities.add("ROLE_" + PROCESS_OWNER);
      if (group.equals(Groups.ADMINS)) authorities.add("ROLE_" + ADMIN);
    }
    return authorities;
  }
}
