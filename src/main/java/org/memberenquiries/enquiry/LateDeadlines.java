package org.memberenquiries.enquiry;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.communication.Communication;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.escalation.Breach;
import org.memberenquiries.escalation.BreachLog;
import org.memberenquiries.escalation.MissedDeadline;
import org.springframework.stereotype.Service;

/**
 * R10, R16 (issue 13 item 8): which of an enquiry's deadlines were missed, whether what was owed has
 * been sent since, and what became of the breach: raised with Member Support, resolved informally,
 * referred to a referee, decided. Read from the breach log (the process records a breach when a
 * deadline's timer fires, so a moved deadline, R8 or R9, is judged as the process judged it), which also
 * records to whom a breach was referred; nothing here changes it.
 */
@Service
public class LateDeadlines {

  /** What meets each deadline once sent (late). */
  static final Map<MissedDeadline, Set<CommunicationKind>> MET_BY = Map.of(
      MissedDeadline.ACKNOWLEDGEMENT, Set.of(CommunicationKind.ACKNOWLEDGEMENT, CommunicationKind.REFERRAL_NOTICE),
      MissedDeadline.RESPONSE, Set.of(CommunicationKind.HOLDING_RESPONSE, CommunicationKind.FULL_RESPONSE),
      MissedDeadline.FULL_RESPONSE, Set.of(CommunicationKind.FULL_RESPONSE),
      MissedDeadline.REVISED_FULL_RESPONSE, Set.of(CommunicationKind.FULL_RESPONSE),
      MissedDeadline.FOLLOW_UP_RESPONSE, Set.of(CommunicationKind.FOLLOW_UP_RESPONSE));

  private final BreachLog breaches;
  private final WorkingCalendar calendar;

  public LateDeadlines(BreachLog breaches, WorkingCalendar calendar) {
    this.breaches = breaches;
    this.calendar = calendar;
  }

  /** One entry per deadline missed, in the order they were missed; empty when none was. */
  public List<EnquiryView.Late> of(String processInstanceId, List<Communication> sent, boolean ended) {
    List<Breach> recorded = breaches.forEnquiry(processInstanceId);
    if (recorded.isEmpty()) {
      return List.of();
    }
    // R10: to whom Member Support referred each breach, as the breach log records it (issue 11: not searched for
    // in the engine's history, whose lookup by variable value grew with every escalation ever started).
    Map<Long, String> referredTo = breaches.referrals(processInstanceId);
    // A deadline missed again after it moved is the same deadline (R10): its latest due date, its one escalation.
    Map<MissedDeadline, Breach> latest = new LinkedHashMap<>();
    Map<MissedDeadline, Breach> escalated = new HashMap<>();
    for (Breach breach : recorded) {
      latest.put(breach.deadline(), breach);
      if (breach.escalated()) {
        escalated.putIfAbsent(breach.deadline(), breach);
      }
    }
    List<EnquiryView.Late> late = new ArrayList<>();
    latest.forEach((deadline, breach) -> {
      Instant sentAt = sent.stream().filter(c -> MET_BY.get(deadline).contains(c.kind()))
          .filter(c -> !c.sentAt().isBefore(breach.due())).map(Communication::sentAt).findFirst().orElse(null);
      Breach raised = escalated.get(deadline);
      late.add(new EnquiryView.Late(deadline.name(), at(breach.due()), at(sentAt), sentAt == null && !ended,
          raised == null ? null : escalation(raised, referredTo.get(raised.id()))));
    });
    return late;
  }

  private EnquiryView.Escalation escalation(Breach breach, String referee) {
    String status;
    if (breach.outcome() != null) {
      status = breach.outcome();
    } else if (referee != null) {
      status = "REFERRED";
    } else {
      status = "WITH_MEMBER_SUPPORT";
    }
    return new EnquiryView.Escalation(at(breach.missedAt()), status, referee, at(breach.decidedAt()));
  }

  private OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
  }
}
