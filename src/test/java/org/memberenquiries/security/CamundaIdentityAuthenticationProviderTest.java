package org.memberenquiries.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.engine.EngineClock;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

class CamundaIdentityAuthenticationProviderTest {

  @Test
  @DisplayName("An unknown user name costs a password hash too, so sign-in timing does not tell which users exist")
  void unknownUsersTakeAsLongAsWrongPasswords() {
    IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
    when(identity.checkPassword(any(), any())).thenReturn(false); // Camunda answers at once for unknown users
    when(identity.createUserQuery().userId("nobody").count()).thenReturn(0L);
    Argon2PasswordHashing hashing = spy(new Argon2PasswordHashing(
        new PasswordProperties(12, new PasswordProperties.Argon2(1024, 1, 1))));
    SignInThrottle throttle = new SignInThrottle(
        new SignInThrottleProperties(5, 10, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1)),
        new EngineClock());
    CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider(
        identity, throttle, mock(PasswordUpgrade.class), new EngineClock(), hashing);

    assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody", "guess")))
        .isInstanceOf(BadCredentialsException.class);
    verify(hashing).check(eq("guess"), anyString());
  }
}
