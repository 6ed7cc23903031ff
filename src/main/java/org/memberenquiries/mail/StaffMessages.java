package org.memberenquiries.mail;

import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.identity.User;
import org.memberenquiries.webapps.CouncilProperties;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes each email to staff from {@code templates/mail/staff-message.txt} and {@code .html}. Minimal by
 * design (R11): the case's reference and subject, the dates that matter and a link to the task in
 * Tasklist, where the recipient's own authorizations decide what they see; never the enquiry's text, the
 * Member's replies or anything an officer wrote.
 */
@Component
public class StaffMessages {

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
    Context context = new Context(Locale.UK);
    context.setVariable("m", message);
    String subject = heading + ": " + reference + (enquirySubject == null ? "" : " " + enquirySubject);
    return new RenderedMail(subject.length() > 400 ? subject.substring(0, 400) : subject,
        templates.process("mail/staff-message.txt", context), templates.process("mail/staff-message.html", context));
  }

  static String name(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }
}
