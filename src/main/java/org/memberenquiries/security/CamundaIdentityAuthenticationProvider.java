package org.memberenquiries.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.memberenquiries.engine.EngineClock;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a login against Camunda's identity service, where users, their hashed passwords and their
 * groups live, so the same accounts work for the product's pages and API and for Tasklist, Cockpit
 * and Admin (which trust the Spring Security login, see {@link CamundaSingleSignOn}). Failed attempts
 * are throttled by client and account ({@link SignInThrottle}); a password stored the old way is
 * re-hashed on success ({@link PasswordUpgrade}). A password Argon2id accepted a moment ago for the
 * same stored hash is not hashed again ({@link VerifiedCredentials}): the API sends it with every request.
 *
 * <p>Issue 11: the account, its groups and its tenants are read in one short read-only transaction, before
 * the password is checked (so no connection is held while Argon2id runs), and the groups and tenants go
 * with the login ({@code GROUP_<id>}, {@code TENANT_<id>} authorities), so the engine REST API takes them from
 * there ({@link SignedInEngineUser}) instead of asking the database again on every request.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;
  private final SignInThrottle throttle;
  private final PasswordUpgrade upgrade;
  private final EngineClock clock;
  private final Argon2PasswordHashing hashing;
  private final VerifiedCredentials verified;
  private final TransactionTemplate readOnly;
  /** Checked against for unknown users, so they take as long as a wrong password (no user list by timing). */
  private final String unknownUserHash;

  public CamundaIdentityAuthenticationProvider(IdentityService identity, SignInThrottle throttle,
      PasswordUpgrade upgrade, EngineClock clock, Argon2PasswordHashing hashing, VerifiedCredentials verified,
      PlatformTransactionManager transactions) {
    this.identity = identity;
    this.throttle = throttle;
    this.upgrade = upgrade;
    this.clock = clock;
    this.hashing = hashing;
    this.verified = verified;
    this.readOnly = new TransactionTemplate(transactions);
    readOnly.setReadOnly(true);
    readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.unknownUserHash = hashing.encrypt(java.util.UUID.randomUUID().toString());
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || user.isBlank() || credentials == null) {
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    // The client as the servlet container sees it: a proxy's X-Forwarded-For counts only when
    // server.forward-headers-strategy says so.
    String client = authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
        ? web.getRemoteAddress() : "unknown";
    throttle.waitUntil(user, client).ifPresent(until -> {
      throw new SignInThrottledException(clock.now(), until);
    });
    String password = credentials.toString();
    // Read before the password is checked, so a change made meanwhile is never remembered as current.
    Account found = readOnly.execute(status -> account(user));
    User account = found.user();
    String storedHash = account == null ? null : account.getPassword();
    if (!verified.remembered(user, password, storedHash)) {
      if (!identity.checkPassword(user, password)) {
        if (account == null) {
          hashing.check(password, unknownUserHash);
        }
        throttle.failed(user, client);
        throw new BadCredentialsException("Unknown user or wrong password");
      }
      if (!upgrade.afterSignIn(user, password)) {
        verified.verified(user, password, storedHash);
      }
    }
    throttle.succeeded(user, client);
    List<String> names = new ArrayList<>(Roles.authorities(found.groups()));
    found.tenants().forEach(tenant -> names.add(SignedInEngineUser.TENANT + tenant));
    List<SimpleGrantedAuthority> authorities = names.stream().map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
  }

  /** The account, its groups and its tenants (empty lists for an unknown user). */
  private record Account(User user, List<String> groups, List<String> tenants) {}

  private Account account(String user) {
    User account = identity.createUserQuery().userId(user).singleResult();
    if (account == null) {
      return new Account(null, List.of(), List.of());
    }
    return new Account(account,
        identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList(),
        identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId).toList());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
