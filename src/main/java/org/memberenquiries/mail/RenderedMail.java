package org.memberenquiries.mail;

import java.util.List;
import org.springframework.web.util.HtmlUtils;

/** A message ready to send: subject, plain text and HTML. */
public record RenderedMail(String subject, String text, String html) {

  /**
   * The same facts without the templates, for a notice written in the step's transaction whose templates
   * failed: such a notice cannot be written again later, so it goes out plain rather than not at all.
   * Each paragraph is one of {@code paragraphs} (null or blank ones are left out).
   */
  public static RenderedMail plain(String subject, List<String> paragraphs) {
    String text = String.join("\n\n", paragraphs.stream().filter(p -> p != null && !p.isBlank()).toList()) + "\n";
    return new RenderedMail(subject, text,
        "<!DOCTYPE html><html lang=\"en-GB\"><body><pre style=\"white-space: pre-wrap; font-family: sans-serif\">"
            + HtmlUtils.htmlEscape(text) + "</pre></body></html>");
  }
}
