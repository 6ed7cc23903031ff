package org.memberenquiries.mail;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.memberenquiries.enquiry.EnquiryRegister;
import org.memberenquiries.enquiry.EnquiryView;
import org.memberenquiries.enquiry.EnquiryViews;
import org.memberenquiries.member.Members;
import org.memberenquiries.page.PageText;
import org.memberenquiries.staff.StaffDirectory;
import org.memberenquiries.webapps.CouncilProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes each email to a Member in the council's voice, from {@code templates/mail/member-message.txt}
 * and {@code .html}: what happened, the officer's words (escaped in HTML, like everything the Member or
 * an officer typed), the dates now owed as the Members' pages write them ({@link PageText#dateTime}),
 * and a link to the enquiry's page. The dates come from the case as it stands when the message is
 * first sent (the same view the Members' pages show).
 */
@Component
public class MemberMessages {

  private static final Logger LOG = LoggerFactory.getLogger(MemberMessages.class);

  /** A date owed, as a sentence label and "5pm, Monday 7 December 2026". */
  public record DateLine(String label, String when) {}

  /** Everything the templates show. */
  public record Message(
      String council, String recipientName, String sharedBy, String reference, String enquirySubject,
      String heading, String lead, String officerText, String purpose, List<DateLine> dates, String note,
      String signedName, String signedRole, String pageUrl) {}

  private final EnquiryRegister register;
  private final EnquiryViews views;
  private final Members members;
  private final StaffDirectory staff;
  private final PageText text;
  private final CouncilProperties council;
  private final MemberMailProperties properties;
  private final TemplateEngine templates = templates();
  private final List<MailAttachments> attachments;

  public MemberMessages(EnquiryRegister register, EnquiryViews views, Members members, StaffDirectory staff,
      PageText text, CouncilProperties council, MemberMailProperties properties, List<MailAttachments> attachments) {
    this.attachments = attachments;
    this.register = register;
    this.views = views;
    this.members = members;
    this.staff = staff;
    this.text = text;
    this.council = council;
    this.properties = properties;
  }

  public RenderedMail render(OutboxMail mail) {
    EnquiryView view = views.view(register.find(mail.reference()).orElseThrow(
        () -> new IllegalStateException("Enquiry " + mail.reference() + " is not in the register")));
    return templated(message(mail, view));
  }

  /**
   * A notice to a Member about their enquiry that is not a message recorded in the communication log
   * (R10's escalation steps): the same letter form, signed by the council, with no officer's words.
   */
  public RenderedMail renderNotice(EnquiryView view, String recipientId, String ownerId, String heading, String lead,
      List<DateLine> dates, String note) {
    Message message = new Message(council.name(), recipientName(recipientId), sharedBy(view, recipientId, ownerId),
        view.reference(), view.subject(), heading, lead, null, null, dates, note, null, null,
        properties.pagesUrl() + "/enquiries/" + view.reference());
    try {
      return templated(message);
    } catch (RuntimeException e) {
      // Written in the escalation step's transaction, it could not be written again later: plain rather than lost.
      LOG.error("Notice '{}' for {} to {} not written from its templates; it goes as plain text", heading,
          view.reference(), recipientId, e);
      return plain(message);
    }
  }

  static RenderedMail plain(Message m) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("Dear " + m.recipientName() + ",");
    paragraphs.add(m.sharedBy() == null ? null : m.sharedBy() + " shared this enquiry with you.");
    paragraphs.add(m.heading());
    paragraphs.add("Your enquiry " + m.reference() + ": " + m.enquirySubject());
    paragraphs.add(m.lead());
    paragraphs.add(String.join("\n", m.dates().stream().map(date -> date.label() + ": " + date.when()).toList()));
    paragraphs.add(m.note());
    paragraphs.add("See your enquiry: " + m.pageUrl());
    paragraphs.add(m.council());
    return RenderedMail.plain(subject(m), paragraphs);
  }

  RenderedMail templated(Message message) {
    Context context = new Context(Locale.UK);
    context.setVariable("m", message);
    return new RenderedMail(subject(message),
        templates.process("mail/member-message.txt", context),
        templates.process("mail/member-message.html", context));
  }

  private static String subject(Message message) {
    String subject = message.heading() + ": " + message.reference() + " " + message.enquirySubject();
    return subject.length() > 400 ? subject.substring(0, 400) : subject;
  }

  private String recipientName(String recipientId) {
    return members.find(recipientId).map(Members::displayName).orElse(recipientId);
  }

  private static String sharedBy(EnquiryView view, String recipientId, String ownerId) {
    return recipientId.equals(ownerId) ? null : (view.memberName() != null ? view.memberName() : ownerId);
  }

  /** "5pm, Monday 7 December 2026", as every date is written to a Member. */
  public DateLine dateLine(String label, OffsetDateTime when) {
    return new DateLine(label, text.dateTime(when));
  }

  Message message(OutboxMail mail, EnquiryView view) {
    EnquiryView.Deadlines d = view.deadlines();
    OffsetDateTime fullResponseDue = d.revisedFullResponseBy() != null ? d.revisedFullResponseBy() : d.fullResponseBy();
    List<DateLine> dates = new ArrayList<>();
    EnquiryView.AfterTheAnswer after = view.afterTheAnswer();
    String heading;
    String lead;
    String note = null;
    switch (mail.kind()) {
      case ACKNOWLEDGEMENT -> {
        heading = "Your enquiry has been acknowledged";
        lead = "We have received your enquiry and an officer is looking into it.";
        add(dates, "We will respond by", d.respondBy());
        add(dates, "The full response is due by", d.fullResponseBy());
      }
      case HOLDING_RESPONSE -> {
        heading = "A holding response to your enquiry";
        lead = "We need more time to answer your enquiry in full. This is what we are doing.";
        add(dates, "The full response is due by", fullResponseDue);
      }
      case FULL_RESPONSE -> {
        heading = "Our response to your enquiry";
        lead = "Here is our response to your enquiry.";
        if (attachments.stream().anyMatch(source -> !source.forMail(mail).isEmpty())) {
          // R15: the response also goes as a letter in the officer's name
          note = "Our signed letter with this response is attached as a PDF. You can also download it from"
              + " the enquiry's page.";
        }
        followUpsUntil(dates, view);
      }
      // After the answer (issue 10 item 4; R5, R10).
      case FOLLOW_UP -> {
        heading = "We have received your follow-up";
        lead = "Thank you. Your follow-up has gone to the officer who answered your enquiry. This is what you asked.";
        if (after != null) {
          add(dates, "We will answer it by", after.followUpRespondBy());
        }
      }
      case FOLLOW_UP_RESPONSE -> {
        heading = "Our answer to your follow-up";
        lead = "Here is our answer to your follow-up.";
        followUpsUntil(dates, view);
      }
      case NOT_SATISFIED -> {
        heading = "Member Support is looking into your concern";
        lead = "You told us you are not satisfied with our answer. Member Support will try to put things right with"
            + " the officer's team. This is what you told us.";
        if (after != null) {
          add(dates, "Member Support will reply by", after.informalResolutionBy());
        }
      }
      case INFORMAL_RESOLUTION -> {
        heading = "Member Support's reply to your concern";
        lead = "Member Support has looked into your concern with the officer's team. This is what was done.";
      }
      case ENQUIRY_CLOSED -> {
        heading = "Your enquiry is now closed";
        lead = "We have closed your enquiry: the time for follow-ups has ended.";
        note = "You are welcome to send a new enquiry at any time.";
      }
      case REVISED_DATE_NOTICE -> {
        heading = "Your full response will be later than promised";
        lead = "We are sorry that we cannot send the full response by the date we gave. These are the reasons.";
        add(dates, "We will now send the full response by", d.revisedFullResponseBy());
        note = "We will keep you updated regularly until then.";
      }
      case PROGRESS_UPDATE -> {
        heading = "An update on your enquiry";
        lead = "Here is the latest on your enquiry.";
        add(dates, "The full response is due by", fullResponseDue);
      }
      case REFERRAL_NOTICE -> {
        heading = "Your request has been passed on";
        lead = "This request is not one for officers to answer as a Member's enquiry, so we have passed it on.";
        if (view.referredTo() != null) {
          dates.add(new DateLine("Passed to", view.referredTo()));
        }
      }
      case QUESTION_TO_MEMBER -> {
        heading = "A question about your enquiry";
        lead = "An officer needs more information before they can answer.";
        if (view.openQuestion() != null) {
          add(dates, "Please reply by", view.openQuestion().replyDueBy());
        }
        note = "The time limits for your enquiry are paused until you reply. If we have not heard from you"
            + " within 10 working days, we will close the enquiry. Reply on the enquiry's page.";
      }
      case CLOSED_NO_REPLY -> {
        heading = "Your enquiry has been closed";
        lead = "We have closed your enquiry because we did not receive a reply to our question within"
            + " 10 working days.";
        note = "You are welcome to send a new enquiry at any time.";
      }
      case BURDEN_DISCUSSION -> {
        heading = "The time your enquiry needs";
        lead = "A manager has discussed with you the work your enquiry needs. This is the record of that discussion.";
        add(dates, "The agreed deadline is", d.agreedDeadline());
      }
      default -> throw new IllegalArgumentException("No email to the Member for " + mail.kind());
    }
    String recipientName = recipientName(mail.recipientId());
    String sharedBy = sharedBy(view, mail.recipientId(), mail.ownerId());
    StaffDirectory.Signatory signatory = mail.sentBy() == null ? null : staff.signatory(mail.sentBy()).orElse(null);
    return new Message(council.name(), recipientName, sharedBy, view.reference(), view.subject(), heading, lead,
        mail.body(), view.purpose(), dates, note, signatory == null ? null : signatory.name(),
        signatory == null ? null : signatory.role(), properties.pagesUrl() + "/enquiries/" + view.reference());
  }

  /** R5, R10: until when the Member may ask a follow-up or say they are not satisfied. */
  private void followUpsUntil(List<DateLine> dates, EnquiryView view) {
    if (view.afterTheAnswer() != null && view.afterTheAnswer().closedAt() == null) {
      add(dates, "You can ask a follow-up, or tell us if you are not satisfied, until", view.afterTheAnswer().followUpsUntil());
    }
  }

  private void add(List<DateLine> dates, String label, OffsetDateTime when) {
    if (when != null) {
      dates.add(new DateLine(label, text.dateTime(when)));
    }
  }

  /** The mail templates under {@code templates/}: {@code *.txt} as plain text, {@code *.html} escaped as HTML. */
  public static TemplateEngine templates() {
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
    return engine;
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(java.util.Set.of(pattern));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setOrder(order);
    return resolver;
  }
}
