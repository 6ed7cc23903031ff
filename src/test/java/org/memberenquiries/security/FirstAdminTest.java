package org.memberenquiries.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.webapp.filter.LazyInitRegistration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memberenquiries.MemberEnquiriesApplication;
import org.memberenquiries.demo.DemoUsersWarning;
import org.memberenquiries.department.Departments;
import org.memberenquiries.testing.TestUsers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Outside the demo profile nobody is seeded, and there is no default password: the first admin comes
 * from the environment, with a password that is not weak, or the application stops before its web
 * server ever listens.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTest {

  /** Ports the web server started listening on, during the starts below. */
  final List<Integer> listening = new ArrayList<>();

  /** Starts the application on a database of its own; the properties are given as on the command line. */
  ConfigurableApplicationContext start(String database, String user, String password) {
    try {
      return new SpringApplicationBuilder(MemberEnquiriesApplication.class).profiles("test")
          .listeners((ApplicationListener<WebServerInitializedEvent>) started -> listening.add(started.getWebServer().getPort()))
          .run("--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1", "--server.port=0",
              "--server.forward-headers-strategy=none", // production's default (the test profile trusts a proxy)
              "--enquiries.first-admin.user=" + user, "--enquiries.first-admin.password=" + password);
    } catch (RuntimeException refused) {
      forgetFailedContext();
      throw refused;
    }
  }

  /**
   * A start refused during the context's refresh never publishes ContextClosedEvent, so the Camunda
   * webapps' filter registry keeps that dead context in a static field and the next application
   * started in this JVM (any later test's) would fail. A real refused start ends its JVM.
   */
  static void forgetFailedContext() {
    try {
      Field context = LazyInitRegistration.class.getDeclaredField("APPLICATION_CONTEXT");
      context.setAccessible(true);
      context.set(null, null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("Without ENQUIRIES_ADMIN_USER and ENQUIRIES_ADMIN_PASSWORD a production start is refused before the web server listens")
  void refusesToStartWithoutAnAdministrator() {
    assertThatThrownBy(() -> start("no-admin", "", "").close())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ENQUIRIES_ADMIN_USER");
    assertThat(listening).isEmpty();
  }

  @Test
  @DisplayName("Outside the demo a weak first administrator password (demo) is refused, naming why, before the web server listens")
  void refusesAWeakFirstPassword() {
    assertThatThrownBy(() -> start("weak-admin", "root", "demo").close())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ENQUIRIES_ADMIN_PASSWORD").hasMessageContaining("shorter than 12 characters")
        .hasMessageNotContaining("demo");
    assertThat(listening).isEmpty();
  }

  @Test
  @DisplayName("With them, the first administrator is created (Argon2id hash), no demo user exists, proxy headers are not trusted; demo users found later are warned about loudly")
  void createsTheFirstAdministratorOnly(CapturedOutput output) throws Exception {
    try (ConfigurableApplicationContext context = start("first-admin", "root", "s3cret-enough")) {
      assertThat(listening).hasSize(1);
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMINS).list()).extracting(u -> u.getId())
          .containsExactly("root");
      assertThat(identity.checkPassword("root", "s3cret-enough")).isTrue();
      assertThat(identity.createUserQuery().userId("root").singleResult().getPassword()).startsWith("{ARGON2ID}");
      assertThat(identity.createUserQuery().count()).isEqualTo(1); // no demo users outside the demo profile
      assertThat(output.getAll()).doesNotContain("DEMO USER");

      // Not configured for a proxy, a forged X-Forwarded-Proto changes nothing (no HSTS, no Secure cookie).
      HttpResponse<String> login = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + listening.get(0) + "/login"))
              .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.5").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
      assertThat(SecurityHeadersTest.sessionCookie(login)).contains("SameSite=Lax").doesNotContain("Secure");

      // A database once run as the demo, now started without it.
      TestUsers.seed(identity, context.getBean(Departments.class));
      context.getBean(DemoUsersWarning.class).check(null);
      assertThat(output.getAll()).contains("SECURITY WARNING: 18 DEMO USER(S) EXIST IN THIS NON-DEMO DATABASE")
          .contains("cllr.lovelace");
    }
  }
}
