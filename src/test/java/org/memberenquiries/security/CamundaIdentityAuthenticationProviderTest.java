package org.memberenquiries.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.engine.EngineClock;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.transaction.PlatformTransactionManager;

class CamundaIdentityAuthenticationProviderTest {

  @Test
  @DisplayName("An unknown user name costs a password hash too, so sign-in timing does not tell which users exist")
  void unknownUsersTakeAsLongAsWrongPasswords() {
    IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
    when(identity.checkPassword(any(), any())).thenReturn(false); // Camunda answers at once for unknown users
    when(identity.createUserQuery().userId("nobody").singleResult()).thenReturn(null);
    PasswordProperties passwords =
        new PasswordProperties(12, new PasswordProperties.Argon2(1024, 1, 1), Duration.ofMinutes(5));
    Argon2PasswordHashing hashing = spy(new Argon2PasswordHashing(passwords));
    SignInThrottle throttle = new SignInThrottle(
        new SignInThrottleProperties(5, 10, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1)),
        new EngineClock());
    CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider(
        identity, throttle, mock(PasswordUpgrade.class), new EngineClock(), hashing,
        new VerifiedCredentials(passwords, new EngineClock()), mock(PlatformTransactionManager.class));

    assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody", "guess")))
        .isInstanceOf(BadCredentialsException.class);
    verify(hashing).check(eq("guess"), anyString());
  }

  @Test
  @DisplayName("Issue 8: a password accepted a moment ago is not hashed again; once the stored hash changes"
      + " (a new password) it is checked again, and the old one is refused")
  void aRememberedPasswordIsCheckedAgainAfterAChange() {
    IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
    User account = mock(User.class);
    when(account.getPassword()).thenReturn("{ARGON2ID}first-hash");
    when(identity.createUserQuery().userId("cllr.a").singleResult()).thenReturn(account);
    when(identity.checkPassword("cllr.a", "old-password")).thenReturn(true);
    when(identity.createGroupQuery().groupMember("cllr.a").list()).thenReturn(List.of());
    PasswordProperties passwords =
        new PasswordProperties(12, new PasswordProperties.Argon2(1024, 1, 1), Duration.ofMinutes(5));
    SignInThrottle throttle = new SignInThrottle(
        new SignInThrottleProperties(5, 10, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1)),
        new EngineClock());
    CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider(identity, throttle,
        mock(PasswordUpgrade.class), new EngineClock(), new Argon2PasswordHashing(passwords),
        new VerifiedCredentials(passwords, new EngineClock()), mock(PlatformTransactionManager.class));

    provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("cllr.a", "old-password"));
    provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("cllr.a", "old-password"));
    verify(identity, times(1)).checkPassword("cllr.a", "old-password");

    // The password is changed: a new salted hash, and the identity service no longer accepts the old one.
    when(account.getPassword()).thenReturn("{ARGON2ID}second-hash");
    when(identity.checkPassword("cllr.a", "old-password")).thenReturn(false);
    assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("cllr.a", "old-password")))
        .isInstanceOf(BadCredentialsException.class);
    verify(identity, times(2)).checkPassword("cllr.a", "old-password");
  }

  @Test
  @DisplayName("Issue 11: the login carries the user's groups and tenants, read with the account in one transaction,"
      + " for the engine REST API to use (SignedInEngineUser) instead of reading them again")
  void theLoginCarriesGroupsAndTenants() {
    IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
    User account = mock(User.class);
    when(account.getPassword()).thenReturn("{ARGON2ID}hash");
    when(identity.createUserQuery().userId("officer.a").singleResult()).thenReturn(account);
    when(identity.checkPassword("officer.a", "right")).thenReturn(true);
    Group officers = mock(Group.class);
    when(officers.getId()).thenReturn("highways-officers");
    when(identity.createGroupQuery().groupMember("officer.a").list()).thenReturn(List.of(officers));
    Tenant council = mock(Tenant.class);
    when(council.getId()).thenReturn("anytown");
    when(identity.createTenantQuery().userMember("officer.a").includingGroupsOfUser(true).list()).thenReturn(List.of(council));
    PasswordProperties passwords =
        new PasswordProperties(12, new PasswordProperties.Argon2(1024, 1, 1), Duration.ofMinutes(5));
    PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider(identity,
        new SignInThrottle(new SignInThrottleProperties(5, 10, Duration.ofSeconds(1), Duration.ofMinutes(5),
            Duration.ofHours(1)), new EngineClock()),
        mock(PasswordUpgrade.class), new EngineClock(), new Argon2PasswordHashing(passwords),
        new VerifiedCredentials(passwords, new EngineClock()), transactions);

    Authentication signedIn = provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("officer.a", "right"));

    assertThat(signedIn.getAuthorities()).extracting(GrantedAuthority::getAuthority)
        .contains("GROUP_highways-officers", "ROLE_OFFICER", "TENANT_anytown");
    verify(transactions, times(1)).getTransaction(any());
  }
}
