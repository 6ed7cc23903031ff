package org.memberenquiries.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.department.Departments;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 7, "done when": every operation of the OpenAPI document (read at test time, so a new endpoint is
 * fuzzed without touching this test) gets malformed JSON, wrong types, oversized and Unicode edge-case
 * values, bad headers and content types, as a Member, as staff and anonymously, and never answers 5xx
 * nor names an exception class. Deterministic (fixed seed), a bounded number of requests.
 */
@WebAppTest
class ApiFuzzTest {

  static final long SEED = Long.getLong("enquiries.fuzz.seed", 20261123L);
  /** Kept small so the suite stays fast; run deeper with -Denquiries.fuzz.cases=200 (and another seed). */
  static final int CASES_PER_OPERATION_AND_USER = Integer.getInteger("enquiries.fuzz.cases", 6);
  static final List<String> USERS = List.of("cllr.lovelace", "officer.highways", "support", "");
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final Random random = new Random(SEED);
  JsonNode docs;
  String enquiry;
  String documentRequest;

  @BeforeEach
  void setUp() throws Exception {
    TestUsers.seed(identity, departments);
    ApiClient api = new ApiClient(port);
    docs = api.get(null, "/v3/api-docs").body();
    enquiry = api.post("cllr.lovelace", "/api/enquiries", EnquiryApiTest.enquiry()).body().get("reference").asText();
    documentRequest = api.post("cllr.lovelace", "/api/document-requests", Map.of("documentTitle", "Lighting contract",
        "basis", "OTHER", "confidential", false, "justification", "Scrutiny", "purpose", "Scrutiny")).body()
        .get("reference").asText();
  }

  /** One operation of the document: method, path template, its parameters and its JSON body's schema. */
  record Operation(String method, String path, List<JsonNode> parameters, JsonNode bodySchema) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** One request to send. */
  record Case(String description, String method, String uri, String body, Map<String, String> headers) {}

