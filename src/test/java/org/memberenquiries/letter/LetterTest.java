package org.memberenquiries.letter;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.memberenquiries.mail.MailOutbox;
import org.memberenquiries.mail.MemberMailSender;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.enquiry.EnquiryShares;
import org.memberenquiries.testing.ProcessEngineTest;
import org.memberenquiries.testing.ProcessTestSupport;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.web.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert;

/**
 * Letters in the officer's name (issue 10 item 2; R11, R15): a full response is issued as a PDF letter
 * on the letterhead configured for tests ({@code application-test.yml}), signed with the officer's name
 * and role, dated in the council's zone, with the reference, naming every Member it goes to; stored
 * with the case in the step's transaction; attached to each Member's email (GreenMail); downloadable
 * only by those who may read the case. The PDF's text is checked with PDFBox.
 */
@ProcessEngineTest
class LetterTest extends ProcessTestSupport {

  static final String LOVELACE = "cllr.lovelace";
  static final String BABBAGE = "cllr.babbage";
  static int port;
  static GreenMail smtp;

  @Autowired EnquirySubmission submission;
  @Autowired EnquiryRegister register;
  @Autowired EnquiryShares shares;
  @Autowired Letters letters;
  @Autowired LetterIssuer issuer;
  @Autowired LetterDownloads downloads;
  @Autowired MailOutbox outbox;
  @Autowired MemberMailSender sender;
  @Autowired JavaMailSender mailSender;
  @Autowired EngineClock clock;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void startSmtp() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @BeforeEach
  void cleanOutboxAndPointAtGreenMail() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    JavaMailSenderImpl impl = (JavaMailSenderImpl) mailSender;
    impl.setHost("127.0.0.1");
    impl.setPort(port);
    TestUsers.seed(identity, departments);
    jdbc.sql("delete from mail_outbox").update();
    jdbc.sql("delete from member_mail_preference").update();
  }

  @Test
  @DisplayName("R15: the full response is a letter on the letterhead, signed by the officer with their role, dated, with the reference")
  void letterInTheOfficersName() throws Exception {
    ProcessInstance enquiry = acknowledged(LOVELACE);
    clockAt("2026-11-24T11:00");
    asOfficer(() -> complete(enquiry, "RespondToEnquiry", Map.of("responseType", "FULL",
        "responseText", "The lights on Mill Lane were repaired on 23 November.\n\nThe contractor will check them monthly.")));

    Letter letter = single(letters.forEnquiry(enquiry.getBusinessKey()));
    String text = text(issuer.pdf(letter));
    assertThat(text)
        // the letterhead, from configuration
        .contains("Anytown Borough Council").contains("Town Hall").contains("Anytown AN1 1AA")
        .contains("01632 960000").contains("members@anytown.example")
        // reference, date (the council's zone, written out), recipient
        .contains("Our reference: " + enquiry.getBusinessKey())
        .contains("Date: 24 November 2026")
        .contains("Cllr Ada Lovelace").contains("Dear Cllr Ada Lovelace,")
        .contains("Street lighting on Mill Lane")
        // the officer's words, then their name and role (R15)
        .contains("The lights on Mill Lane were repaired on 23 November.")
        .contains("The contractor will check them monthly.")
        .contains("Yours sincerely,")
        .contains("Officer Highways and Transport")
        .contains("Highways and Transport officers");
    assertThat(text.indexOf("Yours sincerely")).isLessThan(text.indexOf("Officer Highways and Transport"));
    assertThat(text).doesNotContain("Cllr Charles Babbage").doesNotContain("sent to each of the Members");
    assertThat(letter.signedBy()).isEqualTo("officer.highways");
    try (PDDocument pdf = Loader.loadPDF(issuer.pdf(letter))) {
      assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Letter " + enquiry.getBusinessKey());
      assertThat(pdf.getDocumentInformation().getAuthor()).isEqualTo("Officer Highways and Transport");
    }
    Path png = Path.of("target", "letters", "letter.pdf");
    Files.createDirectories(png.getParent());
    Files.write(png, issuer.pdf(letter)); // for a look: pdftoppm -png -r 60 target/letters/letter.pdf /tmp/letter
  }

  @Test
  @DisplayName("R11: a letter on an enquiry shared with permission lists every Member it goes to, and each gets it by email")
  void sharedLetterListsEveryRecipient() throws Exception {
    ProcessInstance enquiry = acknowledged(LOVELACE);
    shares.permit(enquiry.getBusinessKey(), BABBAGE, LOVELACE, clock.now());
    clockAt("2026-11-25T09:30");
    asOfficer(() -> complete(enquiry, "RespondToEnquiry",
        Map.of("responseType", "FULL", "responseText", "Repaired.")));

    Letter letter = single(letters.forEnquiry(enquiry.getBusinessKey()));
    assertThat(letter.recipients()).containsExactly("Cllr Ada Lovelace", "Cllr Charles Babbage");
    String text = text(issuer.pdf(letter));
    Files.createDirectories(Path.of("target", "letters"));
    Files.write(Path.of("target", "letters", "shared-letter.pdf"), issuer.pdf(letter));
    assertThat(text).contains("To the Members:").contains("Cllr Ada Lovelace").contains("Cllr Charles Babbage")
        .contains("Dear Councillors,").contains("sent to each of the Members named").contains("25 November 2026");

    // Both Members' emails carry the same signed letter (sent after commit).
    // the officers' new-case email, the acknowledgement (before the share), the response to both
    assertThat(sender.sendPending()).isEqualTo(4);
    List<MimeMessage> responses = Arrays.stream(smtp.getReceivedMessages())
        .filter(mail -> subject(mail).startsWith("Our response")).toList();
    assertThat(responses).hasSize(2);
    for (MimeMessage mail : responses) {
      List<Part> pdfs = attachments(mail);
      assertThat(pdfs).singleElement().satisfies(part -> {
        assertThat(part.getContentType()).startsWith("application/pdf");
        assertThat(part.getFileName()).isEqualTo(enquiry.getBusinessKey() + "-letter-" + letter.id() + ".pdf");
        try (InputStream in = part.getInputStream()) {
          assertThat(text(in.readAllBytes())).contains("Cllr Charles Babbage").contains("Officer Highways and Transport");
        }
      });
      assertThat(plain(mail)).contains("Our signed letter with this response is attached as a PDF");
    }
    // The acknowledgement carries no letter.
    MimeMessage acknowledgement = Arrays.stream(smtp.getReceivedMessages())
        .filter(mail -> subject(mail).contains("acknowledged")).findFirst().orElseThrow();
    assertThat(attachments(acknowledgement)).isEmpty();
    assertThat(plain(acknowledgement)).doesNotContain("attached");
  }

  @Test
  @DisplayName("R7 R15: the full response after a holding response is a letter too; the holding response is not")
  void fullResponseAfterHoldingResponse() throws Exception {
    ProcessInstance enquiry = acknowledged(LOVELACE);
    clockAt("2026-11-30T10:00");
    asOfficer(() -> complete(enquiry, "RespondToEnquiry", Map.of("responseType", "HOLDING",
        "responseText", "We are looking into this.", "holdingExplanation", "A survey is booked.",
        "estimatedFullResponseDate", "2026-12-16")));
    assertThat(letters.forEnquiry(enquiry.getBusinessKey())).isEmpty();
    clockAt("2026-12-15T16:00");
    asOfficer(() -> complete(enquiry, "SendFullResponse",
        Map.of("fullResponseOutcome", "SENT", "fullResponseText", "The survey found a failed cable.")));

    Letter letter = single(letters.forEnquiry(enquiry.getBusinessKey()));
    assertThat(text(issuer.pdf(letter))).contains("The survey found a failed cable.").contains("15 December 2026");
  }

  @Test
  @DisplayName("R0 R15: the letter is dated in the council's zone: 23:30 UTC on 30 June is 1 July in London")
  void datedInTheCouncilsZone() throws Exception {
    clockAt("2026-06-29T10:00");
    ProcessInstance enquiry = submitted(LOVELACE);
    complete(enquiry, "TriageEnquiry", TRIAGED_AS_ENQUIRY);
    complete(enquiry, "AcknowledgeEnquiry", Map.of("acknowledgementText", "Received."));
    clockAt(java.time.Instant.parse("2026-06-30T23:30:00Z"));
    asOfficer(() -> complete(enquiry, "RespondToEnquiry", Map.of("responseType", "FULL", "responseText", "Done.")));

    Letter letter = single(letters.forEnquiry(enquiry.getBusinessKey()));
    assertThat(letter.date()).isEqualTo(java.time.LocalDate.of(2026, 7, 1));
    assertThat(text(issuer.pdf(letter))).contains("1 July 2026").doesNotContain("30 June 2026");
  }

  @Test
  @DisplayName("R15: no letter when the step rolls back; what the officer typed is printed as typed, never as markup")
  void rollbackAndEscaping() throws Exception {
    ProcessInstance enquiry = acknowledged(LOVELACE);
    clockAt("2026-11-24T11:00");
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      asOfficer(() -> complete(enquiry, "RespondToEnquiry",
          Map.of("responseType", "FULL", "responseText", "Rolled back.")));
      status.setRollbackOnly();
    });
    assertThat(letters.forEnquiry(enquiry.getBusinessKey())).isEmpty();

    asOfficer(() -> complete(enquiry, "RespondToEnquiry", Map.of("responseType", "FULL",
        "responseText", "<b>Bold</b> & <script>x</script> ]]> &amp;")));
    String text = text(issuer.pdf(single(letters.forEnquiry(enquiry.getBusinessKey()))));
    assertThat(text).contains("<b>Bold</b> & <script>x</script> ]]> &amp;");
  }

  @Test
  @DisplayName("R11: the Member, a Member it is shared with and the case's officers download it; others and wrong ids get 404")
  void whoMayDownload() throws Exception {
    ProcessInstance enquiry = acknowledged(LOVELACE);
    String reference = enquiry.getBusinessKey();
    asOfficer(() -> complete(enquiry, "RespondToEnquiry", Map.of("responseType", "FULL", "responseText", "Done.")));
    long id = single(letters.forEnquiry(reference)).id();
    ProcessInstance other = acknowledged(LOVELACE);
    asOfficer(() -> complete(other, "RespondToEnquiry", Map.of("responseType", "FULL", "responseText", "Other.")));

    for (Caller allowed : List.of(member(LOVELACE), new Caller("officer.highways", Set.of("highways-officers")),
        new Caller("manager.highways", Set.of("highways-managers")), new Caller("support", Set.of(Groups.MEMBER_SUPPORT)))) {
      assertThat(downloads.list(reference, allowed)).as(allowed.id()).singleElement()
          .satisfies(summary -> assertThat(summary.dated()).isEqualTo("23 November 2026"));
      assertThat(text(downloads.pdf(reference, String.valueOf(id), allowed).getBody())).contains(reference);
    }
    // Not shared yet: Babbage sees nothing; once shared, he may download it.
    assertNotFound(() -> downloads.pdf(reference, String.valueOf(id), member(BABBAGE)));
    shares.permit(reference, BABBAGE, LOVELACE, clock.now());
    assertThat(downloads.pdf(reference, String.valueOf(id), member(BABBAGE)).getHeaders().getContentType())
        .hasToString("application/pdf");
    for (Caller refused : List.of(new Caller("officer.planning", Set.of("planning-officers")),
        new Caller("director", Set.of(Groups.EXECUTIVE_DIRECTOR)))) {
      assertNotFound(() -> downloads.list(reference, refused));
      assertNotFound(() -> downloads.pdf(reference, String.valueOf(id), refused));
    }
    // Another enquiry's letter under this reference, an unknown id, a malformed one: not found.
    long otherId = single(letters.forEnquiry(other.getBusinessKey())).id();
    for (String wrong : List.of(String.valueOf(otherId), "999999999", "abc", "-1")) {
      assertNotFound(() -> downloads.pdf(reference, wrong, member(LOVELACE)));
    }
  }

  @Test
  @DisplayName("A letter whose PDF could not be rendered when issued is rendered on first use and kept")
  void renderedLateIfNeeded() throws Exception {
    ProcessInstance enquiry = acknowledged(LOVELACE);
    asOfficer(() -> complete(enquiry, "RespondToEnquiry", Map.of("responseType", "FULL", "responseText", "Done.")));
    Letter letter = single(letters.forEnquiry(enquiry.getBusinessKey()));
    jdbc.sql("update letter set pdf = null where id = ?").param(letter.id()).update();
    assertThat(letters.pdf(letter.id())).isEmpty();

    assertThat(text(issuer.pdf(letter))).contains(enquiry.getBusinessKey());
    assertThat(letters.pdf(letter.id())).isPresent();
  }

  // --- helpers ---

  private void asOfficer(Runnable step) {
    identity.setAuthentication("officer.highways", List.of("highways-officers"));
    try {
      step.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static Caller member(String id) {
    return new Caller(id, Set.of(Groups.MEMBERS));
  }

  private static void assertNotFound(ThrowableAssert.ThrowingCallable call) {
    Assertions.assertThatThrownBy(call).isInstanceOf(NotFoundException.class);
  }

  private ProcessInstance submitted(String member) {
    NewEnquiry enquiry = new NewEnquiry("Street lighting on Mill Lane", "The lights are out.",
        Capacity.COUNTY_COUNCILLOR, "Mill Ward", "highways", "To answer residents at the ward surgery.",
        null, null, null);
    String reference = submission.submit(new Caller(member, Set.of(Groups.MEMBERS)), enquiry, null).reference();
    String processInstanceId = register.find(reference).orElseThrow().processInstanceId();
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
  }

  /** Received Monday 23 November 2026 10:00, triaged and acknowledged. */
  private ProcessInstance acknowledged(String member) {
    clockAt("2026-11-23T10:00");
    ProcessInstance enquiry = submitted(member);
    complete(enquiry, "TriageEnquiry", TRIAGED_AS_ENQUIRY);
    complete(enquiry, "AcknowledgeEnquiry", Map.of("acknowledgementText", "Received."));
    return enquiry;
  }

  private static <T> T single(List<T> list) {
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Part> attachments(Part part) throws Exception {
    List<Part> found = new ArrayList<>();
    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      found.add(part);
    } else if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        found.addAll(attachments(child));
      }
    }
    return found;
  }

  private static String plain(Part part) throws Exception {
    if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return part.getContent().toString();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = plain(multipart.getBodyPart(i));
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
