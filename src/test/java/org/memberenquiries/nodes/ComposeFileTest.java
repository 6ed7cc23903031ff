package org.memberenquiries.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 11 item 4: docker-compose.yml runs N nodes behind a load balancer. Docker is not at hand in the
 * test run, so this reads the file as Compose would (YAML) and checks what `--scale app=N` needs; the
 * nodes themselves are tested as JVMs in {@link ManyNodesTest}.
 */
class ComposeFileTest {

  @Test
  @DisplayName("docker-compose.yml: app nodes scale behind an nginx load balancer on the one database")
  @SuppressWarnings("unchecked")
  void appScalesBehindTheLoadBalancer() throws IOException {
    Map<String, Object> compose;
    try (Reader file = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
      compose = new Yaml().load(file);
    }
    Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
    assertThat(services).containsOnlyKeys("postgres", "app", "load-balancer");

    Map<String, Object> app = services.get("app");
    // a published host port would let only one replica start
    assertThat(app).doesNotContainKey("ports").doesNotContainKey("container_name");
    assertThat((List<Object>) app.get("expose")).containsExactly("8080");
    Map<String, Object> environment = (Map<String, Object>) app.get("environment");
    assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
        .containsEntry("ENQUIRIES_DB_URL", "jdbc:postgresql://postgres:5432/member_enquiries")
        .containsEntry("ENQUIRIES_FORWARD_HEADERS", "${ENQUIRIES_FORWARD_HEADERS:-native}");

    Map<String, Object> balancer = services.get("load-balancer");
    assertThat((String) balancer.get("image")).startsWith("nginx:");
    assertThat((List<Object>) balancer.get("ports")).containsExactly("8080:80");
    assertThat((List<Object>) balancer.get("volumes"))
        .containsExactly("./ops/load-balancer/nginx.conf:/etc/nginx/nginx.conf:ro");
    assertThat((Map<String, Object>) balancer.get("depends_on")).containsKey("app");

    String nginx = Files.readString(Path.of("ops/load-balancer/nginx.conf"));
    assertThat(nginx).contains("server app:8080", "ip_hash;", "proxy_pass http://app_nodes;",
        "proxy_set_header X-Forwarded-For $remote_addr;");
    // POSTs that reached a node are never sent to a second one by the balancer (the client retries with its key)
    assertThat(nginx).doesNotContain("non_idempotent");
    assertThat(nginx.chars().filter(c -> c == '{').count()).isEqualTo(nginx.chars().filter(c -> c == '}').count());
  }
}
