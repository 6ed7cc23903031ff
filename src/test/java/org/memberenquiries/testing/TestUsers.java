package org.memberenquiries.testing;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.memberenquiries.security.Groups;
import org.memberenquiries.demo.DemoUsers;
import org.memberenquiries.department.Departments;

/**
 * The demo users (one per role, password "demo") seeded into a test's engine, so tests log in as
 * the same people a newcomer would: cllr.lovelace and cllr.babbage (Members), support, director,
 * monitoring, cfo, chief, owner, officer.&lt;department&gt;, manager.&lt;department&gt;.
 */
public final class TestUsers {

  public static final String PASSWORD = "demo";

  private TestUsers() {}

  public static void seed(IdentityService identity, Departments departments) {
    new DemoUsers(identity, departments, null).seed();
    // The demo's administrator comes from configuration (FirstAdmin); tests log in as admin/demo too.
    if (identity.createUserQuery().userId("admin").count() == 0) {
      User admin = identity.newUser("admin");
      admin.setPassword(PASSWORD);
      identity.saveUser(admin);
      identity.createMembership("admin", Groups.ADMINS);
    }
  }
}
