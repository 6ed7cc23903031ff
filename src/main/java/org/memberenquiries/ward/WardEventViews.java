package org.memberenquiries.ward;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.web.NotFoundException;
import org.springframework.stereotype.Component;

/** Ward events as the API and pages show them to each caller (R14: the reason withheld, to the monitoring officer). */
@Component
public class WardEventViews {

  private final WardEvents events;
  private final WardRegister register;
  private final WorkingCalendar calendar;

  public WardEventViews(WardEvents events, WardRegister register, WorkingCalendar calendar) {
    this.events = events;
    this.register = register;
    this.calendar = calendar;
  }

  /** The monitoring officer and administrators read why an event was withheld. */
  public static boolean seesWithholding(Caller caller) {
    return caller.inGroup(Groups.MONITORING_OFFICER) || caller.inGroup(Groups.ADMINS);
  }

  public WardEventView view(Caller caller, WardEvent event) {
    WardEventView.WithholdingView withholding = event.withheld() && seesWithholding(caller)
        ? new WardEventView.WithholdingView(event.withheldBasis(), event.withheldReason(), event.withheldBy(),
            at(event.withheldAt()))
        : null;
    List<WardEventView.Told> told = events.told(event.id()).entrySet().stream()
        .map(e -> new WardEventView.Told(e.getKey(), e.getValue())).toList();
    return new WardEventView(event.reference(), event.kind(), event.title(), event.description(), event.startsOn(),
        event.wards(), event.recordedBy(), at(event.recordedAt()), at(event.notifyAt()), at(event.notifiedAt()),
        event.withheld(), withholding, told);
  }

  public WardEventView view(Caller caller, String reference) {
    return view(caller, find(reference));
  }

  public WardEvent find(String reference) {
    return WardEvents.id(reference).flatMap(events::find)
        .orElseThrow(() -> new NotFoundException("No ward event " + (reference.length() > 20 ? "" : reference)));
  }

  public List<WardEventView> recent(Caller caller) {
    return events.recent().stream().map(event -> view(caller, event)).toList();
  }

  public WardEventView.MemberWards forMember(String memberId) {
    return new WardEventView.MemberWards(register.wardsOf(memberId), events.toldTo(memberId).stream()
        .map(e -> new WardEventView.ForMember(e.reference(), e.kind(), e.title(), e.description(), e.startsOn(),
            e.wards(), at(e.notifiedAt())))
        .toList());
  }

  private OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
  }
}
