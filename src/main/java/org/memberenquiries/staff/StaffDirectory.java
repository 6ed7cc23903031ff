package org.memberenquiries.staff;

import java.util.Comparator;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.memberenquiries.security.Groups;
import org.springframework.stereotype.Service;

/**
 * Who a member of staff is, as a Member reads it under an answer (R15: what the council sends goes out
 * in the name of the appropriate officer): their name and their role, from the identity service (the
 * role is the name of the council group they work in, e.g. "Highways and Transport officers").
 */
@Service
public class StaffDirectory {

  /** The name and role an answer is sent in. */
  public record Signatory(String name, String role) {}

  private final IdentityService identity;

  public StaffDirectory(IdentityService identity) {
    this.identity = identity;
  }

  public Optional<Signatory> signatory(String userId) {
    if (userId == null || userId.isBlank()) {
      return Optional.empty();
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return Optional.empty();
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    String role = identity.createGroupQuery().groupMember(userId).list().stream()
        .filter(group -> !Groups.MEMBERS.equals(group.getId()) && !Groups.ADMINS.equals(group.getId()))
        .sorted(Comparator.comparing(StaffDirectory::rank).thenComparing(Group::getId))
        .map(group -> group.getName() == null ? group.getId() : group.getName())
        .findFirst().orElse(null);
    return Optional.of(new Signatory(name.isEmpty() ? userId : name, role));
  }

  /** A department's officers' or managers' group says most about who answered. */
  private static int rank(Group group) {
    return Groups.isOfficerGroup(group.getId()) || Groups.isManagerGroup(group.getId()) ? 0 : 1;
  }
}
