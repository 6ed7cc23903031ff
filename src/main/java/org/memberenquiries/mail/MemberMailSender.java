package org.memberenquiries.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.memberenquiries.engine.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox after commit. Each run takes the due messages one by one: claims the row (its own
 * short transaction, so the claim is visible to every other sender at once), renders it the first time,
 * hands it to the SMTP server, and marks it sent. A failure (the SMTP server down or refusing) releases
 * the claim and makes the message due again after an exponential backoff; nothing is dropped, and the
 * case is never touched. A sender that crashes holding a claim loses it when the lease ends, and another
 * sender (or the restarted application) sends the row.
 *
 * <p>Every message carries a Message-ID derived from its outbox row, so if a sender crashes after the
 * SMTP server accepted a message but before the row was marked sent, the second copy has the same
 * Message-ID and mail clients and servers recognise it as the same message.
 */
@Service
public class MemberMailSender {

  private static final Logger LOG = LoggerFactory.getLogger(MemberMailSender.class);

  private final MailOutbox outbox;
  private final MemberMessages messages;
  private final JavaMailSender smtp;
  private final EngineClock clock;
  private final MemberMailProperties properties;
  private final TransactionTemplate ownTransaction;
  private final List<MailAttachments> attachments;

  public MemberMailSender(MailOutbox outbox, MemberMessages messages, JavaMailSender smtp, EngineClock clock,
      MemberMailProperties properties, PlatformTransactionManager transactions) {
    this(outbox, messages, smtp, clock, properties, transactions, List.of());
  }

  @Autowired
  public MemberMailSender(MailOutbox outbox, MemberMessages messages, JavaMailSender smtp, EngineClock clock,
      MemberMailProperties properties, PlatformTransactionManager transactions, List<MailAttachments> attachments) {
    this.attachments = attachments;
    this.outbox = outbox;
    this.messages = messages;
    this.smtp = smtp;
    this.clock = clock;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactions);
    // Never part of a caller's transaction: only committed messages are seen, and each claim commits at once.
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Sends every message due now; returns how many the SMTP server accepted. */
  public int sendPending() {
    int sent = 0;
    for (long id : ownTransaction.execute(status -> outbox.due(clock.now(), properties.batchSize()))) {
      if (sendOne(id)) {
        sent++;
      }
    }
    return sent;
  }

  private boolean sendOne(long id) {
    String token = UUID.randomUUID().toString();
    OutboxMail mail;
    try {
      mail = ownTransaction.execute(status -> claimAndRender(id, token));
    } catch (RuntimeException e) {
      // e.g. a template error: the claim was rolled back with it, so the row is retried after backoff
      LOG.error("Could not prepare email {} to send", id, e);
      retryLater(id, null, e);
      return false;
    }
    if (mail == null) {
      return false; // another sender has it, or it is already sent
    }
    MimeMessage message;
    try {
      message = mime(mail);
    } catch (MessagingException | RuntimeException e) {
      // e.g. the letter could not be rendered: like an SMTP failure, retried later, never dropped
      LOG.error("Email {} could not be put together, will retry", id, e);
      retryLater(id, token, e);
      return false;
    }
    try {
      smtp.send(message);
    } catch (MailException e) {
      LOG.warn("Email {} to {} not sent (attempt {}), will retry: {}", id, mail.recipientId(), mail.attempts(),
          e.getMessage());
      retryLater(id, token, e);
      return false;
    }
    Instant now = clock.now();
    ownTransaction.executeWithoutResult(status -> outbox.sent(id, token, now));
    return true;
  }

  private OutboxMail claimAndRender(long id, String token) {
    Instant now = clock.now();
    if (!outbox.claim(id, token, now, now.plus(properties.claimLease()))) {
      return null;
    }
    OutboxMail mail = outbox.find(id).orElseThrow();
    if (!mail.rendered()) {
      outbox.rendered(id, token, messages.render(mail));
      mail = outbox.find(id).orElseThrow();
    }
    return mail;
  }

  private void retryLater(long id, String token, Exception cause) {
    ownTransaction.executeWithoutResult(status -> {
      OutboxMail mail = outbox.find(id).orElseThrow();
      String claim = token;
      if (claim == null) {
        // the failed claim was rolled back: take the row briefly to record the failure
        claim = UUID.randomUUID().toString();
        Instant now = clock.now();
        if (!outbox.claim(id, claim, now, now.plus(properties.claimLease()))) {
          return;
        }
        mail = outbox.find(id).orElseThrow();
      }
      Instant next = clock.now().plus(properties.retryAfter(mail.attempts()));
      outbox.failed(id, claim, next, String.valueOf(cause.getMessage()));
    });
  }

  private MimeMessage mime(OutboxMail mail) throws MessagingException {
    MimeMessage message = new StableIdMessage(smtp.createMimeMessage().getSession(), messageId(mail));
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(new InternetAddress(properties.from()));
    helper.setTo(new InternetAddress(mail.recipientAddress(), true));
    helper.setSubject(mail.subject());
    helper.setText(mail.textBody(), mail.htmlBody());
    for (MailAttachments.Attachment file : attachments(mail)) {
      helper.addAttachment(file.fileName(), new ByteArrayResource(file.content().get()), file.contentType());
    }
    helper.setSentDate(Date.from(mail.recordedAt()));
    return message;
  }

  private List<MailAttachments.Attachment> attachments(OutboxMail mail) {
    List<MailAttachments.Attachment> files = new ArrayList<>();
    attachments.forEach(source -> files.addAll(source.forMail(mail)));
    return files;
  }

  /** {@code <enquiry-mail.42.ME-000007@council.example>}: the outbox row's id, so every retry has the same id. */
  String messageId(OutboxMail mail) {
    String from = properties.from();
    String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[>\\s]", "");
    return "<enquiry-mail." + mail.id() + "." + mail.reference() + "@" + domain + ">";
  }

  /** JavaMail replaces the Message-ID with a random one on saveChanges; this keeps ours. */
  private static final class StableIdMessage extends MimeMessage {
    private final String messageId;

    StableIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
