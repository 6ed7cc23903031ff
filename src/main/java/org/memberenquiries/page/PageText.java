package org.memberenquiries.page;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.memberenquiries.calendar.CouncilDates;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.department.DepartmentProperties.Department;
import org.memberenquiries.department.Departments;
import org.memberenquiries.document.Basis;
import org.memberenquiries.document.DocumentRequestState;
import org.memberenquiries.enquiry.EnquiryState;
import org.memberenquiries.enquiry.EnquiryView;
import org.memberenquiries.member.Members;
import org.springframework.stereotype.Component;

/**
 * The words the Members' pages use: readable states, capacities (R3), kinds of message, and dates and
 * times in the council's zone written the GOV.UK way ("5pm, Monday 23 November 2026"). Templates reach
 * it as {@code ${text}}.
 */
@Component
public class PageText {

  /** A radio or select choice: the submitted value, its label and an optional hint. */
  public record Choice(String value, String label, String hint) {}

  /** One date owed to the Member (R4-R8), with what happened to it when there is something to say; late if missed (R10). */
  public record DateOwed(String label, OffsetDateTime due, String note, boolean late) {

    DateOwed(String label, OffsetDateTime due, String note) {
      this(label, due, note, false);
    }
  }

  private final WorkingCalendar calendar;
  private final Departments departments;
  private final Members members;

  public PageText(WorkingCalendar calendar, Departments departments, Members members) {
    this.calendar = calendar;
    this.departments = departments;
    this.members = members;
  }

  /** "5pm, Monday 23 November 2026"; "10:30am, ..."; "midday, ..."; empty for no date ({@link CouncilDates}). */
  public String dateTime(OffsetDateTime at) {
    return dateTime(at, calendar.zone());
  }

  static String dateTime(OffsetDateTime at, ZoneId zone) {
    return CouncilDates.dateTime(at, zone);
  }

  /** "Monday 23 November 2026". */
  public String date(OffsetDateTime at) {
    return at == null ? "" : new CouncilDates(calendar.zone()).date(at);
  }

  /** "Monday 23 November 2026", for a day with no time (a ward event's day, R14). */
  public String day(java.time.LocalDate day) {
    return CouncilDates.date(day);
  }

  public String state(EnquiryState state) {
    if (state == null) {
      return "";
    }
    return switch (state) {
      case RECEIVED -> "Received";
      case ACKNOWLEDGED -> "Acknowledged";
      case AWAITING_MEMBER -> "Waiting for your reply";
      case HOLDING_RESPONSE_SENT -> "Holding response sent";
      case ANSWERED -> "Answered";
      case REFERRED -> "Referred elsewhere";
      case CLOSED_NO_RESPONSE -> "Closed: no reply";
      case FOLLOW_UP -> "Follow-up being answered";
      case NOT_SATISFIED -> "With Member Support";
    };
  }

  /** A sentence saying what the state means for the Member. */
  public String stateExplained(EnquiryState state) {
    if (state == null) {
      return "";
    }
    return switch (state) {
      case RECEIVED -> "Officers have your enquiry and will acknowledge it.";
      case ACKNOWLEDGED -> "Officers have acknowledged your enquiry and are working on a response.";
      case AWAITING_MEMBER -> "An officer has asked you a question. The clock is stopped until you reply.";
      case HOLDING_RESPONSE_SENT -> "Officers sent a holding response and are working on the full response.";
      case ANSWERED -> "Officers have answered your enquiry.";
      case REFERRED -> "This was not an enquiry for officers to answer, so it was passed on. See where it went below.";
      case CLOSED_NO_RESPONSE -> "The enquiry was closed because the officer's question was not answered within 10 working days.";
      case FOLLOW_UP -> "You asked a follow-up. The officer who answered is working on it.";
      case NOT_SATISFIED -> "You told us you are not satisfied. Member Support is looking into it with the officer's team.";
    };
  }

