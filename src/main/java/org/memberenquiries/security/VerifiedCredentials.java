package org.memberenquiries.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.memberenquiries.engine.EngineClock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Issue 8 (lists and searches under 100 ms): the API is HTTP Basic, so every request carries the
 * password, and Argon2id is slow on purpose (tens of milliseconds and 16 MiB at production cost). A
 * password that Argon2id has just accepted for a user is remembered here for a short while, so that
 * user's next requests with the same password are checked against this instead.
 *
 * <p>What is kept, per user (so at most one entry per account that signed in, however many guesses
 * arrive): an HMAC-SHA256 of the user name and password under a random key made at start-up and never
 * stored, the stored Argon2 hash the password was checked against, and when. A remembered password is
 * accepted only while all of these hold:
 * <ul>
 *   <li>it was verified less than {@code enquiries.passwords.remember-verified} ago (engine clock);
 *   <li>the user's stored hash is still the one it was verified against: any password change (the
 *       identity service, Admin, another node, the database) makes a new salted hash, so the old
 *       password is refused at once, with no message between nodes to miss;
 *   <li>the HMAC matches (compared in constant time).
 * </ul>
 * Only successes are remembered: a wrong password always goes to Argon2id and the sign-in throttle,
 * which is asked first on every request, so guessing costs what it did.
 *
 * <p>The trade-off: while an entry lives, this node's memory holds a fast keyed hash of a valid
 * password. Someone who can read the process's memory also gets the key, and could test guesses
 * against that hash at HMAC speed instead of Argon2id speed, for that user only, for the minutes the
 * entry lives, at most a minute past its duration (a memory reader of a running server can as well read passwords off incoming requests).
 * The stored hashes in the database, which is what usually leaks, are untouched. Set the duration to
 * {@code PT0S} to turn this off.
 */
@Component
public class VerifiedCredentials {

  private static final String HMAC = "HmacSHA256";

  private record Entry(byte[] mac, String storedHash, Instant verifiedAt) {}

  private final Map<String, Entry> byUser = new ConcurrentHashMap<>();
  private final SecretKeySpec key;
  private final Duration rememberFor;
  private final EngineClock clock;

  public VerifiedCredentials(PasswordProperties properties, EngineClock clock) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, HMAC);
    this.rememberFor = properties.rememberVerified();
    this.clock = clock;
  }

  /** After Argon2id accepted this password for this user, whose stored hash is now {@code storedHash}. */
  public void verified(String user, String password, String storedHash) {
    if (!enabled() || storedHash == null) {
      return;
    }
    byUser.put(user, new Entry(mac(user, password), storedHash, clock.now()));
  }

  /** Whether this password was verified for this user recently, against the hash still stored for them. */
  public boolean remembered(String user, String password, String storedHash) {
    Entry entry = byUser.get(user);
    if (entry == null) {
      return false;
    }
    if (storedHash == null || !storedHash.equals(entry.storedHash()) || expired(entry, clock.now())) {
      byUser.remove(user, entry);
      return false;
    }
    return MessageDigest.isEqual(entry.mac(), mac(user, password));
  }

  /** Expired entries go within a minute, not only at their user's next request (the trade-off above). */
  @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
  public void forgetExpired() {
    Instant now = clock.now();
    byUser.values().removeIf(entry -> expired(entry, now));
  }

  /** How many users have a password remembered. */
  int size() {
    return byUser.size();
  }

  private boolean expired(Entry entry, Instant now) {
    return now.isBefore(entry.verifiedAt()) || !now.isBefore(entry.verifiedAt().plus(rememberFor));
  }

  private boolean enabled() {
    return !rememberFor.isNegative() && !rememberFor.isZero();
  }

  private byte[] mac(String user, String password) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      mac.update(user.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0); // "ab" + "c" and "a" + "bc" differ
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }
}
