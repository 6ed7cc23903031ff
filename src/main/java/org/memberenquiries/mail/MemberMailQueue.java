package org.memberenquiries.mail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.identity.User;
import org.memberenquiries.communication.CommunicationRecorded;
import org.memberenquiries.enquiry.EnquiryRegister;
import org.memberenquiries.enquiry.RegisteredEnquiry;
import org.memberenquiries.member.Members;
import org.memberenquiries.enquiry.EnquiryShares;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.memberenquiries.engine.AsTheEngine;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts an email in the outbox for everything recorded as sent to a Member, in the step's own
 * transaction (a synchronous listener): the mail exists if and only if the step committed. Nothing is
 * sent here; {@link MemberMailSender} sends after commit.
 *
 * <p>Recipients (R11): the Member whose enquiry it is and each Member they shared it with, each still a
 * Member, at the address in their identity record, unless they chose to read their pages only. One
 * message per recipient, so no Member sees another's address.
 */
@Component
public class MemberMailQueue {

  private static final Logger LOG = LoggerFactory.getLogger(MemberMailQueue.class);

  private final EnquiryRegister register;
  private final EnquiryShares shares;
  private final Members members;
  private final MailPreferences preferences;
  /** The transaction's resource key for the outbox rows written in it. */
  private static final Object TO_WRITE = new Object();

  private final MailOutbox outbox;
  private final MemberMessages messages;
  private final AsTheEngine asTheEngine;

  public MemberMailQueue(EnquiryRegister register, EnquiryShares shares, Members members,
      MailPreferences preferences, MailOutbox outbox, MemberMessages messages, AsTheEngine asTheEngine) {
    this.messages = messages;
    this.asTheEngine = asTheEngine;
    this.register = register;
    this.shares = shares;
    this.members = members;
    this.preferences = preferences;
    this.outbox = outbox;
  }

  @EventListener
  public void on(CommunicationRecorded recorded) {
    if (!recorded.kind().mailedToMember()) {
      return; // the Member's own reply (R9) is not mailed back to them
    }
    RegisteredEnquiry enquiry = register.findByProcessInstance(recorded.processInstanceId()).orElse(null);
    if (enquiry == null || enquiry.reference() == null) {
      LOG.warn("No email for {} on process instance {}: not an enquiry in the register",
          recorded.kind(), recorded.processInstanceId());
      return;
    }
    for (User recipient : recipients(enquiry)) {
      long id = outbox.add(recorded.processInstanceId(), enquiry.reference(), recorded.kind(), recorded.body(),
          recorded.sentBy(), recorded.sentAt(), enquiry.memberId(), recipient.getId(), recipient.getEmail().trim());
      writeBeforeCommit(id);
    }
  }

  /**
   * The dates owed are written as they stand when the step commits (the listener runs before the step
   * has set them, and a message sent after an outage must not show later dates): the message is rendered
   * just before the step's transaction commits, after the engine has flushed the case. Without a
   * transaction, or if rendering fails, the sender renders it when it first sends it.
   */
  private void writeBeforeCommit(long id) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<Long> ids = (List<Long>) TransactionSynchronizationManager.getResource(TO_WRITE);
    if (ids == null) {
      List<Long> toWrite = new ArrayList<>();
      TransactionSynchronizationManager.bindResource(TO_WRITE, toWrite);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          toWrite.forEach(MemberMailQueue.this::write);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(TO_WRITE);
        }
      });
      ids = toWrite;
    }
    ids.add(id);
  }

  private void write(long id) {
    // The step may run as an officer (Tasklist, the engine REST API), whose Camunda authorizations do not
    // cover the case's history; the message is the product's, not the officer's, so it reads the case
    // without them (as the sender, which runs as nobody, does).
    try {
      asTheEngine.run(() -> outbox.find(id).ifPresent(mail -> outbox.renderedWithStep(id, messages.render(mail))));
    } catch (RuntimeException e) {
      LOG.warn("Email {} not written with its step; the sender will write it", id, e);
    }
  }

  /** Those who may see the case (the owner, and Members it is shared with) and want email at a known address. */
  List<User> recipients(RegisteredEnquiry enquiry) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(enquiry.memberId());
    ids.addAll(shares.sharedWith(enquiry.reference()));
    List<User> recipients = new ArrayList<>();
    for (String id : ids) {
      members.find(id)
          .filter(member -> member.getEmail() != null && !member.getEmail().isBlank())
          .filter(member -> preferences.wantsEmail(member.getId()))
          .ifPresent(recipients::add);
    }
    return recipients;
  }
}
