package org.memberenquiries.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A plain HTTP client for the API tests: real requests, HTTP Basic, JSON in and out. */
final class ApiClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Response(int status, JsonNode body, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  ApiClient(int port) {
    this.base = "http://localhost:" + port;
  }

  Response get(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Response post(String user, String path, Object body) {
    return post(user, path, body, Map.of());
  }

  Response post(String user, String path, Object body, Map<String, String> headers) {
    try {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .POST(HttpRequest.BodyPublishers.ofString(text));
      if (!headers.containsKey("Content-Type")) {
        request.header("Content-Type", "application/json");
      }
      headers.forEach(request::header);
      return send(user, request);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  Response send(String user, HttpRequest.Builder request) {
    if (user != null) {
      String credentials = user + ":demo";
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isBlank() || !response.headers().firstValue("Content-Type").orElse("").contains("json")
          ? null : JSON.readTree(response.body());
      return new Response(response.statusCode(), body, response);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
