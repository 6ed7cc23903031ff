package org.memberenquiries.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

class SignedInEngineUserTest {

  @Test
  @DisplayName("Issue 11: the engine REST API's user comes with the groups and tenants of the login, so Camunda's"
      + " filter does not read them again (it would, for a result without them)")
  void groupsAndTenantsComeFromTheLogin() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setUserPrincipal(UsernamePasswordAuthenticationToken.authenticated("officer.highways", null,
        AuthorityUtils.createAuthorityList("GROUP_highways-officers", "ROLE_STAFF", "ROLE_OFFICER", "TENANT_anytown")));
    ProcessEngine engine = mock(ProcessEngine.class);

    AuthenticationResult result = new SignedInEngineUser().extractAuthenticatedUser(request, engine);

    assertThat(result.isAuthenticated()).isTrue();
    assertThat(result.getAuthenticatedUser()).isEqualTo("officer.highways");
    assertThat(result.getGroups()).isEqualTo(List.of("highways-officers"));
    assertThat(result.getTenants()).isEqualTo(List.of("anytown"));
    verifyNoInteractions(engine);
  }

  @Test
  @DisplayName("No login, no user: the API refuses the request as before")
  void noLoginNoUser() {
    assertThat(new SignedInEngineUser().extractAuthenticatedUser(new MockHttpServletRequest(), mock(ProcessEngine.class))
        .isAuthenticated()).isFalse();
  }
}
