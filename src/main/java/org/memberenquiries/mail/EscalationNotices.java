package org.memberenquiries.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.engine.AsTheEngine;
import org.memberenquiries.enquiry.EnquiryRegister;
import org.memberenquiries.enquiry.EnquiryView;
import org.memberenquiries.enquiry.EnquiryViews;
import org.memberenquiries.enquiry.RegisteredEnquiry;
import org.memberenquiries.escalation.Breach;
import org.memberenquiries.escalation.BreachEscalation;
import org.memberenquiries.escalation.EscalationTimescales;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * R10 told to the Member: each step of a missed deadline's escalation is emailed to the Member (and to
 * Members they shared the enquiry with, R11), through the Members' mail path: the same recipients and
 * mail preferences as {@link MemberMailQueue}, the same letter form, the same outbox. Written in the
 * escalation step's transaction (a synchronous listener on {@link BreachEscalation}), once per breach
 * and step. What the Member is told matches their enquiry's page (its "Missed deadlines"): which deadline
 * was missed and when it was due, that the breach is recorded and Member Support will try to resolve it
 * with the officer's team (and by when), whether it was resolved, to whom it was referred and by when
 * they decide, and their decision. Member Support's and the referee's notes are not sent (the page does
 * not show them either).
 */
@Component
public class EscalationNotices {

  private final EnquiryRegister register;
  private final EnquiryViews views;
  private final MemberMailQueue memberMail;
  private final MemberMessages messages;
  private final StaffMailQueue queue;
  private final AsTheEngine asTheEngine;
  private final WorkingCalendar calendar;
  private final EscalationTimescales timescales;

  public EscalationNotices(EnquiryRegister register, EnquiryViews views, MemberMailQueue memberMail,
      MemberMessages messages, StaffMailQueue queue, AsTheEngine asTheEngine, WorkingCalendar calendar,
      EscalationTimescales timescales) {
    this.register = register;
    this.views = views;
    this.memberMail = memberMail;
    this.messages = messages;
    this.queue = queue;
    this.asTheEngine = asTheEngine;
    this.calendar = calendar;
    this.timescales = timescales;
  }

  @EventListener
  public void on(BreachEscalation escalation) {
    Breach breach = escalation.breach();
    String key = "member-breach:" + breach.id() + ":" + escalation.step();
    RegisteredEnquiry enquiry = register.findByProcessInstance(breach.processInstanceId()).orElse(null);
    if (enquiry == null || enquiry.reference() == null || queue.isQueued(key)) {
      return;
    }
    // the step may run as Member Support or a referee, whose authorizations do not cover the case's history;
    // a template error makes the notice plain text (MemberMessages.renderNotice), never drops it
    Map<User, RenderedMail> written = asTheEngine.call(() -> {
      EnquiryView view = views.view(enquiry);
      Notice notice = notice(escalation);
      return queue.write(memberMail.recipients(enquiry), member -> messages.renderNotice(view, member.getId(),
          enquiry.memberId(), notice.heading(), notice.lead(), notice.dates(), notice.note()));
    });
    queue.queue(key, breach.processInstanceId(), enquiry.reference(), CommunicationKind.ESCALATION_NOTICE,
        enquiry.memberId(), written);
  }

  record Notice(String heading, String lead, List<MemberMessages.DateLine> dates, String note) {}

  Notice notice(BreachEscalation escalation) {
    Breach breach = escalation.breach();
    String deadline = DeadlineNames.forMember(breach.deadline());
    List<MemberMessages.DateLine> dates = new ArrayList<>();
    return switch (escalation.step()) {
      case RAISED -> {
        dates.add(messages.dateLine("It was due by", at(breach.due())));
        dates.add(messages.dateLine("Member Support will try to resolve it by",
            at(calendar.endOfNthWorkingDayAfter(escalation.at(), timescales.informalResolutionWorkingDays()).toInstant())));
        yield new Notice("We missed a deadline on your enquiry",
            "We did not send " + deadline + " by the date we owed it. We are sorry. This has been recorded as a"
                + " possible breach of the Member/Officer protocol, and Member Support will work with the"
                + " officer's team to put it right.", dates,
            "If you are still not satisfied, Member Support will refer it to the relevant executive director,"
                + " the monitoring officer or the chief financial officer, who will decide the outcome.");
      }
      case RESOLVED_INFORMALLY -> new Notice("The missed deadline on your enquiry has been resolved",
          "Member Support has recorded that the missed deadline for " + deadline
              + " was resolved informally with the officer's team.", dates, null);
      case REFERRED -> {
        dates.add(messages.dateLine("A decision is due by",
            at(calendar.endOfNthWorkingDayAfter(escalation.at(), timescales.refereeDecisionWorkingDays()).toInstant())));
        yield new Notice("The missed deadline on your enquiry has been referred",
            "Member Support could not resolve the missed deadline for " + deadline + " informally, so it has been"
                + " referred to " + referee(escalation.referee()) + ", who will decide the outcome.", dates, null);
      }
      case DECIDED -> new Notice("The outcome of the missed deadline on your enquiry",
          ("UPHELD".equals(escalation.outcome())
              ? "The referee has decided that missing the deadline for " + deadline
                  + " was a breach of the Member/Officer protocol."
              : "The referee has decided that missing the deadline for " + deadline
                  + " was not a breach of the Member/Officer protocol.")
              + (escalation.referee() == null ? "" : " The decision was made by " + referee(escalation.referee()) + "."),
          dates, null);
    };
  }

  private static String referee(String group) {
    if (group == null) {
      return "the referee";
    }
    return switch (group) {
      case "executive-director" -> "the relevant executive director";
      case "monitoring-officer" -> "the monitoring officer";
      case "chief-financial-officer" -> "the chief financial officer";
      default -> group;
    };
  }

  private java.time.OffsetDateTime at(Instant instant) {
    return instant.atZone(calendar.zone()).toOffsetDateTime();
  }
}
