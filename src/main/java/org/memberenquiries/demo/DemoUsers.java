package org.memberenquiries.demo;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.memberenquiries.security.Groups;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.memberenquiries.department.DepartmentProperties.Department;
import org.memberenquiries.department.Departments;
import org.memberenquiries.engine.Seeding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo run (the default profile) seeds one user per role so a newcomer can log in: two Members,
 * Member Support, the referees, a process owner, and an officer and a manager per department. Every
 * demo password is "demo" (stored hashed); no other profile seeds anyone.
 */
@Component
@Profile("demo")
public class DemoUsers {

  static final String PASSWORD = "demo";
  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identity;
  private final Departments departments;
  private final Seeding seeding;

  public DemoUsers(IdentityService identity, Departments departments, Seeding seeding) {
    this.identity = identity;
    this.departments = departments;
    this.seeding = seeding;
  }

  /** The ids of every demo user (the demo's administrator, admin, is configuration's, not listed here). */
  public static List<String> ids(Departments departments) {
    List<String> ids = new ArrayList<>(List.of("cllr.lovelace", "cllr.babbage", "support", "director",
        "monitoring", "cfo", "chief", "owner"));
    for (Department department : departments.all()) {
      ids.add("officer." + department.id());
      ids.add("manager." + department.id());
    }
    return ids;
  }

  @EventListener
  @Order(3) // after the role groups exist (CamundaAuthorizations) and the administrator (FirstAdmin)
  public void seed(ApplicationStartedEvent event) {
    seeding.exclusively("demo users", this::seed);
  }

  /** Adds the demo users that are missing. */
  public void seed() {
    user("cllr.lovelace", "Ada", "Lovelace", Groups.MEMBERS);
    user("cllr.babbage", "Charles", "Babbage", Groups.MEMBERS);
    user("support", "Sam", "Support", Groups.MEMBER_SUPPORT);
    user("director", "Dana", "Director", Groups.EXECUTIVE_DIRECTOR);
    user("monitoring", "Morgan", "Monitoring", Groups.MONITORING_OFFICER);
    user("cfo", "Chris", "Finance", Groups.CHIEF_FINANCIAL_OFFICER);
    user("chief", "Casey", "Chief-Executive", Groups.CHIEF_EXECUTIVE);
    user("owner", "Pat", "Process-Owner", Groups.PROCESS_OWNERS);
    for (Department department : departments.all()) {
      user("officer." + department.id(), "Officer", department.name(), Departments.officerGroup(department.id()));
      user("manager." + department.id(), "Manager", department.name(), Departments.managerGroup(department.id()));
    }
    LOG.info("Demo users seeded (password '{}'): cllr.lovelace, cllr.babbage (Members), support, director,"
        + " monitoring, cfo, chief, owner, officer.<department>, manager.<department>; admin/demo is the"
        + " first administrator", PASSWORD);
  }

  private void user(String id, String first, String last, String groupId) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(first);
      user.setLastName(last);
      user.setEmail(id + "@council.example");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(id, groupId);
    }
  }
}
