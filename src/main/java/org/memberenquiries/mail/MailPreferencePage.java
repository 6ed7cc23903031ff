package org.memberenquiries.mail;

import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.security.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Item 5 on the Members' pages: email about my enquiries, or my pages only (under /enquiries: Members only). */
@Controller
public class MailPreferencePage {

  private final MailPreferenceController api;
  private final MailPreferences preferences;
  private final EngineClock clock;

  public MailPreferencePage(MailPreferenceController api, MailPreferences preferences, EngineClock clock) {
    this.api = api;
    this.preferences = preferences;
    this.clock = clock;
  }

  @GetMapping("/enquiries/email")
  String show(@RequestParam(required = false) String saved, Authentication user, Model model) {
    model.addAttribute("title", "Email about your enquiries");
    model.addAttribute("preference", api.view(Caller.of(user).id()));
    model.addAttribute("saved", saved != null);
    return "enquiries/email";
  }

  @PostMapping("/enquiries/email")
  String choose(@RequestParam(required = false) String email, Authentication user) {
    // Anything but an explicit "no" keeps email on: a missing or odd value never silences the Member's mail.
    preferences.choose(Caller.of(user).id(), !"false".equals(email), clock.now());
    return "redirect:/enquiries/email?saved";
  }
}