  /** The tag's modifier class, so states read differently at a glance (never by colour alone: the tag has text). */
  public String stateTag(EnquiryState state) {
    if (state == null) {
      return "tag";
    }
    return switch (state) {
      case RECEIVED -> "tag tag-blue";
      case ACKNOWLEDGED, HOLDING_RESPONSE_SENT -> "tag tag-turquoise";
      case AWAITING_MEMBER, NOT_SATISFIED -> "tag tag-yellow";
      case FOLLOW_UP -> "tag tag-turquoise";
      case ANSWERED -> "tag tag-green";
      case REFERRED, CLOSED_NO_RESPONSE -> "tag tag-grey";
    };
  }

  /** What the next deadline in the list of enquiries is for (see {@code EnquiryViews.summary}). */
  public String nextDeadline(EnquiryState state) {
    if (state == null) {
      return "";
    }
    return switch (state) {
      case RECEIVED -> "Acknowledgement by";
      case ACKNOWLEDGED -> "Response by";
      case HOLDING_RESPONSE_SENT -> "Full response by";
      case AWAITING_MEMBER -> "Your reply by";
      case FOLLOW_UP -> "Answer to your follow-up by";
      default -> "";
    };
  }

  public List<Choice> states() {
    return Arrays.stream(EnquiryState.values()).map(s -> new Choice(s.name(), state(s), null)).toList();
  }

  /** R3: the capacities a Member may ask in; "Not sure" lets the officer ask rather than assume. */
  public List<Choice> capacities(boolean withNotSure) {
    List<Choice> choices = new ArrayList<>();
    for (Capacity capacity : Capacity.values()) {
      if (capacity != Capacity.UNCLEAR) {
        choices.add(new Choice(capacity.name(), capacity.label(), null));
      }
    }
    if (withNotSure) {
      choices.add(new Choice(Capacity.UNCLEAR.name(), "Not sure",
          "An officer will ask you. Information only available to a county councillor is not released until you say."));
    }
    return choices;
  }

  public String capacity(String name) {
    if (name == null) {
      return "";
    }
    return Arrays.stream(Capacity.values()).filter(c -> c.name().equals(name)).findFirst()
        .map(c -> c == Capacity.UNCLEAR ? "Not sure yet: an officer will ask you" : c.label()).orElse(name);
  }

  /** R12: why a Member needs to know; any basis but the first two needs a justification. */
  public List<Choice> bases() {
    return List.of(
        new Choice(Basis.COMMITTEE_MEMBER_FOR_SERVICE.name(), basis(Basis.COMMITTEE_MEMBER_FOR_SERVICE),
            "You sit on the committee for the service the document is about"),
        new Choice(Basis.LOCAL_MEMBER.name(), basis(Basis.LOCAL_MEMBER),
            "The document is about your ward or division"),
        new Choice(Basis.OTHER.name(), basis(Basis.OTHER), "Explain why you need to know below"));
  }

  public String basis(Basis basis) {
    if (basis == null) {
      return "";
    }
    return switch (basis) {
      case COMMITTEE_MEMBER_FOR_SERVICE -> "Committee member for that service";
      case LOCAL_MEMBER -> "Local member";
      case OTHER -> "Another reason";
    };
  }

  /** Where a need-to-know request stands (R12), as the Member reads it. */
  public String documentState(DocumentRequestState state) {
    if (state == null) {
      return "";
    }
    return switch (state) {
      case AWAITING_DECISION -> "Awaiting decision";
      case GRANTED -> "You may inspect it";
      case REFUSED -> "Refused: you may dispute this";
      case DISPUTED -> "Disputed: with the chief executive";
      case GRANTED_ON_APPEAL -> "You may inspect it (on appeal)";
      case REFUSAL_UPHELD -> "Refusal upheld on appeal";
      case REFUSAL_STANDS -> "Refused";
    };
  }

  public String documentStateTag(DocumentRequestState state) {
    if (state == null) {
      return "tag";
    }
    return switch (state) {
      case GRANTED, GRANTED_ON_APPEAL -> "tag tag-green";
      case REFUSED, REFUSAL_UPHELD, REFUSAL_STANDS -> "tag tag-red";
      default -> "tag tag-blue";
    };
  }

