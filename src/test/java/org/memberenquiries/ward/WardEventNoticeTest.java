package org.memberenquiries.ward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.department.Departments;
import org.memberenquiries.mail.MailOutbox;
import org.memberenquiries.mail.MailPreferences;
import org.memberenquiries.mail.MemberMailSender;
import org.memberenquiries.mail.OutboxMail;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.testing.ProcessEngineTest;
import org.memberenquiries.testing.ProcessTestSupport;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.web.ConflictException;
import org.memberenquiries.web.InvalidFieldException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * R14 (issue 10 item 3): the local Members of an event's wards are told beforehand, at the configured
 * working-day lead time (5) on real dates, by email through the outbox (against GreenMail) and on their
 * pages; exactly once across nodes; a withheld event tells no one and keeps why.
 */
@ProcessEngineTest
class WardEventNoticeTest extends ProcessTestSupport {

  static final String LOVELACE = "cllr.lovelace";
  static final String BABBAGE = "cllr.babbage";
  static final String HOPPER = "cllr.hopper";
  static final Caller OFFICER = new Caller("officer.highways", Set.of("highways-officers"));
  static final Caller MONITORING = new Caller("monitoring", Set.of(Groups.MONITORING_OFFICER));

  static GreenMail smtp;

  @Autowired WardEvents events;
  @Autowired WardEventViews views;
  @Autowired WardEventNotices notices;
  @Autowired WardRegister register;
  @Autowired MailOutbox outbox;
  @Autowired MailPreferences preferences;
  @Autowired MemberMailSender sender;
  @Autowired JavaMailSender mailSender;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void startSmtp() throws IOException {
    int port;
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
  void registerAndCleanSlate() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    JavaMailSenderImpl impl = (JavaMailSenderImpl) mailSender;
    impl.setHost("127.0.0.1");
    impl.setPort(smtp.getSmtp().getPort());
    TestUsers.seed(identity, departments);
    if (identity.createUserQuery().userId(HOPPER).count() == 0) {
      User hopper = identity.newUser(HOPPER);
      hopper.setFirstName("Grace");
      hopper.setLastName("Hopper");
      hopper.setEmail(HOPPER + "@council.example");
      hopper.setPassword(TestUsers.PASSWORD);
      identity.saveUser(hopper);
      identity.createMembership(HOPPER, Groups.MEMBERS);
    }
    for (String table : List.of("ward_event_notice", "ward_event_ward", "ward_event", "ward_member", "mail_outbox",
        "member_mail_preference")) {
      jdbc.sql("delete from " + table).update();
    }
    register.importCsv("""
        ward,member
        Mill Ward,cllr.lovelace
        Mill Ward,cllr.hopper
        Castle Ward,cllr.babbage
        Riverside Division,cllr.lovelace
        """);
  }

  @Test
  @DisplayName("R14 R0: an event on Monday 4 January 2027 is told to exactly its ward's Members at midnight starting"
      + " Wednesday 23 December 2026, 5 working days before (Christmas, Boxing Day's substitute and New Year skipped), once")
  void toldToExactlyTheMembersOfItsWardsAtTheLeadTime() throws Exception {
    clockAt("2026-12-14T10:00");
    WardEvent event = events.record(OFFICER, new NewWardEvent(EventKind.WORKS, "Mill Lane closed for resurfacing",
        "Mill Lane is closed from 8am to 6pm; diversion by Church Street.", LocalDate.of(2027, 1, 4),
        List.of("Mill Ward"), null, null));
    assertThat(event.notifyAt()).isEqualTo(london("2026-12-23T00:00"));

    clockAt("2026-12-22T23:59");
    assertThat(notices.tellDue()).isZero();
    assertThat(outbox.recent(10)).isEmpty();
    assertThat(views.forMember(LOVELACE).events()).isEmpty(); // not on the page before the notice either

    clockAt("2026-12-23T00:00");
    assertThat(notices.tellDue()).isEqualTo(1);
    assertThat(notices.tellDue()).isZero();
    assertThat(smtp.getReceivedMessages()).isEmpty(); // the mail goes after commit, by the sender

    assertThat(sender.sendPending()).isEqualTo(2);
    assertThat(sender.sendPending()).isZero();
    List<String> to = new ArrayList<>();
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      to.addAll(recipients(mail));
      assertThat(mail.getSubject()).isEqualTo("In your ward, Monday 4 January 2027: Mill Lane closed for resurfacing");
    }
    assertThat(to).containsExactlyInAnyOrder(LOVELACE + "@council.example", HOPPER + "@council.example");
    String text = text(smtp.getReceivedMessages()[0]);
    assertThat(text).contains("As a local Member for Mill Ward").contains("When: Monday 4 January 2027")
        .contains("diversion by Church Street").contains(event.reference()).contains("/wards");

