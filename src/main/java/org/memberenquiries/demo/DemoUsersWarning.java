package org.memberenquiries.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.memberenquiries.department.Departments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo, the demo's users (whose password "demo" is in the README) must not exist: a
 * database that was once run as the demo and then put into service would let anyone in. Warns loudly
 * at every start while any of them is there; an administrator deletes them in Camunda Admin.
 */
@Component
@Profile("!demo")
public class DemoUsersWarning {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsersWarning.class);

  private final IdentityService identity;
  private final Departments departments;

  public DemoUsersWarning(IdentityService identity, Departments departments) {
    this.identity = identity;
    this.departments = departments;
  }

  @EventListener
  @Order(4)
  public void check(ApplicationStartedEvent event) {
    List<String> present = identity.createUserQuery().userIdIn(DemoUsers.ids(departments).toArray(String[]::new))
        .list().stream().map(User::getId).sorted().toList();
    if (!present.isEmpty()) {
      LOG.warn("""

          ********************************************************************************
          SECURITY WARNING: {} DEMO USER(S) EXIST IN THIS NON-DEMO DATABASE: {}
          Their password may still be the public demo password. Delete them in Camunda Admin
          (/camunda/app/admin/) or give them strong passwords before this service is used.
          ********************************************************************************""",
          present.size(), String.join(", ", present));
    }
  }
}
