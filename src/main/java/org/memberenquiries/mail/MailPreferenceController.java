package org.memberenquiries.mail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.member.Members;
import org.memberenquiries.security.Caller;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Item 5: a Member chooses email about their enquiries, or their pages only. */
@RestController
@Tag(name = "Email")
public class MailPreferenceController {

  public record MailPreferenceChange(
      @Schema(description = "true: email me about my enquiries; false: I read them on my pages only") @NotNull Boolean email) {}

  public record MailPreference(
      boolean email,
      @Schema(description = "The address email goes to, from the Member's identity record; absent if none") String address) {}

  private final MailPreferences preferences;
  private final Members members;
  private final EngineClock clock;

  public MailPreferenceController(MailPreferences preferences, Members members, EngineClock clock) {
    this.preferences = preferences;
    this.members = members;
    this.clock = clock;
  }

  @GetMapping("/api/mail-preference")
  @Operation(summary = "Whether the calling Member gets email about their enquiries, and at which address")
  MailPreference get(Authentication user) {
    return view(member(user));
  }

  @PutMapping("/api/mail-preference")
  @Operation(summary = "The calling Member chooses email, or their pages only")
  MailPreference put(@Valid @RequestBody MailPreferenceChange change, Authentication user) {
    String member = member(user);
    preferences.choose(member, change.email(), clock.now());
    return view(member);
  }

  private String member(Authentication user) {
    Caller caller = Caller.of(user);
    if (!caller.isMember()) {
      throw new AccessDeniedException("Only a Member has an email preference");
    }
    return caller.id();
  }

  MailPreference view(String member) {
    String address = members.find(member).map(m -> m.getEmail()).filter(a -> a != null && !a.isBlank()).orElse(null);
    return new MailPreference(preferences.wantsEmail(member), address);
  }
}
