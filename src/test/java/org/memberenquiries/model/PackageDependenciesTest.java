package org.memberenquiries.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 5: no two feature packages depend on each other. The case's variable names and process
 * keys live in casedata, which depends on nothing, so a feature that needs them does not depend on
 * enquiry. One pair is known and left: page and ward share the page text helpers.
 */
class PackageDependenciesTest {

  static final Path SOURCES = Path.of("src/main/java/org/memberenquiries");
  static final Pattern REFERENCE = Pattern.compile("org\\.memberenquiries\\.(\\w+)\\.");
  static final Set<String> KNOWN = Set.of("page <-> ward");

  @Test
  void noTwoWayPackageDependencies() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = SOURCES.relativize(file.getParent());
        String from = relative.toString().isEmpty() ? "(root)" : relative.getName(0).toString();
        Matcher m = REFERENCE.matcher(Files.readString(file));
        while (m.find()) {
          if (!m.group(1).equals(from)) {
            uses.computeIfAbsent(from, k -> new TreeSet<>()).add(m.group(1));
          }
        }
      }
    }
    Set<String> twoWay = new TreeSet<>();
    uses.forEach((a, used) -> used.forEach(b -> {
      if (a.compareTo(b) < 0 && uses.getOrDefault(b, Set.of()).contains(a)) {
        twoWay.add(a + " <-> " + b);
      }
    }));
    twoWay.removeAll(KNOWN);
    assertThat(twoWay).as("packages that depend on each other").isEmpty();
    assertThat(uses.getOrDefault("casedata", Set.of())).as("casedata depends on nothing").isEmpty();
  }
}
