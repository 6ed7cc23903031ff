package org.memberenquiries.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is calling, from the Spring Security login: their user id and Camunda groups. */
public record Caller(String id, Set<String> groups) {

  public static Caller of(Authentication authentication) {
    Set<String> groups = authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("GROUP_"))
        .map(a -> a.substring("GROUP_".length()))
        .collect(Collectors.toUnmodifiableSet());
    return new Caller(authentication.getName(), groups);
  }

  public boolean isMember() {
    return groups.contains(Groups.MEMBERS);
  }

  /** Member Support or a department's officer may log an enquiry on a Member's behalf. */
  public boolean mayLogOnBehalf() {
    return groups.contains(Groups.MEMBER_SUPPORT) || groups.stream().anyMatch(Groups::isOfficerGroup);
  }

  public boolean inGroup(String group) {
    return groups.contains(group);
  }
}
