package org.memberenquiries.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 7 item 16: the H2 files are readable by the application's user only, whatever the umask. */
class H2FilePermissionsTest {

  static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.OTHERS_WRITE);

  @TempDir Path temp;

  @Test
  @DisplayName("Item 16: a new database directory is 0700 and the database's files 0600, on open and after start")
  void ownerOnly() throws Exception {
    String url = "jdbc:h2:file:" + temp.resolve("data/member-enquiries") + ";DB_CLOSE_ON_EXIT=FALSE";
    H2FilePermissions.beforeOpening(url);
    assertThat(Files.getPosixFilePermissions(temp.resolve("data"))).doesNotContainAnyElementsOf(OTHERS);

    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      statement.execute("create table enquiry (text varchar(100))");
      statement.execute("insert into enquiry values ('personal circumstances')");
      // H2 creates its file with the process's umask (world-readable under the usual 022).
      Path file = temp.resolve("data/member-enquiries.mv.db");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

      H2FilePermissions.ownerOnly(url);

      assertThat(Files.getPosixFilePermissions(file)).doesNotContainAnyElementsOf(OTHERS);
    }
  }

  @Test
  @DisplayName("Item 16: only embedded file databases are touched")
  void otherUrls() {
    assertThat(H2FilePermissions.databaseFile("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isNull();
    assertThat(H2FilePermissions.databaseFile("jdbc:postgresql://localhost/x")).isNull();
    assertThat(H2FilePermissions.databaseFile("jdbc:h2:tcp://localhost/x")).isNull();
    assertThat(H2FilePermissions.databaseFile("jdbc:h2:file:./data/member-enquiries;DB_CLOSE_ON_EXIT=FALSE"))
        .isEqualTo(Path.of("data/member-enquiries").toAbsolutePath());
  }
}
