package org.memberenquiries.ward;

import java.util.Locale;
import org.camunda.bpm.engine.identity.User;
import org.memberenquiries.mail.MemberMailProperties;
import org.memberenquiries.mail.MemberMessages;
import org.memberenquiries.mail.RenderedMail;
import org.memberenquiries.member.Members;
import org.memberenquiries.page.PageText;
import org.memberenquiries.staff.StaffDirectory;
import org.memberenquiries.webapps.CouncilProperties;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** The notice to a local Member (R14), from {@code templates/mail/ward-event.txt} and {@code .html}. */
@Component
public class WardEventMessages {

  /** Everything the templates show. */
  public record Notice(String council, String recipientName, String ward, String kind, String title, String day,
      String wards, String description, String reference, String recordedBy, String recordedByRole, String pageUrl) {}

  private final TemplateEngine templates = MemberMessages.templates();
  private final PageText text;
  private final StaffDirectory staff;
  private final CouncilProperties council;
  private final MemberMailProperties mail;

  public WardEventMessages(PageText text, StaffDirectory staff, CouncilProperties council, MemberMailProperties mail) {
    this.text = text;
    this.staff = staff;
    this.council = council;
    this.mail = mail;
  }

  public RenderedMail render(WardEvent event, User member, String ward) {
    StaffDirectory.Signatory officer = staff.signatory(event.recordedBy()).orElse(null);
    Notice notice = new Notice(council.name(), Members.displayName(member), ward, event.kind().label(), event.title(),
        text.day(event.startsOn()), String.join(", ", event.wards()), event.description(), event.reference(),
        officer == null ? null : officer.name(), officer == null ? null : officer.role(), mail.pagesUrl() + "/wards");
    Context context = new Context(Locale.UK);
    context.setVariable("n", notice);
    String subject = "In your ward, " + notice.day() + ": " + event.title();
    return new RenderedMail(subject.length() > 400 ? subject.substring(0, 400) : subject,
        templates.process("mail/ward-event.txt", context), templates.process("mail/ward-event.html", context));
  }
}
