package org.memberenquiries.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * What a client of several nodes does (or the load balancer in front of them): HTTP Basic, JSON, the
 * node it is given. {@link #submit} is a careful client: one Idempotency-Key per enquiry, and when the
 * node does not answer (killed mid-request, or down) the same request again to the next node until one
 * answers, so an enquiry the first node took in before it died is answered as that one, not made twice.
 */
final class NodeClient {

  static final String PASSWORD = "many-nodes-test-passphrase";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

  record Answer(int status, JsonNode body, String node, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  /** An answered submission: the reference, the node that answered, how many nodes failed to answer first. */
  record Accepted(String key, String reference, int status, boolean replayed, String node, int failovers,
      JsonNode view) {}

  private NodeClient() {}

  static Answer get(AppNode node, String user, String path) throws IOException {
    return send(node, user, HttpRequest.newBuilder(URI.create(node.url() + path)).GET());
  }

  static Answer post(AppNode node, String user, String path, Object body) throws IOException {
    return post(node, user, path, body, null);
  }

  static Answer post(AppNode node, String user, String path, Object body, String idempotencyKey) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(node, user, request);
  }

  static Answer put(AppNode node, String user, String path) throws IOException {
    return send(node, user, HttpRequest.newBuilder(URI.create(node.url() + path)).PUT(HttpRequest.BodyPublishers.noBody()));
  }

  /**
   * Submits one enquiry under its key, starting at node {@code first} and going on to the next node
   * whenever one does not answer, for up to {@code patience}. Any answer ends it, a 5xx included (the
   * caller counts those as failures): only a missing answer is retried.
   */
  static Accepted submit(List<AppNode> nodes, int first, String user, Object enquiry, String key, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    int failovers = 0;
    for (int attempt = 0; ; attempt++) {
      AppNode node = nodes.get((first + attempt) % nodes.size());
      try {
        Answer answer = post(node, user, "/api/enquiries", enquiry, key);
        JsonNode reference = answer.body() == null ? null : answer.body().get("reference");
        return new Accepted(key, reference == null ? null : reference.asText(), answer.status(),
            "true".equals(answer.header("Idempotent-Replayed")), node.name, failovers, answer.body());
      } catch (IOException noAnswer) {
        failovers++;
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no node answered submission " + key + " in " + patience, noAnswer);
        }
        if (attempt % nodes.size() == nodes.size() - 1) {
          AppNode.pause(Duration.ofMillis(250)); // every node tried: wait a little for one to come back
        }
      }
    }
  }

  private static Answer send(AppNode node, String user, HttpRequest.Builder request) throws IOException {
    if (user != null) {
      String credentials = user + ":" + PASSWORD;
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    request.timeout(Duration.ofSeconds(60));
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String type = response.headers().firstValue("Content-Type").orElse("");
      JsonNode body = response.body().isBlank() || !type.contains("json") ? null : JSON.readTree(response.body());
      return new Answer(response.statusCode(), body, node.name, response);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
