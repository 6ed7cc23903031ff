package org.memberenquiries.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.memberenquiries.department.DepartmentProperties.Department;
import org.memberenquiries.department.Departments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo run (the default profile) seeds one user per role so a newcomer can log in to Tasklist.
 * Every demo password is "demo"; no other profile seeds anyone.
 */
@Component
@Profile("demo")
public class DemoUsers {

  static final String PASSWORD = "demo";
  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identity;
  private final Departments departments;

  public DemoUsers(IdentityService identity, Departments departments) {
    this.identity = identity;
    this.departments = departments;
  }

  @EventListener
  public void seed(PostDeployEvent event) {
    group("camunda-admin", "Camunda administrators", "SYSTEM");
    user("admin", "Demo", "Administrator", "camunda-admin");
    group("member-support", "Member Support", "WORKFLOW");
    user("support", "Sam", "Support", "member-support");
    for (String role : List.of("executive-director", "monitoring-officer", "chief-financial-officer")) {
      group(role, title(role), "WORKFLOW");
    }
    user("director", "Dana", "Director", "executive-director");
    user("monitoring", "Morgan", "Monitoring", "monitoring-officer");
    user("cfo", "Chris", "Finance", "chief-financial-officer");
    for (Department department : departments.all()) {
      String officers = Departments.officerGroup(department.id());
      String managers = Departments.managerGroup(department.id());
      group(officers, department.name() + " officers", "WORKFLOW");
      group(managers, department.name() + " managers", "WORKFLOW");
      user("officer." + department.id(), "Officer", department.name(), officers);
      user("manager." + department.id(), "Manager", department.name(), managers);
    }
    LOG.info("Demo users seeded (password '{}'): admin, support, director, monitoring, cfo,"
        + " officer.<department>, manager.<department>", PASSWORD);
  }

  private void group(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
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

  private static String title(String role) {
    String spaced = role.replace('-', ' ');
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
