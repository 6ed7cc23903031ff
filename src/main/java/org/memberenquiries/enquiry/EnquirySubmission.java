package org.memberenquiries.enquiry;

import org.memberenquiries.casedata.EnquiryVariables;

import static org.memberenquiries.casedata.EnquiryVariables.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.department.Departments;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.member.Members;
import org.memberenquiries.security.Caller;
import org.memberenquiries.web.IdempotencyKeyReusedException;
import org.memberenquiries.web.InvalidFieldException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in a Member's enquiry: registers it and starts its member-enquiry case in one transaction,
 * so an enquiry is never registered without its case (and its deadlines and timers) nor the other
 * way round. An Idempotency-Key makes a retried submission return the first one.
 */
@Service
public class EnquirySubmission {

  public static final String PROCESS = org.memberenquiries.casedata.Processes.MEMBER_ENQUIRY;
  static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

  private final EnquiryRegister register;
  private final RuntimeService runtime;
  private final Departments departments;
  private final Members members;
  private final EngineClock clock;
  private final WorkingCalendar calendar;

  public EnquirySubmission(EnquiryRegister register, RuntimeService runtime, Departments departments,
      Members members, EngineClock clock, WorkingCalendar calendar) {
    this.calendar = calendar;
    this.register = register;
    this.runtime = runtime;
    this.departments = departments;
    this.members = members;
    this.clock = clock;
  }

  /** The result: the case's reference, and whether this was a replay of an earlier submission. */
  public record Submitted(String reference, boolean replayed) {}

  /** A submission already made with this key, if any; a different request under the same key is refused. */
  public Optional<Submitted> replay(Caller caller, NewEnquiry enquiry, String idempotencyKey) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    return register.findSubmission(caller.id(), idempotencyKey).map(earlier -> {
      if (!earlier.requestHash().equals(hash(enquiry))) {
        throw new IdempotencyKeyReusedException(idempotencyKey);
      }
      return new Submitted(earlier.reference(), true);
    });
  }

  @Transactional
  public Submitted submit(Caller caller, NewEnquiry enquiry, String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      throw new InvalidFieldException("Idempotency-Key", "The Idempotency-Key header must be 1 to "
          + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
    }
    Optional<Submitted> earlier = replay(caller, enquiry, idempotencyKey);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    User member = memberOf(caller, enquiry);
    if (departments.find(enquiry.department()).isEmpty()) {
      throw new InvalidFieldException("department", "Unknown department '" + enquiry.department() + "'; known: "
          + departments.all().stream().map(d -> d.id()).toList());
    }
    Instant now = clock.now();
    Instant receivedAt = receivedAt(caller, enquiry, now);

    long number = register.add(member.getId(), caller.id(), enquiry.department(), now, idempotencyKey, hash(enquiry));
    String reference = reference(number);
    register.link(number, reference, null); // the case's first step finds its row by it (CaseRecord)
    Map<String, Object> variables = new HashMap<>();
    variables.put(MEMBER_ID, member.getId());
    variables.put(MEMBER_NAME, Members.displayName(member));
    variables.put(SUBJECT, enquiry.subject().trim());
    variables.put(ENQUIRY_TEXT, enquiry.text().trim());
    variables.put(CAPACITY, enquiry.capacity().name());
    variables.put(WARD, enquiry.ward().trim());
    variables.put(DEPARTMENT, enquiry.department());
    variables.put(PURPOSE, enquiry.purpose().trim());
    variables.put(RECEIVED_AT, Date.from(receivedAt));
    variables.put(SUBMITTED_BY, caller.id());
    if (enquiry.serviceRequestReference() != null && !enquiry.serviceRequestReference().isBlank()) {
      variables.put(SERVICE_REQUEST_REFERENCE, enquiry.serviceRequestReference().trim());
    }
    ProcessInstance started = runtime.startProcessInstanceByKey(PROCESS, reference, variables);
    register.link(number, reference, started.getId());
    return new Submitted(reference, false);
  }

  /** The reference a Member quotes: ME- and the register number. */
  static String reference(long number) {
    return String.format("ME-%06d", number);
  }

  private User memberOf(Caller caller, NewEnquiry enquiry) {
    if (caller.isMember()) {
      if (enquiry.memberId() != null && !enquiry.memberId().equals(caller.id())) {
        throw new AccessDeniedException("A Member submits their own enquiries; 'memberId' must be left out");
      }
      return members.find(caller.id()).orElseThrow();
    }
    if (!caller.mayLogOnBehalf()) {
      throw new AccessDeniedException("Only a Member, Member Support or an officer may submit an enquiry");
    }
    if (enquiry.memberId() == null || enquiry.memberId().isBlank()) {
      throw new InvalidFieldException("memberId", "'memberId' is required when logging an enquiry on a Member's behalf");
    }
    return members.find(enquiry.memberId()).orElseThrow(() ->
        new InvalidFieldException("memberId", "'memberId' " + enquiry.memberId() + " is not a Member"));
  }

  private Instant receivedAt(Caller caller, NewEnquiry enquiry, Instant now) {
    if (enquiry.receivedAt() == null) {
      return now;
    }
    if (caller.isMember()) {
      throw new InvalidFieldException("receivedAt",
          "'receivedAt' is set by Member Support or an officer logging an enquiry; a Member's enquiry is received now");
    }
    Instant given = enquiry.receivedAt().toInstant();
    if (!calendar.covers(given)) {
      throw new InvalidFieldException("receivedAt", "'receivedAt' must be " + WorkingCalendar.coveredYears());
    }
    if (given.isAfter(now)) {
      throw new InvalidFieldException("receivedAt", "'receivedAt' must not be in the future");
    }
    return given;
  }

  private static String hash(NewEnquiry enquiry) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(enquiry.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
