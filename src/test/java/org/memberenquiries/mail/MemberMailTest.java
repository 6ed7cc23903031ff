package org.memberenquiries.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.department.Departments;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.enquiry.EnquiryRegister;
import org.memberenquiries.enquiry.EnquirySubmission;
import org.memberenquiries.enquiry.NewEnquiry;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.enquiry.EnquiryShares;
import org.memberenquiries.testing.ProcessEngineTest;
import org.memberenquiries.testing.ProcessTestSupport;
import org.memberenquiries.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Email to Members (issue 10 items 1 and 5; R4-R9, R11) against a real SMTP server (GreenMail): the
 * right recipients, the working-day dates owed in the text, sent once and only after the step commits,
 * nothing on a rollback, an SMTP outage in the middle of a batch, a restart with messages pending, and
 * two senders racing over the same outbox. The scheduler is off in tests; each test calls the sender.
 */
@ProcessEngineTest
class MemberMailTest extends ProcessTestSupport {

  static final String LOVELACE = "cllr.lovelace";
  static final String BABBAGE = "cllr.babbage";

  static int port;
  static GreenMail smtp;

  @Autowired EnquirySubmission submission;
  @Autowired EnquiryRegister register;
  @Autowired EnquiryShares shares;
  @Autowired MailPreferences preferences;
  @Autowired MailOutbox outbox;
  @Autowired MemberMessages messages;
  @Autowired MemberMailSender sender;
  @Autowired MemberMailProperties properties;
  @Autowired JavaMailSender mailSender;
  @Autowired EngineClock clock;
  @Autowired PlatformTransactionManager transactions;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void startSmtp() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    smtp = startSmtpServer();
  }

  static GreenMail startSmtpServer() {
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @BeforeEach
  void cleanOutboxAndPointAtGreenMail() throws Exception {
    if (!smtp.isRunning()) {
      smtp = startSmtpServer();
    }
    smtp.purgeEmailFromAllMailboxes();
    JavaMailSenderImpl impl = (JavaMailSenderImpl) mailSender;
    impl.setHost("127.0.0.1");
    impl.setPort(port);
    TestUsers.seed(identity, departments);
    jdbc.sql("delete from mail_outbox").update();
    jdbc.sql("delete from member_mail_preference").update();
  }

  // --- what is sent, to whom, with which dates ---

  @Test
  @DisplayName("R4: the acknowledgement goes to the Member once, after commit, with the response and full-response dates owed")
  void acknowledgementOnceWithDates() throws Exception {
    ProcessInstance enquiry = acknowledged("Thank you, we have your enquiry.");

    assertThat(smtp.getReceivedMessages()).isEmpty(); // nothing is sent by the step itself
    assertThat(sender.sendPending()).isEqualTo(1);
    assertThat(sender.sendPending()).isZero();

    MimeMessage mail = single(smtp.getReceivedMessages());
    assertThat(recipients(mail)).containsExactly(LOVELACE + "@council.example");
    assertThat(mail.getSubject()).contains("acknowledged").contains(enquiry.getBusinessKey());
    String text = text(mail);
    assertThat(text).contains("Dear Cllr Ada Lovelace")
        .contains("Thank you, we have your enquiry.")
        // received Monday 23 November 2026 10:00: 10 and 20 working days later (R4, R5, R7)
        .contains("We will respond by: 5pm, Monday 7 December 2026")
        .contains("The full response is due by: 5pm, Monday 21 December 2026")
        .contains("/enquiries/" + enquiry.getBusinessKey());
    assertThat(html(mail)).contains("5pm, Monday 7 December 2026");
    long row = outbox.forEnquiry(enquiry.getId()).get(0).id();
    assertThat(mail.getMessageID())
        .isEqualTo("<enquiry-mail." + row + "." + enquiry.getBusinessKey() + "@council.example>");
    assertThat(outbox.forEnquiry(enquiry.getId())).singleElement()
        .satisfies(sent -> assertThat(sent.status()).isEqualTo(OutboxMail.SENT));
  }

  @Test
  @DisplayName("R4 R15: acknowledged by an officer (Camunda authorizations apply to them), the email still has the dates, in the officer's name")
  void acknowledgedByAnOfficer() throws Exception {
    ProcessInstance enquiry = triaged();
    String task = taskOf(enquiry, "AcknowledgeEnquiry").getId();
    identity.setAuthentication("officer.highways", List.of("highways-officers"));
    try {
      taskService.complete(task, Map.of("acknowledgementText", "Received."));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(sender.sendPending()).isEqualTo(1);

    assertThat(text(single(smtp.getReceivedMessages())))
        .contains("We will respond by: 5pm, Monday 7 December 2026")
        .contains("The full response is due by: 5pm, Monday 21 December 2026")
        .contains("Officer Highways and Transport");
  }

  @Test
  @DisplayName("R6 R7: holding response, revised date, progress update and full response each reach the Member once, with the dates then owed")
  void holdingRevisedAndFullResponse() throws Exception {
    ProcessInstance enquiry = acknowledged("Received.");
    clockAt("2026-11-30T10:00");
    complete(enquiry, "RespondToEnquiry", Map.of("responseType", "HOLDING",
        "responseText", "We are looking into this.",
        "holdingExplanation", "The lighting contractor is surveying the street.",
        "estimatedFullResponseDate", "2026-12-16"));
    clockAt("2026-12-15T10:00");
    complete(enquiry, "SendFullResponse", Map.of("fullResponseOutcome", "DELAYED",
        "delayReasons", "The contractor needs a road closure.", "revisedFullResponseDate", "2027-01-08"));
    clockAt("2026-12-22T10:00"); // a week later the officer is reminded to update the Member (R7)
    executeDueJobs(enquiry);
    complete(enquiry, "SendProgressUpdate", Map.of("progressUpdateText", "Road closure booked for 5 January."));
    clockAt("2027-01-07T12:00");
    complete(enquiry, "SendFullResponseByRevisedDate",
        Map.of("fullResponseOutcome", "SENT", "fullResponseText", "Lights repaired on 6 January."));

    // Five messages, and R10: the 20 working days ran beside the revised date and passed on Monday 21
    // December, so the Member is told of the breach and Member Support is mailed (StaffMailTest).
    assertThat(sender.sendPending()).isEqualTo(7);
    assertThat(sender.sendPending()).isZero();

    List<MimeMessage> all = Arrays.asList(smtp.getReceivedMessages());
    MimeMessage breach = all.stream().filter(m -> subject(m).startsWith("We missed a deadline")).findFirst().orElseThrow();
    assertThat(recipients(breach)).containsExactly(LOVELACE + "@council.example");
    assertThat(text(breach)).contains("We did not send our full response to your enquiry by the date we owed it")
        .contains("It was due by: 5pm, Monday 21 December 2026");
    assertThat(all).filteredOn(m -> recipients(m).contains("support@council.example")).hasSize(1);
    List<MimeMessage> mails = all.stream().filter(m -> m != breach)
        .filter(m -> !recipients(m).contains("support@council.example")).toList();
    assertThat(mails).hasSize(5);
    for (MimeMessage mail : mails) {
      assertThat(recipients(mail)).containsExactly(LOVELACE + "@council.example");
    }
    assertThat(text(mails.get(1))).contains("The lighting contractor is surveying the street.")
        .contains("The full response is due by: 5pm, Monday 21 December 2026");
    assertThat(text(mails.get(2))).contains("The contractor needs a road closure.")
        .contains("We will now send the full response by: 5pm, Friday 8 January 2027");
    assertThat(text(mails.get(3))).contains("Road closure booked for 5 January.")
        .contains("The full response is due by: 5pm, Friday 8 January 2027");
    assertThat(text(mails.get(4))).contains("Lights repaired on 6 January.");
    assertThat(mails.get(4).getSubject()).startsWith("Our response to your enquiry");
  }

  @Test
  @DisplayName("R9: a question tells the Member the date to reply by; with no reply the closure is mailed too")
  void questionWithReplyDate() throws Exception {
    ProcessInstance enquiry = acknowledged("Received.");
    clockAt("2026-11-24T11:00");
    complete(enquiry, "RespondToEnquiry", Map.of("responseType", "CLARIFICATION",
        "clarificationQuestion", "Which end of Mill Lane do you mean?"));
    sender.sendPending();

    MimeMessage question = Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> subject(m).startsWith("A question")).findFirst().orElseThrow();
    // 10 working days from Tuesday 24 November 2026
    assertThat(text(question)).contains("Which end of Mill Lane do you mean?")
        .contains("Please reply by: 5pm, Tuesday 8 December 2026");
    assertThat(smtp.getReceivedMessages()).hasSize(2); // acknowledgement and question

    // No reply by then: the enquiry closes, and the Member is told.
    clockAt("2026-12-08T17:01");
    executeDueJobs(enquiry);
    assertThat(sender.sendPending()).isEqualTo(1);
    assertThat(smtp.getReceivedMessages()).hasSize(3);
    MimeMessage closed = smtp.getReceivedMessages()[2];
    assertThat(closed.getSubject()).startsWith("Your enquiry has been closed");
    assertThat(recipients(closed)).containsExactly(LOVELACE + "@council.example");
  }

  @Test
  @DisplayName("R8: the burden discussion is mailed with the agreed deadline, set later in the same step")
  void burdenDiscussionWithAgreedDeadline() throws Exception {
    ProcessInstance enquiry = acknowledged("Received.");
    clockAt("2026-11-25T10:00");
    complete(enquiry, "RespondToEnquiry", Map.of("responseType", "BURDEN",
        "burdenReason", "It asks for every streetlight fault in the county since 2010."));
    complete(enquiry, "DiscussBurden", Map.of("burdenDiscussion", "Agreed to narrow to 2020 onwards.",
        "deadlineAgreed", true, "agreedDeadline", "2027-01-08"));

    assertThat(sender.sendPending()).isEqualTo(2);
    MimeMessage burden = smtp.getReceivedMessages()[1];
    assertThat(recipients(burden)).containsExactly(LOVELACE + "@council.example");
    assertThat(text(burden)).contains("Agreed to narrow to 2020 onwards.")
        .contains("The agreed deadline is: 5pm, Friday 8 January 2027");
  }

  @Test
  @DisplayName("R1 R2: a referral tells the Member where the request went")
  void referral() throws Exception {
    clockAt("2026-11-23T10:00");
    ProcessInstance enquiry = submitted(LOVELACE);
    complete(enquiry, "TriageEnquiry", Map.of("requestKind", "SERVICE_REQUEST", "capacity", "COUNTY_COUNCILLOR"));
    complete(enquiry, "ReferElsewhere", Map.of("referralReference", "HH-4411",
        "referralMessage", "We have passed your request on; you will hear from them directly."));

    assertThat(sender.sendPending()).isEqualTo(1);
    MimeMessage mail = single(smtp.getReceivedMessages());
    assertThat(mail.getSubject()).startsWith("Your request has been passed on");
    assertThat(text(mail)).contains("We have passed your request on").contains("HH-4411");
  }

  @Test
  @DisplayName("R11: every Member the enquiry is shared with gets their own copy; a non-Member never; a page-only Member gets none")
  void sharedWithMembersOnly() throws Exception {
    clockAt("2026-11-23T10:00");
    ProcessInstance enquiry = submitted(LOVELACE);
    shares.permit(enquiry.getBusinessKey(), BABBAGE, LOVELACE, clock.now());
    shares.permit(enquiry.getBusinessKey(), "officer.planning", LOVELACE, clock.now()); // not a Member
    complete(enquiry, "TriageEnquiry", TRIAGED_AS_ENQUIRY);
    complete(enquiry, "AcknowledgeEnquiry", Map.of("acknowledgementText", "Received."));

    assertThat(sender.sendPending()).isEqualTo(2);
    List<MimeMessage> mails = Arrays.asList(smtp.getReceivedMessages());
    assertThat(mails).extracting(MemberMailTest::recipients)
        .containsExactlyInAnyOrder(List.of(LOVELACE + "@council.example"), List.of(BABBAGE + "@council.example"));
    MimeMessage toBabbage = mails.stream()
        .filter(m -> recipients(m).contains(BABBAGE + "@council.example")).findFirst().orElseThrow();
    assertThat(text(toBabbage)).contains("Dear Cllr Charles Babbage")
        .contains("Cllr Ada Lovelace has shared this enquiry with you");

    // Item 5: Lovelace chooses her pages only; the next message goes to Babbage alone.
    preferences.choose(LOVELACE, false, clock.now());
    smtp.purgeEmailFromAllMailboxes();
    clockAt("2026-11-24T11:00");
    complete(enquiry, "RespondToEnquiry", Map.of("responseType", "FULL", "responseText", "Repaired."));
    assertThat(sender.sendPending()).isEqualTo(1);
    assertThat(recipients(single(smtp.getReceivedMessages()))).containsExactly(BABBAGE + "@council.example");
  }

  @Test
  @DisplayName("What the Member or officer typed is escaped in the HTML part")
  void officerTextEscaped() throws Exception {
    acknowledged("<script>alert('x')</script> & <b>bold</b>");
    sender.sendPending();

    MimeMessage mail = single(smtp.getReceivedMessages());
    assertThat(html(mail)).contains("&lt;script&gt;").doesNotContain("<script>").doesNotContain("<b>bold");
    assertThat(text(mail)).contains("<script>alert('x')</script> & <b>bold</b>"); // plain text shows it as typed
  }

  // --- exactly once, never lost ---

  @Test
  @DisplayName("Sent only after the step commits; nothing at all when the step rolls back")
  void onlyAfterCommitNothingOnRollback() throws Exception {
    ProcessInstance enquiry = triaged();
    TransactionTemplate step = new TransactionTemplate(transactions);

    step.executeWithoutResult(status -> {
      complete(enquiry, "AcknowledgeEnquiry", Map.of("acknowledgementText", "Received."));
      assertThat(sender.sendPending()).isZero(); // the step has not committed: the sender cannot see it
    });
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(sender.sendPending()).isEqualTo(1);

    ProcessInstance other = triaged();
    step.executeWithoutResult(status -> {
      complete(other, "AcknowledgeEnquiry", Map.of("acknowledgementText", "Received."));
      status.setRollbackOnly();
    });
    assertThat(taskOf(other, "AcknowledgeEnquiry")).isNotNull(); // the step did not happen...
    assertThat(outbox.forEnquiry(other.getId())).isEmpty(); // ...and left no mail behind
    assertThat(sender.sendPending()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  @DisplayName("An SMTP outage in the middle of a batch delays the rest with exponential backoff, loses none, doubles none")
  void outageInTheMiddleOfABatch() throws Exception {
    List<ProcessInstance> enquiries = List.of(acknowledged("One."), acknowledged("Two."), acknowledged("Three."));
    List<MimeMessage> delivered = new ArrayList<>();
    // The SMTP server goes down right after accepting the first message of the batch.
    JavaMailSenderImpl failing = new JavaMailSenderImpl() {
      @Override
      protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
        super.doSend(mimeMessages, originalMessages);
        delivered.addAll(Arrays.asList(smtp.getReceivedMessages()));
        smtp.stop();
      }
    };
    failing.setHost("127.0.0.1");
    failing.setPort(port);
    MemberMailSender senderDuringOutage = new MemberMailSender(outbox, messages, failing, clock, properties, transactions);

    assertThat(senderDuringOutage.sendPending()).isEqualTo(1);
    assertThat(delivered).hasSize(1);
    assertThat(pending()).hasSize(2).allSatisfy(mail -> {
      assertThat(mail.attempts()).isEqualTo(1);
      assertThat(mail.lastError()).isNotBlank();
    });
    // The case went on regardless: every enquiry is past its acknowledgement.
    for (ProcessInstance enquiry : enquiries) {
      assertThat(taskOf(enquiry, "AcknowledgeEnquiry")).isNull();
    }

    // Still down a minute later: the second failure waits twice as long.
    clockAt(clock.now().plus(properties.firstRetryAfter()));
    assertThat(sender.sendPending()).isZero();
    assertThat(pending()).allSatisfy(mail -> assertThat(mail.attempts()).isEqualTo(2));
    clockAt(clock.now().plus(properties.firstRetryAfter()));
    assertThat(outbox.due(clock.now(), 10)).isEmpty(); // backing off: 2 minutes this time

    smtp = startSmtpServer(); // the server is back
    clockAt(clock.now().plus(properties.firstRetryAfter()));
    assertThat(sender.sendPending()).isEqualTo(2);
    assertThat(sender.sendPending()).isZero();
    delivered.addAll(Arrays.asList(smtp.getReceivedMessages()));
    assertThat(delivered).extracting(MemberMailTest::messageId).hasSize(3).doesNotHaveDuplicates();
    assertThat(delivered).extracting(MemberMailTest::text).anySatisfy(t -> assertThat(t).contains("One."))
        .anySatisfy(t -> assertThat(t).contains("Two.")).anySatisfy(t -> assertThat(t).contains("Three."));
    assertThat(pending()).isEmpty();
  }

  @Test
  @DisplayName("After a restart (a new sender over the same database) pending mail, even mail a crashed sender held, is sent once")
  void restartWithMessagesPending() throws Exception {
    ProcessInstance first = acknowledged("First.");
    ProcessInstance second = acknowledged("Second.");
    // The old application claimed the first message and died before sending it.
    long held = outbox.forEnquiry(first.getId()).get(0).id();
    assertThat(outbox.claim(held, "crashed-sender", clock.now(), clock.now().plus(properties.claimLease()))).isTrue();

    MemberMailSender restarted = new MemberMailSender(outbox, messages, mailSender, clock, properties, transactions);
    assertThat(restarted.sendPending()).isEqualTo(1); // the held message waits for the old claim to lapse
    assertThat(recipients(single(smtp.getReceivedMessages()))).containsExactly(LOVELACE + "@council.example");
    assertThat(text(single(smtp.getReceivedMessages()))).contains("Second.");

    clockAt(clock.now().plus(properties.claimLease()));
    assertThat(restarted.sendPending()).isEqualTo(1);
    assertThat(restarted.sendPending()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(2).extracting(MemberMailTest::messageId).doesNotHaveDuplicates();
    assertThat(outbox.forEnquiry(second.getId())).singleElement()
        .satisfies(mail -> assertThat(mail.status()).isEqualTo(OutboxMail.SENT));
  }

  @Test
  @DisplayName("Two senders (two nodes) racing over the same outbox never send a message twice")
  void twoSendersNeverDouble() throws Exception {
    for (int i = 0; i < 6; i++) {
      acknowledged("Message " + i + ".");
    }
    MemberMailSender other = new MemberMailSender(outbox, messages, mailSender, clock, properties, transactions);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Integer>> runs = List.of(
          sender::sendPending, other::sendPending);
      int sent = 0;
      for (Future<Integer> run : nodes.invokeAll(runs)) {
        sent += run.get();
      }
      assertThat(sent).isEqualTo(6);
    } finally {
      nodes.shutdown();
    }
    assertThat(smtp.getReceivedMessages()).hasSize(6).extracting(MemberMailTest::messageId).doesNotHaveDuplicates();
    assertThat(pending()).isEmpty();
  }

  // --- helpers ---

  private List<OutboxMail> pending() {
    return outbox.recent(100).stream().filter(mail -> OutboxMail.PENDING.equals(mail.status())).toList();
  }

  private ProcessInstance submitted(String member) {
    NewEnquiry enquiry = new NewEnquiry("Street lighting on Mill Lane", "The lights are out.",
        Capacity.COUNTY_COUNCILLOR, "Mill Ward", "highways", "To answer residents at the ward surgery.",
        null, null, null);
    String reference = submission.submit(new Caller(member, Set.of(Groups.MEMBERS)), enquiry, null).reference();
    String processInstanceId = register.find(reference).orElseThrow().processInstanceId();
    // The officers' new-case email (StaffMailTest's subject) is set aside: this class counts the Member's mail.
    jdbc.sql("delete from mail_outbox where kind = 'STAFF_NEW_CASE'").update();
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
  }

  /** Received on Monday 23 November 2026 at 10:00 and triaged as an enquiry. */
  private ProcessInstance triaged() {
    clockAt("2026-11-23T10:00");
    ProcessInstance enquiry = submitted(LOVELACE);
    complete(enquiry, "TriageEnquiry", TRIAGED_AS_ENQUIRY);
    return enquiry;
  }

  private ProcessInstance acknowledged(String acknowledgement) {
    ProcessInstance enquiry = triaged();
    complete(enquiry, "AcknowledgeEnquiry", Map.of("acknowledgementText", acknowledgement));
    return enquiry;
  }

  private static MimeMessage single(MimeMessage[] messages) {
    assertThat(messages).hasSize(1);
    return messages[0];
  }

  private static List<String> recipients(Message mail) {
    try {
      return Arrays.stream(mail.getAllRecipients()).map(Object::toString).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(MimeMessage mail) {
    return part(mail, "text/plain");
  }

  static String html(MimeMessage mail) {
    return part(mail, "text/html");
  }

  private static String part(Part part, String type) {
    try {
      if (part.isMimeType(type)) {
        return part.getContent().toString();
      }
      if (part.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          String found = part(child, type);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
