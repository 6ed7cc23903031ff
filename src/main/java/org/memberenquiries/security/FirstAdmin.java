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
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.memberenquiries.engine.Seeding;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure there is an administrator: the {@code camunda-admin} group holds every permission, and
 * if nobody is in it yet, the configured first administrator is created (password stored hashed by
 * the identity service). Without one configured, or outside the demo with a weak password
 * ({@link PasswordPolicy}), the application does not start: that is checked once every bean exists
 * and before the web server opens its port, so a misconfigured node never answers a request.
 */
@Component
@EnableConfigurationProperties(FirstAdminProperties.class)
public class FirstAdmin implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FirstAdminProperties properties;
  private final PasswordPolicy policy;
  private final boolean demo;
  private final Seeding seeding;

  public FirstAdmin(IdentityService identity, AuthorizationService authorizations, FirstAdminProperties properties,
      PasswordPolicy policy, Environment environment, Seeding seeding) {
    this.seeding = seeding;
    this.identity = identity;
    this.authorizations = authorizations;
    this.properties = properties;
    this.policy = policy;
    this.demo = environment.acceptsProfiles(Profiles.of("demo"));
  }

  /** Before the web server starts: refuse to start without an administrator, or with a weak first password. */
  @Override
  public void afterSingletonsInstantiated() {
    if (adminExists()) {
      return;
    }
    String id = properties.user();
    String password = properties.password();
    if (id == null || id.isBlank() || password == null || password.isBlank()) {
      throw new IllegalStateException("No administrator exists yet: set ENQUIRIES_ADMIN_USER and"
          + " ENQUIRIES_ADMIN_PASSWORD (enquiries.first-admin.user and .password) for the first start");
    }
    List<String> problems = policy.problems(id, password);
    if (!demo && !problems.isEmpty()) {
      throw new IllegalStateException("The first administrator's password (ENQUIRIES_ADMIN_PASSWORD) is too weak: "
          + String.join("; ", problems) + ". Choose a longer one (a few unrelated words will do).");
    }
  }

  private boolean adminExists() {
    return identity.createUserQuery().memberOfGroup(Groups.ADMINS).count() > 0;
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
    if (adminExists()) {
      return;
    }
    afterSingletonsInstantiated(); // already passed before the port opened; holds the same checks here
    String id = properties.user();
    String password = properties.password();
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