    assertThat(events.told(event.id())).containsOnlyKeys(LOVELACE, HOPPER);
    assertThat(views.forMember(LOVELACE).events()).extracting(WardEventView.ForMember::reference)
        .containsExactly(event.reference());
    assertThat(views.forMember(BABBAGE).events()).isEmpty();
  }

  @Test
  @DisplayName("R14 R0: the lead time counts working days on real dates: Easter 2027 and the clocks going forward")
  void leadTimeOnRealDates() {
    // Thursday 1 April 2027: Good Friday 26 and Easter Monday 29 March are skipped; British Summer Time starts 28 March.
    assertThat(events.noticeDueAt(LocalDate.of(2027, 4, 1))).isEqualTo(london("2027-03-23T00:00"));
    // Tuesday 5 January 2027: back over New Year's Day, Boxing Day's substitute (28th) and Christmas Day.
    assertThat(events.noticeDueAt(LocalDate.of(2027, 1, 5))).isEqualTo(london("2026-12-24T00:00"));
    // An event on a Monday: the Monday before.
    assertThat(events.noticeDueAt(LocalDate.of(2026, 11, 30))).isEqualTo(london("2026-11-23T00:00"));
  }

  @Test
  @DisplayName("R14: an event recorded inside the lead time is told at once")
  void shortNoticeIsToldAtOnce() {
    clockAt("2026-11-26T15:00"); // Thursday; the event on Monday
    WardEvent event = events.record(OFFICER, new NewWardEvent(EventKind.EVENT, "Fun run", "On the green.",
        LocalDate.of(2026, 11, 30), List.of("Castle Ward"), null, null));
    assertThat(notices.tellDue()).isEqualTo(1);
    assertThat(events.told(event.id())).containsOnlyKeys(BABBAGE);
  }

  @Test
  @DisplayName("R14: a withheld event tells no one, by email or page, and keeps the reason for the monitoring officer only")
  void withheldEventTellsNoOne() {
    clockAt("2026-11-23T10:00");
    WardEvent withheld = events.record(OFFICER, new NewWardEvent(EventKind.DECISION, "Sale of the depot",
        "Cabinet decides the sale.", LocalDate.of(2026, 12, 7), List.of("Mill Ward", "Castle Ward"),
        WithholdingBasis.CONTRACTUAL, "Commercially sensitive until contracts are exchanged."));
    WardEvent later = events.record(OFFICER, new NewWardEvent(EventKind.EVENT, "Planning site visit", "At the depot.",
        LocalDate.of(2026, 12, 7), List.of("Riverside Division"), null, null));
    events.withhold(OFFICER, later.id(), new Withholding(WithholdingBasis.LEGAL, "Subject to an injunction."));

    clockAt("2026-12-04T10:00");
    assertThat(notices.tellDue()).isZero();
    assertThat(sender.sendPending()).isZero();
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(outbox.recent(10)).isEmpty();
    assertThat(events.told(withheld.id())).isEmpty();
    assertThat(events.told(later.id())).isEmpty();
    for (String member : List.of(LOVELACE, BABBAGE, HOPPER)) {
      assertThat(views.forMember(member).events()).as(member).isEmpty();
    }

    WardEventView forMonitoring = views.view(MONITORING, withheld.reference());
    assertThat(forMonitoring.withholding().basis()).isEqualTo(WithholdingBasis.CONTRACTUAL);
    assertThat(forMonitoring.withholding().reason()).isEqualTo("Commercially sensitive until contracts are exchanged.");
    assertThat(forMonitoring.withholding().by()).isEqualTo("officer.highways");
    assertThat(views.view(MONITORING, later.reference()).withholding().reason()).isEqualTo("Subject to an injunction.");
    WardEventView forOfficer = views.view(OFFICER, withheld.reference());
    assertThat(forOfficer.withheld()).isTrue();
    assertThat(forOfficer.withholding()).isNull();
  }

  @Test
  @DisplayName("R14: once its Members are told an event can no longer be withheld; a half-given withholding is refused")
  void withholdingRules() {
    clockAt("2026-11-26T10:00");
    WardEvent event = events.record(OFFICER, new NewWardEvent(EventKind.EVENT, "Fun run", "On the green.",
        LocalDate.of(2026, 11, 30), List.of("Castle Ward"), null, null));
    notices.tellDue();
    assertThatThrownBy(() -> events.withhold(OFFICER, event.id(), new Withholding(WithholdingBasis.POLICY, "Too late.")))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> events.record(OFFICER, new NewWardEvent(EventKind.EVENT, "Fair", "On the green.",
        LocalDate.of(2026, 12, 30), List.of("Castle Ward"), WithholdingBasis.LEGAL, " ")))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("withheldReason");
    assertThatThrownBy(() -> events.record(OFFICER, new NewWardEvent(EventKind.EVENT, "Fair", "On the green.",
        LocalDate.of(2026, 12, 30), List.of("Atlantis Ward"), null, null)))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("Atlantis Ward");
    assertThatThrownBy(() -> events.record(OFFICER, new NewWardEvent(EventKind.EVENT, "Fair", "On the green.",
        LocalDate.of(2026, 11, 25), List.of("Castle Ward"), null, null)))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("past");
  }

  @Test
  @DisplayName("R14 item 5: a Member who chose their pages only is told on their page, with no email")
  void pageOnlyMember() throws Exception {
    clockAt("2026-11-23T10:00");
    preferences.choose(HOPPER, false, ClockUtil.getCurrentTime().toInstant());
    WardEvent event = events.record(OFFICER, new NewWardEvent(EventKind.WORKS, "Gas main", "Road works.",
        LocalDate.of(2026, 11, 27), List.of("Mill Ward"), null, null));
    assertThat(notices.tellDue()).isEqualTo(1);
    assertThat(events.told(event.id())).containsEntry(LOVELACE, true).containsEntry(HOPPER, false);
    assertThat(sender.sendPending()).isEqualTo(1);
    assertThat(recipients(smtp.getReceivedMessages()[0])).containsExactly(LOVELACE + "@council.example");
    assertThat(views.forMember(HOPPER).events()).extracting(WardEventView.ForMember::title).containsExactly("Gas main");
  }

  @Test
  @DisplayName("R14: two nodes looking for due notices at the same moment tell each Member once")
  void twoNodesTellOnce() throws Exception {
    clockAt("2026-11-23T10:00");
    WardEvent event = events.record(OFFICER, new NewWardEvent(EventKind.EVENT, "Fun run", "On the green.",
        LocalDate.of(2026, 11, 27), List.of("Mill Ward", "Riverside Division"), null, null));
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      Callable<Integer> node = () -> {
        start.await();
        return notices.tellDue();
      };
      Future<Integer> a = nodes.submit(node);
      Future<Integer> b = nodes.submit(node);
      start.countDown();
      assertThat(a.get() + b.get()).isEqualTo(1);
    } finally {
      nodes.shutdownNow();
    }
    // Lovelace holds both wards: one notice, under the first ward.
    assertThat(events.told(event.id())).containsOnlyKeys(LOVELACE, HOPPER);
    assertThat(outbox.recent(10)).extracting(OutboxMail::recipientId).containsExactlyInAnyOrder(LOVELACE, HOPPER);
    assertThat(sender.sendPending()).isEqualTo(2);
    assertThat(smtp.getReceivedMessages()).hasSize(2);
  }

  @Test
  @DisplayName("R14: the register's CSV import refuses bad lines all or nothing, naming each line")
  void csvImportRefusesBadLines() {
    assertThatThrownBy(() -> register.importCsv("""
        ward,member
        Mill Ward,cllr.lovelace
        Castle Ward
        ,cllr.babbage
        Riverside Division,cllr.nobody
        "Quoted, Ward,cllr.babbage
        """))
        .isInstanceOfSatisfying(InvalidRegisterException.class, e -> assertThat(e.problems()).containsExactly(
            "Line 3: expected 2 columns (ward, member), found 1",
            "Line 4: the ward is empty",
            "Line 5: 'cllr.nobody' is not a Member's user id",
            "Line 6: a quote is not closed"));
    assertThat(register.all()).hasSize(4); // unchanged
    assertThatThrownBy(() -> register.importCsv("member,ward\ncllr.lovelace,Mill Ward"))
        .isInstanceOf(InvalidRegisterException.class).hasMessageContaining("Line 1: the header must be 'ward,member'");
    assertThat(register.importCsv("ward,member\r\n\"Mill Ward, North\",cllr.lovelace\r\n")).isEqualTo(1);
    assertThat(register.all()).containsExactly(new WardRegister.Holding("Mill Ward, North", LOVELACE));
  }

  private static List<String> recipients(Message mail) throws MessagingException {
    return Arrays.stream(mail.getAllRecipients()).map(Object::toString).toList();
  }

  /** The plain-text part (the message is multipart: text and HTML, nested). */
  private static String text(jakarta.mail.Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return part.getContent().toString();
    }
    if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = text(multipart.getBodyPart(i));
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
