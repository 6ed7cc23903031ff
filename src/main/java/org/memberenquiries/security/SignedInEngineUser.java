package org.memberenquiries.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Issue 11: the engine REST API's user is the Spring Security login ({@link CamundaSingleSignOn}), and so are
 * their groups and tenants: {@link CamundaIdentityAuthenticationProvider} read them while checking the
 * password, in the same request. Without them Camunda's filter asks the identity service for both again,
 * two more transactions on every request.
 */
public class SignedInEngineUser extends ContainerBasedAuthenticationProvider {

  /** The authority prefix of a tenant the user belongs to (directly or through a group). */
  static final String TENANT = "TENANT_";
  private static final String GROUP = "GROUP_";

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
    if (result.isAuthenticated() && request.getUserPrincipal() instanceof Authentication signedIn) {
      result.setGroups(named(signedIn, GROUP));
      result.setTenants(named(signedIn, TENANT));
    }
    return result;
  }

  private static List<String> named(Authentication signedIn, String prefix) {
    return signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith(prefix)).map(authority -> authority.substring(prefix.length()))
        .toList();
  }
}