  /** "Granted" or "Refused" for a recorded decision (R12). */
  public String decision(String decision) {
    if (decision == null) {
      return "";
    }
    return switch (decision) {
      case "GRANTED" -> "Granted";
      case "REFUSED" -> "Refused";
      default -> decision;
    };
  }

  public List<Choice> departments() {
    return departments.all().stream().map(d -> new Choice(d.id(), d.name(), null)).toList();
  }

  public String department(String id) {
    return departments.find(id).map(Department::name).orElse(id == null ? "" : id);
  }

  /** A Member's name for the list of recipients (R11), with their user id. */
  public String member(String id) {
    return members.find(id).map(PageText::memberLabel).orElse(id);
  }

  /** The same for a Member already read (a list of them: one query, not one each). */
  public static String memberLabel(org.camunda.bpm.engine.identity.User member) {
    return Members.displayName(member) + " (" + member.getId() + ")";
  }

  public String messageKind(String kind) {
    CommunicationKind known;
    try {
      known = CommunicationKind.valueOf(kind);
    } catch (IllegalArgumentException | NullPointerException e) {
      return kind;
    }
    return switch (known) {
      case ACKNOWLEDGEMENT -> "Acknowledgement";
      case HOLDING_RESPONSE -> "Holding response";
      case FULL_RESPONSE -> "Full response";
      case REVISED_DATE_NOTICE -> "Revised date for the full response";
      case PROGRESS_UPDATE -> "Progress update";
      case REFERRAL_NOTICE -> "Where your request was passed on";
      case QUESTION_TO_MEMBER -> "Question to you";
      case MEMBER_REPLY -> "Your reply";
      case CLOSED_NO_REPLY -> "Closed: no reply";
      case BURDEN_DISCUSSION -> "Discussion about the work involved";
      case FOLLOW_UP -> "Your follow-up";
      case FOLLOW_UP_RESPONSE -> "Answer to your follow-up";
      case NOT_SATISFIED -> "You said you are not satisfied";
      case INFORMAL_RESOLUTION -> "From Member Support";
      case ENQUIRY_CLOSED -> "Enquiry closed";
      case WARD_EVENT_NOTICE -> "An event in your ward";
      case ESCALATION_NOTICE -> "A missed deadline and its escalation";
      case STAFF_NEW_CASE -> "Staff: new enquiry in the queue";
      case STAFF_DEADLINE_REMINDER -> "Staff: deadline reminder";
      case STAFF_BREACH -> "Staff: missed deadline in the queue";
    };
  }