  @Test
  @DisplayName("Fuzz: every operation of /v3/api-docs, bad bodies, parameters, headers and content types: no 5xx, no class names")
  void noOperationAnswersAServerError() throws Exception {
    List<Operation> operations = operations();
    assertThat(operations).extracting(Operation::toString).contains(
        "POST /api/enquiries", "GET /api/enquiries", "GET /api/enquiries/{reference}",
        "POST /api/enquiries/{reference}/clarification", "POST /api/enquiries/{reference}/shares",
        "POST /api/document-requests", "GET /api/document-requests/{reference}",
        "POST /api/document-requests/{reference}/dispute", "GET /api/calendar/deadlines");

    List<String> failures = new ArrayList<>();
    int sent = 0;
    long started = System.nanoTime();
    for (Operation operation : operations) {
      for (String user : USERS) {
        for (int i = 0; i < CASES_PER_OPERATION_AND_USER; i++) {
          Case fuzz = fuzz(operation, user);
          HttpResponse<String> response = send(fuzz, user);
          if (response == null) {
            continue; // the client itself refuses to send such a request
          }
          sent++;
          String body = response.body();
          if (response.statusCode() >= 500 || body.matches("(?s).*\\b[A-Za-z]+Exception\\b.*")
              || body.contains("org.springframework") || body.contains("org.camunda") || body.contains("java.lang")) {
            failures.add(response.statusCode() + " for " + (user.isEmpty() ? "anonymous" : user) + ": " + fuzz.description()
                + " " + fuzz.method() + " " + abbreviate(fuzz.uri()) + " " + fuzz.headers() + " body " + abbreviate(fuzz.body())
                + " -> " + abbreviate(body));
          }
        }
      }
    }
    System.out.printf("API fuzz: %d requests over %d operations in %d ms%n", sent, operations.size(),
        (System.nanoTime() - started) / 1_000_000);
    assertThat(sent).isGreaterThan(operations.size() * USERS.size() * CASES_PER_OPERATION_AND_USER / 2);
    assertThat(failures).isEmpty();
  }

  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
      JsonNode operation = method.getValue();
      List<JsonNode> parameters = new ArrayList<>();
      operation.path("parameters").forEach(parameters::add);
      JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
      operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), parameters,
          body.isMissingNode() ? null : resolve(body)));
    }));
    return operations;
  }

  JsonNode resolve(JsonNode schema) {
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
      return docs.get("components").get("schemas").get(name);
    }
    return schema;
  }

  // ---- generating requests ----

  Case fuzz(Operation operation, String user) throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    String description = "valid";
    Map<String, String> pathValues = new LinkedHashMap<>();
    Map<String, String> queryValues = new LinkedHashMap<>();
    for (JsonNode parameter : operation.parameters()) {
      String name = parameter.get("name").asText();
      String in = parameter.get("in").asText();
      if (in.equals("path")) {
        pathValues.put(name, encode(name.equals("reference") && operation.path().contains("document") ? documentRequest : enquiry));
      } else if (in.equals("query")) {
        queryValues.put(name, encode(validValue(parameter.path("schema"), name)));
      } else if (in.equals("header")) {
        headers.put(name, "fuzz-" + random.nextInt(1_000_000));
      }
    }
    String body = operation.bodySchema() == null ? null : JSON.writeValueAsString(validBody(operation.bodySchema(), user));
    headers.put("Content-Type", "application/json");

    // Valid requests are the API tests' business; every case here breaks one thing.
    int kind = random.nextInt(operation.bodySchema() == null ? 4 : 7);
    switch (kind) {
      case 0 -> { // a path or query parameter's value
        List<String> names = new ArrayList<>(pathValues.keySet());
        names.addAll(queryValues.keySet());
        if (!names.isEmpty()) {
          String name = pick(names);
          String value = pick(BAD_PARAMETER_VALUES).get();
          (pathValues.containsKey(name) ? pathValues : queryValues).put(name, value);
          description = "parameter " + name;
        } else {
          queryValues.put(pick(List.of("page", "size", "x", "receivedAt")), pick(BAD_PARAMETER_VALUES).get());
          description = "unexpected parameter";
        }
      }
      case 1 -> { // a header
        Map.Entry<String, Supplier<String>> header = pick(BAD_HEADERS);
        headers.put(header.getKey(), header.getValue().get());
        description = "header " + header.getKey();
      }
      case 2 -> { // a content type
        headers.put("Content-Type", pick(BAD_CONTENT_TYPES));
        description = "content type";
      }
      case 3 -> { // a body where none belongs, or malformed
        body = pick(MALFORMED_BODIES).get();
        description = "malformed body";
      }
      case 4, 5 -> { // a field of the body: wrong type, oversized or Unicode edge case
        ObjectNode tree = (ObjectNode) JSON.readTree(body);
        List<String> fields = new ArrayList<>();
        operation.bodySchema().path("properties").fieldNames().forEachRemaining(fields::add);
        String field = pick(fields);
        JsonNode value = JSON.readTree(pick(BAD_FIELD_VALUES).get());
        tree.set(field, value);
        body = JSON.writeValueAsString(tree);
        if (body.contains("LONE_SURROGATE")) {
          body = body.replace("LONE_SURROGATE", "\\ud800"); // escaped in the JSON text, as a client may send it
        }
        description = "field " + field;
      }
      case 6 -> { // unknown, missing or duplicated fields
        body = pick(List.of("{}", body.replaceFirst("\\{", "{\"unknown\":1,"), body.replaceFirst("}$", ",\"subject\":\"dup\"}"),
            body.replaceFirst("\\{\"[^\"]+\":(\"[^\"]*\"|[^,}]*),?", "{")));
        description = "fields";
      }
      default -> throw new IllegalStateException("no such kind of case: " + kind);
    }
    String path = operation.path();
    for (Map.Entry<String, String> value : pathValues.entrySet()) {
      path = path.replace("{" + value.getKey() + "}", value.getValue());
    }
    StringBuilder uri = new StringBuilder("http://localhost:" + port + path);
    String separator = "?";
    for (Map.Entry<String, String> value : queryValues.entrySet()) {
      uri.append(separator).append(encode(value.getKey())).append('=').append(value.getValue());
      separator = "&";
    }
    return new Case(description, operation.method(), uri.toString(), body, headers);
  }

  String validValue(JsonNode schema, String name) {
    JsonNode resolved = resolve(schema);
    if (resolved.has("enum")) {
      return resolved.get("enum").get(0).asText();
    }
    if (name.equals("receivedAt")) {
      return "2026-11-20T10:00:00Z";
    }
    return switch (resolved.path("type").asText()) {
      case "integer", "number" -> "1";
      case "boolean" -> "true";
      default -> resolved.has("example") ? resolved.get("example").asText() : "fuzz";
    };
  }

  ObjectNode validBody(JsonNode schema, String user) {
    ObjectNode body = JSON.createObjectNode();
    schema.path("properties").properties().forEach(property -> {
      String name = property.getKey();
      JsonNode type = resolve(property.getValue());
      if (name.equals("memberId")) {
        if (!user.startsWith("cllr")) {
          body.put(name, user.equals("") ? "cllr.lovelace" : "cllr.babbage");
        }
      } else if (name.equals("receivedAt")) {
        if (!user.startsWith("cllr")) {
          body.put(name, "2026-11-20T10:00:00Z");
        }
      } else if (name.equals("department")) {
        body.put(name, "highways");
      } else if (type.has("enum")) {
        body.put(name, type.get("enum").get(0).asText());
      } else if (type.path("type").asText().equals("boolean")) {
        body.put(name, false);
      } else if (type.path("type").asText().equals("string")) {
        body.put(name, type.has("example") ? type.get("example").asText() : "Fuzz " + name);
      }
    });
    return body;
  }

  static final List<Supplier<String>> BAD_PARAMETER_VALUES = List.of(
      () -> "", () -> "-1", () -> "-5", () -> "99999999999999999999", () -> "1e3", () -> "abc", () -> "%00",
      () -> "a%00b", () -> "%F0%9F%98%80", () -> "%ED%A0%80", () -> "%E2%80%AEevil", () -> "%FF%FE",
      () -> "x".repeat(10_000), () -> "ME-999999", () -> "..%2F..%2Fetc", () -> "%2e%2e", () -> "0000-01-01T00:00:00Z",
      () -> "%2B999999999-12-31T23:59:59Z", () -> "-999999999-01-01T00:00:00Z", () -> "2026-02-30T10:00:00Z",
      () -> "'%20OR%201%3D1--", () -> "%3Cscript%3E", () -> "%C3%A9t%C3%A9", () -> "%EF%BF%BF");

  static final List<String> BAD_CONTENT_TYPES = List.of(
      "*/*", "application/*", "multipart/form-data", "multipart/form-data; boundary=", "text/plain",
      "application/xml", "application/json; charset=nonsense", "application/json; charset=UTF-16", "garbage",
      "application/x-www-form-urlencoded", "application/problem+json", "application/json;;;", "image/png",
      "application/vnd.api+json");

  static final List<Map.Entry<String, Supplier<String>>> BAD_HEADERS = List.of(
      Map.entry("Accept", () -> "application/xml"),
      Map.entry("Accept", () -> "*/*;q=nonsense"),
      Map.entry("Accept-Charset", () -> "nonsense"),
      Map.entry("Idempotency-Key", () -> "k".repeat(300)),
      Map.entry("Idempotency-Key", () -> "ключ-😀"),
      Map.entry("Authorization", () -> "Basic !!!not-base64"),
      Map.entry("Authorization", () -> "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8))),
      Map.entry("Authorization", () -> "Bearer x"),
      Map.entry("Accept-Language", () -> "xx-" + "y".repeat(500)),
      Map.entry("X-Forwarded-For", () -> "not-an-address"),
      Map.entry("Content-Encoding", () -> "gzip"),
      Map.entry("Range", () -> "bytes=99999-1"),
      Map.entry("If-None-Match", () -> "\"" + "e".repeat(2_000) + "\""));

  static final List<Supplier<String>> MALFORMED_BODIES = List.of(
      () -> "", () -> "{", () -> "}", () -> "[", () -> "nul", () -> "{\"subject\":", () -> "{\"a\":1,}",
      () -> "[]", () -> "null", () -> "42", () -> "\"text\"", () -> "true", () -> "{\"subject\":\"\\u0000\"}",
      () -> "[".repeat(5_000) + "]".repeat(5_000), () -> "{\"text\":\"" + "x".repeat(1_100_000) + "\"}",
      () -> "\u0000\u0001\u0002", () -> "{\"subject\":\"\\ud800\"}", () -> "\ufeff{}", () -> "{'single':'quotes'}",
      () -> "{\"a\":1e999999}", () -> "{\"a\":" + "9".repeat(5_000) + "}");

  static final List<Supplier<String>> BAD_FIELD_VALUES = List.of(
      () -> "42", () -> "-1", () -> "1.7976931348623157E308", () -> "true", () -> "[]", () -> "{}", () -> "null",
      () -> "\"NOT_AN_ENUM\"", () -> "\"\"", () -> "\"   \"", () -> "\"\\u0000\"", () -> "\"before\\u0000after\"",
      () -> "\"LONE_SURROGATE\"", () -> "\"\\udc00 low\"", () -> "\"\\u202eevil\\u202c\"", () -> "\"😀👍🏽🇬🇧\"",
      () -> "\"\\u200b\\ufeff\"", () -> "\"e\\u0301\\u0301\\u0301\"", () -> "\"\\uffff\\ufffe\"", () -> "\"\\u0007\\t\\n\"",
      () -> "\"" + "x".repeat(20_001) + "\"", () -> "\"" + "é".repeat(100_000) + "\"", () -> "\"' OR 1=1 --\"",
      () -> "\"<script>alert(1)</script>\"", () -> "\"0000-01-01T00:00:00Z\"", () -> "\"+999999999-12-31T23:59:59Z\"",
      () -> "\"2026-11-20\"", () -> "[\"a\",\"b\"]", () -> "{\"nested\":{\"deep\":[1,2,3]}}");

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  // ---- sending ----

  HttpResponse<String> send(Case fuzz, String user) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fuzz.uri())).timeout(Duration.ofSeconds(30));
      HttpRequest.BodyPublisher body = fuzz.body() == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(fuzz.body(), StandardCharsets.UTF_8);
      request.method(fuzz.method(), body);
      if (!user.isEmpty() && !fuzz.headers().containsKey("Authorization")) {
        request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
      }
      for (Iterator<Map.Entry<String, String>> headers = fuzz.headers().entrySet().iterator(); headers.hasNext(); ) {
        Map.Entry<String, String> header = headers.next();
        request.header(header.getKey(), header.getValue());
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IllegalArgumentException clientRefuses) {
      return null;
    } catch (Exception e) {
      throw new IllegalStateException(fuzz.description() + " " + fuzz.method() + " " + abbreviate(fuzz.uri()), e);
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String abbreviate(String text) {
    return text == null ? "(none)" : text.length() <= 160 ? text : text.substring(0, 160) + "...(" + text.length() + ")";
  }
}
