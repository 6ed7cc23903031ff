package org.memberenquiries.document;

import static org.memberenquiries.document.DocumentVariables.*;

import java.sql.Timestamp;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.member.Members;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.web.ConflictException;
import org.memberenquiries.web.InvalidFieldException;
import org.memberenquiries.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R12: a Member's need-to-know requests: start one (process document-request), dispute a refusal,
 * and read where one stands. Only the requesting Member, the deciders (executive directors, the
 * monitoring officer as chief legal officer, the chief executive) and administrators see a request.
 */
@Service
public class DocumentRequests {

  public static final String PROCESS = org.memberenquiries.casedata.Processes.DOCUMENT_REQUEST;
  public static final String DISPUTED = org.memberenquiries.casedata.Messages.DOCUMENT_REFUSAL_DISPUTED;

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final Members members;
  private final EngineClock clock;
  private final WorkingCalendar calendar;

  public DocumentRequests(JdbcClient jdbc, RuntimeService runtime, HistoryService history, Members members,
      EngineClock clock, WorkingCalendar calendar) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.history = history;
    this.members = members;
    this.clock = clock;
    this.calendar = calendar;
  }

  @Transactional
  public String request(Caller caller, NewDocumentRequest request) {
    if (!caller.isMember()) {
      throw new AccessDeniedException("R12: only a Member asks to inspect a document");
    }
    if ((request.confidential() || request.basis() == Basis.OTHER)
        && (request.justification() == null || request.justification().isBlank())) {
      throw new InvalidFieldException("justification", "R12: 'justification' is required for "
          + (request.confidential() ? "a confidential document" : "a basis other than committee member or local member"));
    }
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into document_request (member_id, submitted_at) values (?, ?)")
        .params(caller.id(), Timestamp.from(clock.now())).update(keys, "id");
    long number = keys.getKey().longValue();
    String reference = String.format("DR-%06d", number);
    Map<String, Object> variables = new HashMap<>();
    variables.put(REFERENCE, reference);
    variables.put(MEMBER_ID, caller.id());
    variables.put(MEMBER_NAME, members.find(caller.id()).map(Members::displayName).orElse(caller.id()));
    variables.put(DOCUMENT_TITLE, request.documentTitle().trim());
    variables.put(BASIS, request.basis().name());
    variables.put(CONFIDENTIAL, request.confidential());
    variables.put(PURPOSE, request.purpose().trim());
    if (request.justification() != null && !request.justification().isBlank()) {
      variables.put(JUSTIFICATION, request.justification().trim());
    }
    String processInstanceId = runtime.startProcessInstanceByKey(PROCESS, reference, variables).getId();
    jdbc.sql("update document_request set reference = ?, process_instance_id = ? where id = ?")
        .params(reference, processInstanceId, number).update();
    return reference;
  }

  /** R12: the requesting Member disputes a refusal, within 10 working days of it. */
  @Transactional
  public DocumentRequestView dispute(String reference, Caller caller, String grounds) {
    Registered registered = readable(reference, caller);
    if (!registered.memberId().equals(caller.id())) {
      throw new AccessDeniedException("Only the Member who made request " + reference + " may dispute it");
    }
    try {
      runtime.createMessageCorrelation(DISPUTED).processInstanceId(registered.processInstanceId())
          .setVariable(DISPUTE_GROUNDS, grounds.trim())
          .setVariable(STATE, DocumentRequestState.DISPUTED.name())
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("Request " + reference + " has no refusal open to dispute");
    }
    return view(reference, caller);
  }

  public DocumentRequestView view(String reference, Caller caller) {
    Registered registered = readable(reference, caller);
    Map<String, Object> v = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(registered.processInstanceId()).list()) {
      v.put(variable.getName(), variable.getValue());
    }
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(registered.processInstanceId()).singleResult();
    DocumentRequestState state = DocumentRequestState.valueOf(String.valueOf(v.get(STATE)));
    if (state == DocumentRequestState.REFUSED && instance.getEndTime() != null) {
      state = DocumentRequestState.REFUSAL_STANDS;
    }
    boolean decider = !caller.isMember();
    return new DocumentRequestView(reference, state, registered.memberId(), text(v, DOCUMENT_TITLE),
        Basis.valueOf(text(v, BASIS)), Boolean.TRUE.equals(v.get(CONFIDENTIAL)), text(v, PURPOSE),
        text(v, CHIEF_OFFICER_DECISION), text(v, CHIEF_OFFICER_REASONS),
        v.get(DISPUTE_BY) instanceof Date d ? d.toInstant().atZone(calendar.zone()).toOffsetDateTime() : null,
        text(v, DISPUTE_GROUNDS), decider ? text(v, LEGAL_ADVICE) : null,
        text(v, CHIEF_EXECUTIVE_DECISION), text(v, CHIEF_EXECUTIVE_REASONS));
  }

  /** The caller's own requests, newest first, each as {@link #view} shows it. */
  public List<DocumentRequestView> own(Caller caller) {
    return jdbc.sql("select reference from document_request where member_id = ? and process_instance_id is not null"
            + " order by submitted_at desc, id desc")
        .param(caller.id()).query(String.class).list().stream()
        .map(reference -> view(reference, caller))
        .toList();
  }

  private Registered readable(String reference, Caller caller) {
    Optional<Registered> found = jdbc.sql(
            "select reference, process_instance_id, member_id from document_request where reference = ?")
        .param(reference)
        .query((rs, n) -> new Registered(rs.getString(1), rs.getString(2), rs.getString(3))).optional()
        .filter(r -> r.processInstanceId() != null);
    return found.filter(r -> r.memberId().equals(caller.id()) || caller.inGroup(Groups.EXECUTIVE_DIRECTOR)
            || caller.inGroup(Groups.MONITORING_OFFICER) || caller.inGroup(Groups.CHIEF_EXECUTIVE)
            || caller.inGroup(Groups.ADMINS))
        .orElseThrow(() -> new NotFoundException("No document request " + reference + " that you can see"));
  }

  private static String text(Map<String, Object> v, String name) {
    Object value = v.get(name);
    return value == null ? null : value.toString();
  }

  private record Registered(String reference, String processInstanceId, String memberId) {}
}