  /** Whether a message was written by the Member (a reply, a follow-up) rather than sent to them. */
  public boolean fromMember(String kind) {
    try {
      return kind != null && CommunicationKind.valueOf(kind).fromMember();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The dates owed to the Member (R4-R8, R16), each with when it was met once it has been, or since when it is late (R10). */
  public List<DateOwed> datesOwed(EnquiryView view) {
    EnquiryView.Deadlines d = view.deadlines();
    List<DateOwed> rows = new ArrayList<>();
    if (d == null) {
      return rows;
    }
    if (d.respondBy() == null && !d.timescalesApply()) {
      // R1, R2 (issue 12): referred; only passing it on was owed, by the acknowledgement deadline.
      rows.add(owed(view, "ACKNOWLEDGEMENT", "Passing your request on", d.acknowledgeBy(),
          sent(view, CommunicationKind.REFERRAL_NOTICE)));
      return rows;
    }
    rows.add(owed(view, "ACKNOWLEDGEMENT", "Acknowledgement", d.acknowledgeBy(),
        sent(view, CommunicationKind.ACKNOWLEDGEMENT)));
    String response = sent(view, CommunicationKind.HOLDING_RESPONSE, CommunicationKind.FULL_RESPONSE);
    rows.add(owed(view, "RESPONSE", "Response (within 10 working days)", d.respondBy(), response));
    rows.add(owed(view, "FULL_RESPONSE", "Full response, after a holding response (within 20 working days)",
        d.fullResponseBy(), sent(view, CommunicationKind.FULL_RESPONSE)));
    if (d.revisedFullResponseBy() != null) {
      rows.add(owed(view, "REVISED_FULL_RESPONSE", "Revised date for the full response", d.revisedFullResponseBy(), null));
    }
    if (d.agreedDeadline() != null) {
      rows.add(new DateOwed("Deadline agreed with you", d.agreedDeadline(), "Replaces the standard deadline"));
    }
    return rows;
  }

  /** A date owed, marked late when the process recorded it missed (R10): "Overdue since ..." or "Sent ..., late". */
  private DateOwed owed(EnquiryView view, String deadline, String label, OffsetDateTime due, String note) {
    EnquiryView.Late late = view.late() == null ? null
        : view.late().stream().filter(l -> deadline.equals(l.deadline())).findFirst().orElse(null);
    if (late == null) {
      return new DateOwed(label, due, note);
    }
    if (late.stillOwed()) {
      return new DateOwed(label, due, "Overdue since " + dateTime(late.overdueSince()), true);
    }
    if (late.sentAt() != null) {
      return new DateOwed(label, due, "Sent " + dateTime(late.sentAt()) + ", late", true);
    }
    return new DateOwed(label, due, note, true);
  }

  /** Which deadline was missed (R4, R5, R7), as the Member reads it. */
  public String missedDeadline(String deadline) {
    if (deadline == null) {
      return "";
    }
    return switch (deadline) {
      case "ACKNOWLEDGEMENT" -> "Acknowledgement";
      case "RESPONSE" -> "Response";
      case "FULL_RESPONSE" -> "Full response";
      case "REVISED_FULL_RESPONSE" -> "Full response by the revised date";
      default -> deadline;
    };
  }

  /** "Acknowledgement overdue since 5pm, Tuesday 24 November 2026", or when it was sent, late (R10). */
  public String late(EnquiryView.Late late) {
    String what = missedDeadline(late.deadline());
    String due = dateTime(late.overdueSince());
    if (late.stillOwed()) {
      return what + " overdue since " + due;
    }
    if (late.sentAt() != null) {
      return what + " sent late, at " + dateTime(late.sentAt()) + ". It was due by " + due;
    }
    return what + " was due by " + due + ". The enquiry has since closed";
  }

  /** R10: what became of the breach raised with Member Support, in a sentence or two. */
  public String escalation(EnquiryView.Escalation escalation) {
    if (escalation == null) {
      return "";
    }
    String raised = "This was raised with Member Support at " + dateTime(escalation.raisedAt()) + ".";
    String referee = referee(escalation.referredTo());
    String decided = escalation.decidedAt() == null ? "" : " at " + dateTime(escalation.decidedAt());
    return switch (escalation.status() == null ? "" : escalation.status()) {
      case "RESOLVED_INFORMALLY" -> raised + " Member Support resolved it with the officers' team" + decided + ".";
      case "REFERRED" -> raised + " It was not resolved to your satisfaction, so it was referred to " + referee
          + ", who will decide whether the protocol was breached.";
      case "UPHELD" -> raised + " It was referred to " + referee + ", who decided" + decided
          + " that the protocol was breached.";
      case "NOT_UPHELD" -> raised + " It was referred to " + referee + ", who decided" + decided
          + " that the protocol was not breached.";
      default -> raised + " They are working with the officers' team to put it right.";
    };
  }

  /** Who decides a referred breach (R10). */
  public String referee(String group) {
    if (group == null) {
      return "the relevant senior officer";
    }
    return switch (group) {
      case "executive-director" -> "the executive director";
      case "monitoring-officer" -> "the monitoring officer";
      case "chief-financial-officer" -> "the chief financial officer";
      default -> group;
    };
  }

  private String sent(EnquiryView view, CommunicationKind... kinds) {
    if (view.messages() == null) {
      return null;
    }
    List<String> names = Arrays.stream(kinds).map(Enum::name).toList();
    return view.messages().stream().filter(m -> names.contains(m.kind())).findFirst()
        .map(m -> "Sent " + dateTime(m.sentAt())).orElse(null);
  }
}
