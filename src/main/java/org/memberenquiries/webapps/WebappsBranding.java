package org.memberenquiries.webapps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Brands Camunda's webapps with the council's name, through the configuration file each app loads,
 * {@code app/<app>/scripts/config.js}: ours under META-INF/resources/webjars (else the one Camunda
 * ships), with its {@code app.vendor} and
 * {@code app.name} set (the header and the browser tab then read "Anytown Council Tasklist") and its
 * first-visit box advertising Camunda's welcome page turned off ({@code disableWelcomeMessage}).
 * Served here rather than as a static copy so the name comes from configuration
 * ({@code enquiries.council.name}). Camunda's "migrate to Camunda 8" banner, which no option turns
 * off, is hidden by each app's {@code styles/user-styles.css} (under META-INF/resources/webjars).
 */
@RestController
public class WebappsBranding {

  static final Map<String, String> APPS =
      Map.of("tasklist", "Tasklist", "cockpit", "Cockpit", "admin", "Admin", "welcome", "Welcome");
  private static final String EXPORT = "export default {";
  private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

  private final Map<String, String> configs = new LinkedHashMap<>();

  public WebappsBranding(CouncilProperties council, ObjectMapper json) throws JsonProcessingException {
    for (var app : APPS.entrySet()) {
      String shipped = shipped(app.getKey());
      String branding = json.writeValueAsString(Map.of("vendor", council.name(), "name", app.getValue()));
      configs.put(app.getKey(), shipped.replace(EXPORT, EXPORT + "\n  // Member Enquiries (WebappsBranding): the council's name, no"
          + " first-visit advert.\n  app: " + branding + ",\n  disableWelcomeMessage: true,\n"));
    }
  }

  @GetMapping("${camunda.bpm.webapp.application-path:/camunda}/app/{app:tasklist|cockpit|admin|welcome}/scripts/config.js")
  public ResponseEntity<String> config(@PathVariable String app) {
    return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache()).body(configs.get(app));
  }

  /** Camunda's own config.js of an app (from the webapp jar); a start-up failure if its shape changed. */
  private static String shipped(String app) {
    ClassPathResource file = new ClassPathResource("META-INF/resources/webjars/camunda/app/" + app + "/scripts/config.js");
    try (InputStream in = file.getInputStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (text.indexOf(EXPORT) < 0 || text.indexOf(EXPORT) != text.lastIndexOf(EXPORT)) {
        throw new IllegalStateException(file.getPath() + " no longer has one '" + EXPORT + "': update WebappsBranding");
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("Camunda's " + file.getPath() + " is missing", e);
    }
  }
}
