package org.memberenquiries.ward;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.memberenquiries.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * R14 over HTTP. Who may call what is in {@code security.SecurityConfiguration}: officers and managers
 * record and withhold events, staff read them (the reason withheld: the monitoring officer and admins),
 * a Member reads their wards' events, administrators keep the ward register.
 */
@RestController
@RequestMapping("/api")
public class WardEventController {

  /** A register of 10,000 holdings is well under this. */
  static final int MAX_CSV_BODY = 2 * 1024 * 1024;

  private final WardEvents events;
  private final WardEventViews views;
  private final WardRegister register;

  public WardEventController(WardEvents events, WardEventViews views, WardRegister register) {
    this.events = events;
    this.views = views;
    this.register = register;
  }

  @PostMapping("/ward-events")
  public ResponseEntity<WardEventView> record(@Valid @RequestBody NewWardEvent event, Authentication user) {
    Caller caller = Caller.of(user);
    WardEventView view = views.view(caller, events.record(caller, event));
    return ResponseEntity.created(URI.create("/api/ward-events/" + view.reference())).body(view);
  }

  @GetMapping("/ward-events")
  public List<WardEventView> list(Authentication user) {
    return views.recent(Caller.of(user));
  }

  @GetMapping("/ward-events/{reference}")
  public WardEventView get(@PathVariable String reference, Authentication user) {
    return views.view(Caller.of(user), reference);
  }

  @PostMapping("/ward-events/{reference}/withholding")
  public WardEventView withhold(@PathVariable String reference, @Valid @RequestBody Withholding withholding,
      Authentication user) {
    Caller caller = Caller.of(user);
    return views.view(caller, events.withhold(caller, views.find(reference).id(), withholding));
  }

  @GetMapping("/my-wards")
  public WardEventView.MemberWards mine(Authentication user) {
    return views.forMember(Caller.of(user).id());
  }

  @GetMapping("/ward-register")
  public List<WardRegister.Holding> registerList() {
    return register.all();
  }

  /** Replaces the register with a CSV file ({@code ward,member}); all or nothing, problems listed by line (400). */
  @PutMapping(value = "/ward-register", consumes = "text/csv")
  public ResponseEntity<Object> importCsv(HttpServletRequest request) throws IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_CSV_BODY + 1);
    if (body.length > MAX_CSV_BODY) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ProblemDetail.forStatusAndDetail(
          HttpStatus.PAYLOAD_TOO_LARGE, "A ward register file must be at most " + MAX_CSV_BODY + " bytes."));
    }
    int imported = register.importCsv(new String(body, StandardCharsets.UTF_8));
    return ResponseEntity.ok(Map.of("imported", imported));
  }

  @ExceptionHandler(InvalidRegisterException.class)
  public ProblemDetail invalidRegister(InvalidRegisterException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The ward register was not changed: " + e.getMessage());
    problem.setTitle("Invalid ward register");
    problem.setProperty("problems", e.problems());
    return problem;
  }
}
