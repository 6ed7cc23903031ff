package org.memberenquiries.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.MemberEnquiriesApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Outside the demo profile nobody is seeded, and there is no default password: the first admin comes from the environment. */
class FirstAdminTest {

  /** Starts the application on a database of its own; the properties are given as on the command line. */
  static ConfigurableApplicationContext start(String database, String user, String password) {
    return new SpringApplicationBuilder(MemberEnquiriesApplication.class).profiles("test").run(
        "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1", "--server.port=0",
        "--enquiries.first-admin.user=" + user, "--enquiries.first-admin.password=" + password);
  }

  @Test
  @DisplayName("Without ENQUIRIES_ADMIN_USER and ENQUIRIES_ADMIN_PASSWORD a production start is refused")
  void refusesToStartWithoutAnAdministrator() {
    assertThatThrownBy(() -> start("no-admin", "", "").close())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ENQUIRIES_ADMIN_USER");
  }

  @Test
  @DisplayName("With them, the first administrator is created (password hashed) and no demo user exists")
  void createsTheFirstAdministratorOnly() {
    try (ConfigurableApplicationContext context = start("first-admin", "root", "s3cret-enough")) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMINS).list()).extracting(u -> u.getId())
          .containsExactly("root");
      assertThat(identity.checkPassword("root", "s3cret-enough")).isTrue();
      assertThat(identity.createUserQuery().userId("root").singleResult().getPassword()).isNotEqualTo("s3cret-enough");
      assertThat(identity.createUserQuery().count()).isEqualTo(1); // no demo users outside the demo profile
    }
  }
}
