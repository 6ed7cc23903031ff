package org.memberenquiries.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After a successful sign-in, re-hashes a password stored the old way (salted SHA-512, or Argon2 with
 * a lower cost) with the current Argon2id settings: the plain password is only known at that moment.
 */
@Component
public class PasswordUpgrade {

  private static final Logger LOG = LoggerFactory.getLogger(PasswordUpgrade.class);

  private final IdentityService identity;
  private final Argon2PasswordHashing hashing;

  public PasswordUpgrade(IdentityService identity, Argon2PasswordHashing hashing) {
    this.identity = identity;
    this.hashing = hashing;
  }

  /**
   * Call only with a password the identity service has just accepted for this user. Whether the stored
   * hash was replaced (or someone else changed it meanwhile): the hash read before the check is then stale.
   */
  public boolean afterSignIn(String userId, String password) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null || !hashing.needsUpgrade(user.getPassword())) {
      return false;
    }
    try {
      user.setPassword(password);
      identity.saveUser(user);
      LOG.info("Password of user '{}' re-hashed with Argon2id", userId);
      return true;
    } catch (OptimisticLockingException concurrentSignIn) {
      // Another sign-in of the same user upgraded it (or changed the user) first; nothing is lost.
      LOG.debug("Password of user '{}' not re-hashed: changed concurrently", userId);
      return true;
    }
  }
}
