package org.memberenquiries.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Issue 7 item 16: the embedded H2 database's files hold the Members' enquiries, so nobody but the
 * application's own user may read them. Before the database opens, its directory is created readable
 * by the owner only (0700) when it does not exist yet; the database's files are made 0600 then, and
 * again once the application has started (H2 creates them with the process's umask). On file systems
 * without POSIX permissions nothing is changed. Registered in {@code META-INF/spring.factories}: it
 * must run before the application context (and so the database) exists.
 */
public class H2FilePermissions implements ApplicationListener<ApplicationEvent> {

  static final String OWNER_ONLY_DIRECTORY = "rwx------";
  static final String OWNER_ONLY_FILE = "rw-------";

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
      beforeOpening(url(prepared.getEnvironment()));
    } else if (event instanceof ApplicationStartedEvent started) {
      ownerOnly(url(started.getApplicationContext().getEnvironment()));
    }
  }

  private static String url(Environment environment) {
    return environment.getProperty("spring.datasource.url");
  }

  /** Creates the database's directory owner-only if it is missing; makes existing database files owner-only. */
  public static void beforeOpening(String url) {
    Path database = databaseFile(url);
    if (database == null || !posix(database)) {
      return;
    }
    Path directory = database.getParent();
    try {
      if (!Files.exists(directory)) {
        Files.createDirectories(directory,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY_DIRECTORY)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the database directory " + directory, e);
    }
    ownerOnly(url);
  }

  /** Makes every file of the database (name.mv.db, name.trace.db, ...) readable and writable by its owner only. */
  public static void ownerOnly(String url) {
    Path database = databaseFile(url);
    if (database == null || !posix(database) || !Files.isDirectory(database.getParent())) {
      return;
    }
    String prefix = database.getFileName() + ".";
    try (DirectoryStream<Path> files = Files.newDirectoryStream(database.getParent(), prefix + "*")) {
      for (Path file : files) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(OWNER_ONLY_FILE));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restrict the database files in " + database.getParent(), e);
    }
  }

  /** The path of an embedded H2 file database (without its .mv.db suffix), or null for any other URL. */
  static Path databaseFile(String url) {
    if (url == null || !url.startsWith("jdbc:h2:")) {
      return null;
    }
    String rest = url.substring("jdbc:h2:".length());
    if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:")) {
      return null;
    }
    if (rest.startsWith("file:")) {
      rest = rest.substring("file:".length());
    }
    int options = rest.indexOf(';');
    String path = options < 0 ? rest : rest.substring(0, options);
    if (path.startsWith("~")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    return Path.of(path).toAbsolutePath().normalize();
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
