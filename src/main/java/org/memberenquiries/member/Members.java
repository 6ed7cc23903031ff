package org.memberenquiries.member;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.memberenquiries.security.Groups;
import org.springframework.stereotype.Service;

/** The council's Members (councillors): users of the identity service in the {@code members} group. */
@Service
public class Members {

  private final IdentityService identity;

  public Members(IdentityService identity) {
    this.identity = identity;
  }

  public Optional<User> find(String userId) {
    if (userId == null || userId.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        identity.createUserQuery().userId(userId).memberOfGroup(Groups.MEMBERS).singleResult());
  }

  /** Every Member, by name: whom a Member may share an enquiry with (R11). */
  public List<User> all() {
    return identity.createUserQuery().memberOfGroup(Groups.MEMBERS).list().stream()
        .sorted(Comparator.comparing(Members::displayName).thenComparing(User::getId))
        .toList();
  }

  public static String displayName(User member) {
    String name = ((member.getFirstName() == null ? "" : member.getFirstName()) + " "
        + (member.getLastName() == null ? "" : member.getLastName())).trim();
    return name.isEmpty() ? member.getId() : "Cllr " + name;
  }
}
