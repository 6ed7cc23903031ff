package org.memberenquiries.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.memberenquiries.engine.Seeding;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure there is an administrator: the {@code camunda-admin} group holds every permission, and
 * if nobody is in it yet, the configured first administrator is created (password stored hashed by
 * the identity service). Without one configured the application does not start.
 */
@Component
@EnableConfigurationProperties(FirstAdminProperties.class)
public class FirstAdmin {

  private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FirstAdminProperties properties;
  private final Seeding seeding;

  public FirstAdmin(IdentityService identity, AuthorizationService authorizations, FirstAdminProperties properties,
      Seeding seeding) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.properties = properties;
    this.seeding = seeding;
  }

  @EventListener
  @Order(2) // after CamundaAuthorizations created the groups
  public void ensure(ApplicationStartedEvent event) {
    seeding.exclusively("the first administrator", this::ensure);
  }

  void ensure() {
    for (Resource resource : Resources.values()) {
      if (authorizations.createAuthorizationQuery().groupIdIn(Groups.ADMINS).resourceType(resource)
          .resourceId(ANY).count() == 0) {
        Authorization all = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        all.setGroupId(Groups.ADMINS);
        all.setResource(resource);
        all.setResourceId(ANY);
        all.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(all);
      }
    }
    if (identity.createUserQuery().memberOfGroup(Groups.ADMINS).count() > 0) {
      return;
    }
    String id = properties.user();
    String password = properties.password();
    if (id == null || id.isBlank() || password == null || password.isBlank()) {
      throw new IllegalStateException("No administrator exists yet: set ENQUIRIES_ADMIN_USER and"
          + " ENQUIRIES_ADMIN_PASSWORD (enquiries.first-admin.user and .password) for the first start");
    }
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName("First");
      user.setLastName("Administrator");
      user.setPassword(password);
      identity.saveUser(user);
    }
    identity.createMembership(id, Groups.ADMINS);
    LOG.info("First administrator '{}' created", id);
  }
}
