package org.memberenquiries.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Camunda's identity service stores new passwords with Argon2id (Spring Security's encoder) instead of
 * its default single-round salted SHA-512. Stored hashes carry their algorithm as a prefix
 * ({@code {ARGON2ID}...}, {@code {SHA-512}...}); the engine still checks the old SHA-512 ones, and
 * {@link PasswordUpgrade} re-hashes them at the user's next successful sign-in.
 */
@Component
public class Argon2PasswordHashing extends AbstractProcessEnginePlugin implements PasswordEncryptor {

  static final String ALGORITHM = "ARGON2ID";
  private static final String PREFIX = "{" + ALGORITHM + "}";

  private final Argon2PasswordEncoder encoder;

  public Argon2PasswordHashing(PasswordProperties properties) {
    PasswordProperties.Argon2 cost = properties.argon2();
    this.encoder = new Argon2PasswordEncoder(16, 32, cost.parallelism(), cost.memoryKib(), cost.iterations());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setPasswordEncryptor(this);
  }

  @Override
  public String encrypt(String password) {
    return encoder.encode(password);
  }

  @Override
  public boolean check(String password, String encrypted) {
    return encoder.matches(password, encrypted);
  }

  @Override
  public String hashAlgorithmName() {
    return ALGORITHM;
  }

  /** A stored hash (with its prefix) made by another algorithm, or by Argon2 with a lower cost than configured. */
  public boolean needsUpgrade(String stored) {
    return stored == null || !stored.startsWith(PREFIX) || encoder.upgradeEncoding(stored.substring(PREFIX.length()));
  }
}
