package org.memberenquiries.enquiry;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.communication.Communication;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.escalation.Breach;
import org.memberenquiries.escalation.BreachLog;
import org.memberenquiries.escalation.EscalationSummary;
import org.memberenquiries.escalation.EscalationVariables;
import org.memberenquiries.escalation.MissedDeadline;
import org.springframework.stereotype.Service;

/**
 * R10, R16 (issue 13 item 8): which of an enquiry's deadlines were missed, whether what was owed has
 * been sent since, and what became of the breach: raised with Member Support, resolved informally,
 * referred to a referee, decided. Read from the breach log (the process records a breach when a
 * deadline's timer fires, so a moved deadline, R8 or R9, is judged as the process judged it) and from
 * the escalation's history (who it was referred to); nothing here changes either.
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
  private final HistoryService history;
  private final WorkingCalendar calendar;

  public LateDeadlines(BreachLog breaches, HistoryService history, WorkingCalendar calendar) {
    this.breaches = breaches;
    this.history = history;
    this.calendar = calendar;
  }

  /** One entry per deadline missed, in the order they were missed; empty when none was. */
  public List<EnquiryView.Late> of(String processInstanceId, List<Communication> sent, boolean ended) {
    List<Breach> recorded = breaches.forEnquiry(processInstanceId);
    if (recorded.isEmpty()) {
      return List.of();
    }
    Map<Long, String> referredTo = referrals(processInstanceId);
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

  /** Breach id to referee group, for the escalations Member Support referred on (R10). */
  private Map<Long, String> referrals(String processInstanceId) {
    List<String> escalations = new java.util.ArrayList<>(history.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(processInstanceId).processDefinitionKey(EscalationSummary.PROCESS).list().stream()
        .map(HistoricProcessInstance::getId).toList());
    // Escalations started by a step completed after its deadline name their enquiry instead (R10).
    history.createHistoricVariableInstanceQuery().variableValueEquals(
            EscalationVariables.ENQUIRY_PROCESS_INSTANCE_ID, processInstanceId).list()
        .forEach(variable -> escalations.add(variable.getProcessInstanceId()));
    if (escalations.isEmpty()) {
      return Map.of();
    }
    Map<String, Map<String, Object>> byEscalation = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(escalations.toArray(String[]::new))
        .variableNameIn(EscalationVariables.BREACH_ID, EscalationVariables.REFEREE, EscalationVariables.MEMBER_SATISFIED)
        .disableCustomObjectDeserialization().list()) {
      byEscalation.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
          .put(variable.getName(), variable.getValue());
    }
    Map<Long, String> referred = new HashMap<>();
    for (Map<String, Object> v : byEscalation.values()) {
      boolean dissatisfied = "false".equals(String.valueOf(v.get(EscalationVariables.MEMBER_SATISFIED)));
      if (v.get(EscalationVariables.BREACH_ID) instanceof Number id && dissatisfied
          && v.get(EscalationVariables.REFEREE) != null) {
        referred.put(id.longValue(), v.get(EscalationVariables.REFEREE).toString());
      }
    }
    return referred;
  }

  private OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
  }
}
