package org.memberenquiries.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.identity.User;
import org.memberenquiries.webapps.CouncilProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes each email to staff from {@code templates/mail/staff-message.txt} and {@code .html}. Minimal by
 * design (R11): the case's reference and subject, the dates that matter and a link to the task in
 * Tasklist, where the recipient's own authorizations decide what they see; never the enquiry's text, the
 * Member's replies or anything an officer wrote. If the templates fail, the same facts go out as plain
 * text: the notice is written in the step's transaction and could not be written again later.
 */
@Component
public class StaffMessages {

  private static final Logger LOG = LoggerFactory.getLogger(StaffMessages.class);

  /** A labelled line: "Acknowledge by: 5pm, Tuesday 24 November 2026". */
  public record Line(String label, String value) {}

  /** Everything the templates show. */
  public record Message(String council, String recipientName, String heading, String reference,
      String enquirySubject, String lead, List<Line> lines, String note, String linkText, String link) {}

  private final CouncilProperties council;
  private final MemberMailProperties mail;
  private final TemplateEngine templates = MemberMessages.templates();

  public StaffMessages(CouncilProperties council, MemberMailProperties mail) {
    this.council = council;
    this.mail = mail;
  }

  /** The task in Tasklist, opened directly (a queue may hold many). */
  public String taskLink(String taskId) {
    return mail.pagesUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  public RenderedMail render(User recipient, String heading, String reference, String enquirySubject, String lead,
      List<Line> lines, String note, String linkText, String link) {
    Message message = new Message(council.name(), name(recipient), heading, reference,
        enquirySubject == null ? "" : enquirySubject, lead, lines, note, linkText, link);
    String subject = heading + ": " + reference + (enquirySubject == null ? "" : " " + enquirySubject);
    subject = subject.length() > 400 ? subject.substring(0, 400) : subject;
    try {
      return templated(subject, message);
    } catch (RuntimeException e) {
      LOG.error("Staff email '{}' for {} to {} not written from its templates; it goes as plain text", heading,
          reference, recipient.getId(), e);
      return plain(subject, message);
    }
  }

  RenderedMail templated(String subject, Message message) {
    Context context = new Context(Locale.UK);
    context.setVariable("m", message);
    return new RenderedMail(subject, templates.process("mail/staff-message.txt", context),
        templates.process("mail/staff-message.html", context));
  }

  static RenderedMail plain(String subject, Message m) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("Dear " + m.recipientName() + ",");
    paragraphs.add(m.heading());
    paragraphs.add("Reference: " + m.reference() + (m.enquirySubject().isEmpty() ? "" : "\nSubject: " + m.enquirySubject()));
    paragraphs.add(m.lead());
    paragraphs.add(String.join("\n", m.lines().stream().map(line -> line.label() + ": " + line.value()).toList()));
    paragraphs.add(m.note());
    paragraphs.add(m.linkText() == null ? null : m.linkText() + ": " + m.link());
    paragraphs.add(m.council());
    return RenderedMail.plain(subject, paragraphs);
  }

  static String name(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }
}
