package org.memberenquiries.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request must be before anything reads it (the Members' API and pages, the engine REST
 * API, the webapps, the login form), checked once for all of them, ahead of Spring Security:
 * <ul>
 *   <li>a Content-Type that names one media type: {@code *}{@code /*}, {@code application/*}, an
 *       unparseable type, or {@code multipart/form-data} without a boundary is refused (415, 400);
 *   <li>no NUL character ({@code \u0000}) in a query parameter, a form field or a JSON value or name
 *       (PostgreSQL cannot store it): 400 naming the field (issue 7 item 8). The Members' pages check
 *       their own forms and show the error at the field;
 *   <li>a JSON body of at most {@value #MAX_JSON_BODY} bytes (413);
 *   <li>{@code /error} is where errors are shown, not an address: asked for directly, it is a 404.
 * </ul>
 * Refusals are RFC 9457 problem details, like every other API error.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10) // before Spring Security reads the login form
public class RequestHygiene extends OncePerRequestFilter {

  static final int MAX_JSON_BODY = 1024 * 1024;
  private static final String NUL = "\u0000";

  private final ObjectMapper json;

  public RequestHygiene(ObjectMapper json) {
    this.json = json;
  }

  /** A refusal: the status, what is wrong, and the field or parameter it concerns (if any). */
  private record Refusal(HttpStatus status, String title, String detail, String field) {}

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getRequestURI().equals(request.getContextPath() + "/error")) {
      // Spring Boot's error page, asked for directly rather than forwarded to with an error: no such page.
      response.sendError(HttpStatus.NOT_FOUND.value());
      return;
    }
    Refusal refusal = contentTypeRefusal(request.getContentType());
    if (refusal == null) {
      refusal = nulIn(request.getQueryString(), "parameter");
    }
    if (refusal == null && isForm(request) && !request.getRequestURI().startsWith(request.getContextPath() + "/enquiries")) {
      refusal = nulInParameters(request);
    }
    if (refusal == null && isJson(request)) {
      byte[] body = request.getInputStream().readNBytes(MAX_JSON_BODY + 1);
      if (body.length > MAX_JSON_BODY) {
        refusal = new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
            "A JSON request body must be at most " + MAX_JSON_BODY + " bytes.", null);
      } else {
        refusal = nulInJson(body);
        request = new CachedBody(request, body);
      }
    }
    if (refusal != null) {
      refuse(request, response, refusal);
      return;
    }
    chain.doFilter(request, response);
  }

  static Refusal contentTypeRefusal(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType);
    } catch (InvalidMediaTypeException e) {
      return unsupported("The Content-Type '" + printable(contentType) + "' is not a media type.");
    }
    if (type.isWildcardType() || type.isWildcardSubtype()) {
      return unsupported("The Content-Type must name one media type (such as application/json), not '"
          + printable(contentType) + "'.");
    }
    if ("multipart".equals(type.getType()) && (type.getParameter("boundary") == null || type.getParameter("boundary").isBlank())) {
      return new Refusal(HttpStatus.BAD_REQUEST, "Malformed request body",
          "A multipart Content-Type needs a boundary parameter.", null);
    }
    return null;
  }

  private static Refusal unsupported(String detail) {
    return new Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", detail, null);
  }

  private static boolean isForm(HttpServletRequest request) {
    MediaType type = mediaType(request);
    return type != null && MediaType.APPLICATION_FORM_URLENCODED.includes(type);
  }

  private static boolean isJson(HttpServletRequest request) {
    MediaType type = mediaType(request);
    return type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
  }

  private static MediaType mediaType(HttpServletRequest request) {
    try {
      return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
    } catch (InvalidMediaTypeException e) {
      return null;
    }
  }

  /** A NUL in a query string's names or values (decoded). */
  static Refusal nulIn(String query, String kind) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (name.contains(NUL) || value.contains(NUL)) {
        return nulRefusal(printable(name), kind);
      }
    }
    return null;
  }

  private static Refusal nulInParameters(HttpServletRequest request) {
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      boolean nul = parameter.getKey().contains(NUL)
          // FormContentFilter gives a name without '=' in a DELETE/PUT form body a null value (List.of refuses nulls).
          || java.util.Arrays.stream(parameter.getValue()).anyMatch(value -> value != null && value.contains(NUL));
      if (nul) {
        return nulRefusal(printable(parameter.getKey()), "field");
      }
    }
    return null;
  }

  private Refusal nulInJson(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      String pointer = nulIn(json.readTree(body), "");
      return pointer == null ? null : nulRefusal(pointer.isEmpty() ? "(the body)" : pointer.substring(1).replace('/', '.'), "field");
    } catch (JsonProcessingException notJson) {
      return null; // the handler behind says what is wrong with it
    } catch (IOException e) {
      return null;
    }
  }

  /** The JSON pointer of the first NUL in a value or a field name, or null. */
  private static String nulIn(JsonNode node, String pointer) {
    if (node.isTextual()) {
      return node.textValue().contains(NUL) ? pointer : null;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = nulIn(node.get(i), pointer + "/" + i);
        if (found != null) {
          return found;
        }
      }
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String child = pointer + "/" + printable(field.getKey());
        if (field.getKey().contains(NUL)) {
          return child;
        }
        String found = nulIn(field.getValue(), child);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static Refusal nulRefusal(String field, String kind) {
    return new Refusal(HttpStatus.BAD_REQUEST, "Invalid request " + kind,
        "'" + field + "' contains a NUL character (\\u0000), which is not allowed in any text.", field);
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(refusal.status(), refusal.detail());
    problem.setTitle(refusal.title());
    problem.setInstance(URI.create(request.getRequestURI().replace("\u0000", "")));
    if (refusal.field() != null) {
      problem.setProperty("errors", List.of(Map.of("field", refusal.field(),
          "pointer", "#/" + refusal.field().replace('.', '/'), "detail", refusal.detail())));
    }
    response.setStatus(refusal.status().value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }

  /** Control characters made visible, so that a refusal never echoes them. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().limit(200).forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  /** The request with its body already read (to check it), read again by whatever comes next. */
  private static final class CachedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          try {
            return in.available() == 0;
          } catch (IOException e) {
            return true;
          }
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
          encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
