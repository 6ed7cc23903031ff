package org.memberenquiries.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.testing.WebAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Passwords are stored with Argon2id; the old salted SHA-512 hashes are re-hashed at the next sign-in. */
@WebAppTest
class PasswordStorageTest {

  static final String PASSWORD = "a-long-enough-passphrase";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  String storedHash(String id) {
    return identity.createUserQuery().userId(id).singleResult().getPassword();
  }

  int signIn(String user, String password) throws Exception {
    String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/enquiries"))
        .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  void member(String id) {
    User user = identity.newUser(id);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, Groups.MEMBERS);
  }

  @Test
  @DisplayName("A password set through the identity service is stored as Argon2id, never in a form SHA-512 could check")
  void newPasswordsAreArgon2() {
    member("hash.new");
    assertThat(storedHash("hash.new")).startsWith("{ARGON2ID}$argon2id$v=19$m=1024,t=1,p=1$") // the test profile's cost
        .doesNotContain(PASSWORD);
    assertThat(identity.checkPassword("hash.new", PASSWORD)).isTrue();
  }

  @Test
  @DisplayName("An old salted SHA-512 hash still signs in, and is re-hashed with Argon2id by the first successful sign-in only")
  void oldHashesAreUpgradedOnSignIn() throws Exception {
    member("hash.old");
    String salt = "c2FsdHNhbHRzYWx0c2FsdA==";
    jdbc.update("update ACT_ID_USER set PWD_ = ?, SALT_ = ? where ID_ = ?",
        "{SHA-512}" + new Sha512HashDigest().encrypt(PASSWORD + salt), salt, "hash.old");
    assertThat(storedHash("hash.old")).startsWith("{SHA-512}");

    assertThat(signIn("hash.old", "not-the-password")).isEqualTo(401);
    assertThat(storedHash("hash.old")).startsWith("{SHA-512}");

    assertThat(signIn("hash.old", PASSWORD)).isEqualTo(200);
    assertThat(storedHash("hash.old")).startsWith("{ARGON2ID}$argon2id$");
    assertThat(signIn("hash.old", PASSWORD)).isEqualTo(200);
  }

  @Test
  @DisplayName("Issue 8: the API remembers a password it accepted (VerifiedCredentials), but not past a change:"
      + " the old password is refused at the very next request, the new one accepted")
  void aRememberedPasswordIsRefusedOnceChanged() throws Exception {
    member("hash.changed");
    assertThat(signIn("hash.changed", PASSWORD)).isEqualTo(200);
    assertThat(signIn("hash.changed", PASSWORD)).isEqualTo(200); // remembered

    User user = identity.createUserQuery().userId("hash.changed").singleResult();
    user.setPassword("another-long-passphrase");
    identity.saveUser(user);

    assertThat(signIn("hash.changed", PASSWORD)).isEqualTo(401);
    assertThat(signIn("hash.changed", "another-long-passphrase")).isEqualTo(200);
    assertThat(signIn("hash.changed", PASSWORD)).isEqualTo(401);
  }

  @Test
  @DisplayName("Issue 8: a remembered password stops working when the user is deleted")
  void aRememberedPasswordIsRefusedOnceTheUserIsDeleted() throws Exception {
    member("hash.deleted");
    assertThat(signIn("hash.deleted", PASSWORD)).isEqualTo(200);

    identity.deleteMembership("hash.deleted", Groups.MEMBERS);
    identity.deleteUser("hash.deleted");

    assertThat(signIn("hash.deleted", PASSWORD)).isEqualTo(401);
  }
}
