package org.memberenquiries.mail;

import org.memberenquiries.page.PageText;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** For administrators: the newest emails to Members, sent or waiting to be retried (the demo's mail catcher). */
@Controller
public class SentMailPage {

  static final int SHOWN = 100;

  private final MailOutbox outbox;
  private final PageText text;

  public SentMailPage(MailOutbox outbox, PageText text) {
    this.outbox = outbox;
    this.text = text;
  }

  @GetMapping("/admin/mail")
  public String sentMail(Model model) {
    model.addAttribute("title", "Email sent");
    model.addAttribute("fmt", text);
    model.addAttribute("mails", outbox.recent(SHOWN));
    return "admin/mail";
  }
}
