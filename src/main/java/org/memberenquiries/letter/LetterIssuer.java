package org.memberenquiries.letter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.communication.CommunicationRecorded;
import org.memberenquiries.enquiry.EnquiryRegister;
import org.memberenquiries.casedata.EnquiryVariables;
import org.memberenquiries.enquiry.RegisteredEnquiry;
import org.memberenquiries.member.Members;
import org.memberenquiries.enquiry.EnquiryShares;
import org.memberenquiries.staff.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.memberenquiries.engine.AsTheEngine;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Issues the letter (R15) for each full response, in the step's own transaction (a synchronous listener
 * on {@link CommunicationRecorded}, like the email outbox): the letter exists exactly when the response
 * was recorded. It goes out in the name and job title of the officer who sent the response, dated the
 * day it was sent in the council's zone, and names every Member who receives it (R11: the requesting
 * Member and each Member they shared the enquiry with).
 *
 * <p>A PDF that cannot be rendered (a broken font file, say) does not stop the response: the letter is
 * stored without it and rendered when it is first downloaded or mailed.
 */
@Service
public class LetterIssuer {

  private static final Logger LOG = LoggerFactory.getLogger(LetterIssuer.class);
  /** What is issued as a letter: the full response (R5, R7). */
  static final Set<CommunicationKind> LETTERS = Set.of(CommunicationKind.FULL_RESPONSE);

  private final LetterProperties properties;
  private final EnquiryRegister register;
  private final EnquiryShares shares;
  private final Members members;
  private final StaffDirectory staff;
  private final WorkingCalendar calendar;
  private final HistoryService history;
  private final AsTheEngine asTheEngine;
  private final Letters letters;
  private final LetterRenderer renderer;

  public LetterIssuer(LetterProperties properties, EnquiryRegister register, EnquiryShares shares, Members members,
      StaffDirectory staff, WorkingCalendar calendar, HistoryService history, AsTheEngine asTheEngine,
      Letters letters, LetterRenderer renderer) {
    this.properties = properties;
    this.register = register;
    this.shares = shares;
    this.members = members;
    this.staff = staff;
    this.calendar = calendar;
    this.history = history;
    this.asTheEngine = asTheEngine;
    this.letters = letters;
    this.renderer = renderer;
  }

  @EventListener
  public void on(CommunicationRecorded recorded) {
    if (!properties.enabled() || !LETTERS.contains(recorded.kind())) {
      return;
    }
    Optional<RegisteredEnquiry> enquiry = register.findByProcessInstance(recorded.processInstanceId())
        .filter(found -> found.reference() != null);
    if (enquiry.isEmpty()) {
      LOG.warn("No letter for {} on process instance {}: not an enquiry in the register",
          recorded.kind(), recorded.processInstanceId());
      return;
    }
    issue(enquiry.get(), recorded);
  }

  long issue(RegisteredEnquiry enquiry, CommunicationRecorded recorded) {
    StaffDirectory.Signatory signatory = staff.signatory(recorded.sentBy())
        .orElse(new StaffDirectory.Signatory("Member Enquiries", null));
    LocalDate date = recorded.sentAt().atZone(calendar.zone()).toLocalDate();
    Letter letter = new Letter(0, enquiry.reference(), enquiry.processInstanceId(), recorded.kind(),
        recorded.sentAt(), date, recorded.sentBy(), signatory.name(), signatory.role(), recipients(enquiry),
        subject(enquiry.processInstanceId()), recorded.body());
    byte[] pdf = null;
    try {
      pdf = renderer.pdf(letter);
    } catch (RuntimeException e) {
      LOG.error("Letter for {} on {} not rendered now; it will be rendered when first used",
          recorded.kind(), enquiry.reference(), e);
    }
    return letters.add(letter, pdf);
  }

  /** R11: the requesting Member, then each Member they shared the enquiry with, by name. */
  private List<String> recipients(RegisteredEnquiry enquiry) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(enquiry.memberId());
    ids.addAll(shares.sharedWith(enquiry.reference()));
    List<String> names = new ArrayList<>();
    for (String id : ids) {
      members.find(id).map(Members::displayName).ifPresent(names::add);
    }
    if (names.isEmpty()) {
      names.add(enquiry.memberId()); // no longer in the Members' group: still named as its recipient
    }
    return names;
  }

  /**
   * The enquiry's subject, read from the case's history. The step may run as an officer whose Camunda
   * authorizations do not cover history; the letter is the product's, so it reads without them.
   */
  private String subject(String processInstanceId) {
    return asTheEngine.call(() -> {
      HistoricVariableInstance subject = history.createHistoricVariableInstanceQuery()
          .processInstanceId(processInstanceId).variableName(EnquiryVariables.SUBJECT).list().stream()
          .findFirst().orElse(null);
      return subject == null || subject.getValue() == null ? null : subject.getValue().toString();
    });
  }

  /** The letter's PDF, rendering (and keeping) it if it could not be rendered when issued. */
  public byte[] pdf(Letter letter) {
    return letters.pdf(letter.id()).orElseGet(() -> {
      byte[] pdf = renderer.pdf(letter);
      letters.storePdf(letter.id(), pdf);
      return pdf;
    });
  }
}
