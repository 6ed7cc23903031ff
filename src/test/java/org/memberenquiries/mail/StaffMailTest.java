package org.memberenquiries.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.calendar.CouncilDates;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.department.Departments;
import org.memberenquiries.engine.AsTheEngine;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.enquiry.EnquiryRegister;
import org.memberenquiries.enquiry.EnquirySubmission;
import org.memberenquiries.enquiry.NewEnquiry;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.testing.ProcessEngineTest;
import org.memberenquiries.testing.ProcessTestSupport;
import org.memberenquiries.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.thymeleaf.exceptions.TemplateProcessingException;

/**
 * Staff email (issue 10 item 1) and R10 told to the Member, against a real SMTP server (GreenMail), on
 * real dates with the engine clock: a new case to the department's officers, the reminder on the working
 * day before each deadline (after a weekend, after the Christmas bank holidays), once whatever scans it,
 * a breach to Member Support and the referee, each escalation step to the Member. Staff email carries the
 * reference, subject, dates and a Tasklist link, never the enquiry's text (R11).
 */
@ProcessEngineTest
class StaffMailTest extends ProcessTestSupport {

  static final String LOVELACE = "cllr.lovelace";
  static final String OFFICER = "officer.highways@council.example";
  /** A second officer of the department, and one with no email address (skipped). */
  static final String SECOND_OFFICER = "officer.highways.two";
  static final String NO_ADDRESS = "officer.highways.noaddress";
  static final String ENQUIRY_TEXT = "The lights are out between numbers 4 and 20.";

  static int port;
  static GreenMail smtp;

  @Autowired EnquirySubmission submission;
  @Autowired EnquiryRegister register;
  @Autowired MemberMailSender sender;
  @Autowired JavaMailSender mailSender;
  @Autowired DeadlineReminders reminders;
  @Autowired MailPreferences preferences;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired JdbcClient jdbc;
  @Autowired EngineClock clock;
  @Autowired WorkingCalendar calendar;
  @Autowired CouncilDates dates;
  @Autowired TaskService tasks;
  @Autowired AsTheEngine asTheEngine;
  @Autowired StaffMailQueue queue;
  /** Real, but a test may break their templates (nothing lost, issue 10 item 1). */
  @MockitoSpyBean StaffMessages messages;
  @MockitoSpyBean MemberMessages memberMessages;
  @Autowired StaffMailProperties properties;
  @Autowired PlatformTransactionManager transactions;

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
    officer(SECOND_OFFICER, SECOND_OFFICER + "@council.example");
    officer(NO_ADDRESS, null);
    jdbc.sql("delete from mail_outbox").update();
    jdbc.sql("delete from member_mail_preference").update();
  }

  @AfterEach
  void removeExtraOfficers() {
    for (String id : List.of(SECOND_OFFICER, NO_ADDRESS)) {
      identity.deleteMembership(id, Departments.officerGroup("highways"));
      identity.deleteUser(id);
    }
  }

  private void officer(String id, String email) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName("Second");
      user.setLastName("Officer");
      user.setEmail(email);
      user.setPassword(TestUsers.PASSWORD);
      identity.saveUser(user);
      identity.createMembership(id, Departments.officerGroup("highways"));
    }
  }

  // --- a new case in the queue ---

  @Test
  @DisplayName("A new case tells the department's officers once, with the reference, subject, due date and task link, never the enquiry's text; an officer without an address is skipped")
  void newCaseToTheDepartmentsOfficers() throws Exception {
    ProcessInstance enquiry = submitted("2026-11-23T10:00");

    assertThat(sender.sendPending()).isEqualTo(2);
    List<MimeMessage> mails = about(enquiry);
    assertThat(mails).extracting(StaffMailTest::recipient)
        .containsExactlyInAnyOrder(OFFICER, SECOND_OFFICER + "@council.example");
    MimeMessage mail = mails.get(0);
    assertThat(mail.getSubject()).isEqualTo("New enquiry in your queue: " + enquiry.getBusinessKey()
        + " Street lighting on Mill Lane");
    String text = MemberMailTest.text(mail);
    assertThat(text).contains("Highways and Transport")
        .contains("Task: Triage enquiry")
        .contains("Due by: 5pm, Tuesday 24 November 2026") // R4: the end of the next working day
        .contains("/camunda/app/tasklist/default/#/?task=" + taskOf(enquiry, "TriageEnquiry").getId());
    assertNothingConfidential(mail);

    // Triage hands the case to the same queue's next task: nobody is told twice.
    complete(enquiry, "TriageEnquiry", TRIAGED_AS_ENQUIRY);
    assertThat(outbox(enquiry, "STAFF_NEW_CASE")).isEqualTo(2);
    assertThat(sender.sendPending()).isZero();
  }

  // --- the working day before a deadline ---

  @Test
  @DisplayName("R0 R5: a response due on Monday is reminded on the Friday before, from 7am, to the whole queue while unclaimed; a second scan, a restarted node and the weekend send nothing more")
  void reminderTheFridayBeforeAMondayDeadline() throws Exception {
    ProcessInstance enquiry = acknowledged("2026-11-23T10:00"); // response due 5pm, Monday 7 December 2026
    sender.sendPending();
    smtp.purgeEmailFromAllMailboxes();

    clockAt("2026-12-03T12:00"); // Thursday: too early
    reminders.remindDue();
    assertThat(reminders(enquiry)).isZero();
    clockAt("2026-12-04T06:59"); // Friday, before 7am
    reminders.remindDue();
    assertThat(reminders(enquiry)).isZero();
    clockAt("2026-12-04T07:00");
    reminders.remindDue();
    assertThat(reminders(enquiry)).isEqualTo(2); // the queue's two officers with an address

    sender.sendPending();
    List<MimeMessage> mails = about(enquiry);
    assertThat(mails).extracting(StaffMailTest::recipient)
        .containsExactlyInAnyOrder(OFFICER, SECOND_OFFICER + "@council.example");
    String text = MemberMailTest.text(mails.get(0));
    assertThat(mails.get(0).getSubject()).startsWith("Deadline on the next working day: " + enquiry.getBusinessKey());
    assertThat(text).contains("Due by: 5pm, Monday 7 December 2026").contains("What is due: Response (R5)")
        .contains("Task: Respond to enquiry").contains("Nobody has claimed this task yet");
    assertNothingConfidential(mails.get(0));

    // A second scan the same day, a restarted (or second) node, the weekend and the day itself: nothing more.
    clockAt("2026-12-04T15:00");
    reminders.remindDue();
    restartedNode().remindDue();
    clockAt("2026-12-05T09:00");
    reminders.remindDue();
    clockAt("2026-12-07T09:00");
    reminders.remindDue();
    assertThat(reminders(enquiry)).isEqualTo(2);
    sender.sendPending();
    assertThat(about(enquiry)).hasSize(2);
  }

  @Test
  @DisplayName("R0 R5: a response due on Tuesday 29 December 2026 (after Christmas and the substitute Boxing Day) is reminded on Thursday 24 December, to the officer who claimed the task only")
  void reminderBeforeTheChristmasBankHolidays() throws Exception {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 28))).isFalse(); // Boxing Day's substitute
    ProcessInstance enquiry = acknowledged("2026-12-11T10:00"); // 10 working days: Tuesday 29 December
    tasks.claim(taskOf(enquiry, "RespondToEnquiry").getId(), "officer.highways");
    sender.sendPending();
    smtp.purgeEmailFromAllMailboxes();

    clockAt("2026-12-23T16:00");
    reminders.remindDue();
    assertThat(reminders(enquiry)).isZero();
    clockAt("2026-12-24T08:00");
    reminders.remindDue();
    assertThat(reminders(enquiry)).isEqualTo(1);
    clockAt("2026-12-28T10:00");
    reminders.remindDue();
    assertThat(reminders(enquiry)).isEqualTo(1);

    sender.sendPending();
    MimeMessage mail = single(about(enquiry));
    assertThat(recipient(mail)).isEqualTo(OFFICER);
    assertThat(MemberMailTest.text(mail)).contains("Due by: 5pm, Tuesday 29 December 2026")
        .doesNotContain("Nobody has claimed");
  }

  @Test
  @DisplayName("R4: the acknowledgement due on Monday is reminded on Friday to the triage queue; a missed scan day still reminds before the deadline passes, never after")
  void acknowledgementCaughtUpButNeverAfterTheDeadline() throws Exception {
    ProcessInstance enquiry = submitted("2026-11-27T17:30"); // after 5pm Friday: received Monday, due Tuesday 5pm
    clockAt("2026-11-30T12:00"); // Monday, the working day before
    reminders.remindDue();
    assertThat(reminders(enquiry)).isEqualTo(2);
    assertThat(outboxText(enquiry, "STAFF_DEADLINE_REMINDER"))
        .contains("Due by: 5pm, Tuesday 1 December 2026").contains("Acknowledgement (R4)").contains("Triage enquiry");

    ProcessInstance late = submitted("2026-11-30T10:00"); // due 5pm, Tuesday 1 December
    clockAt("2026-12-01T16:59"); // every node was down on Monday: reminded before it passes
    reminders.remindDue();
    assertThat(reminders(late)).isEqualTo(2);

    ProcessInstance missed = submitted("2026-11-30T11:00");
    clockAt("2026-12-01T17:01"); // passed: R10's, not a reminder's
    reminders.remindDue();
    assertThat(reminders(missed)).isZero();
  }

  @Test
  @DisplayName("R7 R8 R9: a revised date and an agreed deadline are reminded the working day before; while the Member is asked a question nothing is")
  void revisedAgreedAndStoppedClock() throws Exception {
    ProcessInstance revised = acknowledged("2026-11-23T10:00");
    clockAt("2026-11-30T10:00");
    complete(revised, "RespondToEnquiry", Map.of("responseType", "HOLDING", "responseText", "Looking into it.",
        "holdingExplanation", "A survey is booked.", "estimatedFullResponseDate", "2026-12-16"));
    clockAt("2026-12-15T10:00");
    complete(revised, "SendFullResponse", Map.of("fullResponseOutcome", "DELAYED",
        "delayReasons", "A road closure is needed.", "revisedFullResponseDate", "2027-01-08"));

    ProcessInstance agreed = acknowledged("2026-11-23T10:00");
    clockAt("2026-11-25T10:00");
    complete(agreed, "RespondToEnquiry", Map.of("responseType", "BURDEN",
        "burdenReason", "Every fault since 2010."));
    complete(agreed, "DiscussBurden", Map.of("burdenDiscussion", "Narrowed to 2020 onwards.",
        "deadlineAgreed", true, "agreedDeadline", "2027-01-08"));

    ProcessInstance asked = acknowledged("2026-12-21T10:00"); // response due 5pm, Friday 8 January 2027
    clockAt("2026-12-22T10:00");
    complete(asked, "RespondToEnquiry", Map.of("responseType", "CLARIFICATION",
        "clarificationQuestion", "Which end of Mill Lane?"));

    clockAt("2027-01-07T07:30"); // Thursday, the working day before Friday 8 January
    reminders.remindDue();
    assertThat(outboxText(revised, "STAFF_DEADLINE_REMINDER")).contains("Due by: 5pm, Friday 8 January 2027")
        .contains("Full response by the revised date (R7)").contains("Task: Send full response by revised date");
    assertThat(outboxText(agreed, "STAFF_DEADLINE_REMINDER")).contains("Due by: 5pm, Friday 8 January 2027")
        .contains("the deadline agreed with the Member (R8)").contains("Task: Respond to enquiry");
    assertThat(reminders(asked)).isZero(); // R9: the clock is stopped
  }

  @Test
  @DisplayName("Two nodes scanning at the same moment remind each deadline once")
  void twoNodesScanningTogether() throws Exception {
    List<ProcessInstance> enquiries = List.of(acknowledged("2026-11-23T10:00"), acknowledged("2026-11-23T10:00"),
        acknowledged("2026-11-23T10:00"));
    clockAt("2026-12-04T09:00");
    DeadlineReminders other = restartedNode();
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Integer>> scans = List.of(reminders::remindDue, other::remindDue);
      for (Future<Integer> scan : nodes.invokeAll(scans)) {
        scan.get(); // neither node failed
      }
    } finally {
      nodes.shutdown();
    }
    for (ProcessInstance enquiry : enquiries) {
      assertThat(reminders(enquiry)).isEqualTo(2); // both officers of the queue, once each
      assertThat(jdbc.sql("select count(*) from mail_event where process_instance_id = ? and kind = ?")
          .params(enquiry.getId(), "STAFF_DEADLINE_REMINDER").query(Long.class).single()).isEqualTo(1);
    }
  }

  // --- a breach (R10) ---

  @Test
  @DisplayName("R10: a missed acknowledgement mails Member Support and tells the Member; referred, the monitoring officer is mailed and the Member told; decided, the Member is told the outcome")
  void breachToMemberSupportRefereeAndMember() throws Exception {
    ProcessInstance enquiry = triaged("2026-11-23T10:00");
    sender.sendPending();
    smtp.purgeEmailFromAllMailboxes();

    clockAt("2026-11-24T17:01");
    executeDueJobs(enquiry);
    sender.sendPending();
    assertThat(about(enquiry)).hasSize(2);
    MimeMessage support = to("support@council.example");
    assertThat(support.getSubject()).startsWith("A missed deadline for Member Support");
    assertThat(MemberMailTest.text(support)).contains("Deadline missed: the acknowledgement (R4)")
        .contains("It was due by: 5pm, Tuesday 24 November 2026")
        .contains("Task: Resolve informally with the officer's team")
        .contains("Due by: 5pm, Wednesday 9 December 2026"); // 10 working days after the breach (after 5pm: from Wednesday)
    assertNothingConfidential(support);
    MimeMessage member = to(LOVELACE + "@council.example");
    assertThat(member.getSubject()).startsWith("We missed a deadline on your enquiry: " + enquiry.getBusinessKey());
    assertThat(MemberMailTest.text(member)).contains("Dear Cllr Ada Lovelace")
        .contains("We did not send the acknowledgement of your enquiry by the date we owed it")
        .contains("It was due by: 5pm, Tuesday 24 November 2026")
        .contains("Member Support will try to resolve it by: 5pm, Wednesday 9 December 2026")
        .contains("/enquiries/" + enquiry.getBusinessKey());

    smtp.purgeEmailFromAllMailboxes();
    ProcessInstance escalation = escalationsOf(enquiry).get(0);
    clockAt("2026-11-26T10:00");
    complete(escalation, "ResolveInformally", Map.of("resolutionNotes", "Member not satisfied.",
        "memberSatisfied", false, "referee", "monitoring-officer"));
    sender.sendPending();
    assertThat(to("monitoring@council.example").getSubject()).startsWith("A missed deadline for");
    assertThat(MemberMailTest.text(to("monitoring@council.example"))).contains("Task: Decide outcome of breach");
    assertThat(MemberMailTest.text(to(LOVELACE + "@council.example")))
        .contains("referred to the monitoring officer, who will decide the outcome")
        .contains("A decision is due by: 5pm, Thursday 24 December 2026") // 20 working days
        .doesNotContain("Member not satisfied."); // Member Support's notes stay with staff

    smtp.purgeEmailFromAllMailboxes();
    complete(escalation, "DecideBreachOutcome", Map.of("breachOutcome", "UPHELD", "outcomeNotes", "Apology sent."));
    sender.sendPending();
    assertThat(about(enquiry)).hasSize(1);
    MimeMessage outcome = to(LOVELACE + "@council.example");
    assertThat(outcome.getSubject()).startsWith("The outcome of the missed deadline on your enquiry");
    assertThat(MemberMailTest.text(outcome)).contains("was a breach of the Member/Officer protocol")
        .contains("made by the monitoring officer");
  }

  @Test
  @DisplayName("R10: resolved informally the Member is told; a Member who reads their pages only gets no email, Member Support still does")
  void resolvedInformallyAndPagesOnly() throws Exception {
    ProcessInstance told = triaged("2026-11-23T10:00");
    ProcessInstance pagesOnly = triaged("2026-11-23T10:00");
    clockAt("2026-11-24T17:01");
    executeDueJobs(told);
    complete(escalationsOf(told).get(0), "ResolveInformally", Map.of("resolutionNotes", "Apologised.",
        "memberSatisfied", true));
    assertThat(outboxText(told, "ESCALATION_NOTICE")).contains("was resolved informally with the officer's team");

    preferences.choose(LOVELACE, false, clock.now());
    executeDueJobs(pagesOnly);
    assertThat(outbox(pagesOnly, "ESCALATION_NOTICE")).isZero();
    assertThat(outbox(pagesOnly, "STAFF_BREACH")).isEqualTo(1);
  }

  @Test
  @DisplayName("R10: a step an officer completes after its deadline (before the timer fired) is escalated there, and the Member and Member Support are told just the same")
  void lateCompletionBySignedInOfficer() throws Exception {
    ProcessInstance enquiry = triaged("2026-11-23T10:00");
    clockAt("2026-11-24T17:30"); // the acknowledgement was due at 5pm; its timer has not fired yet
    identity.setAuthentication("officer.highways", List.of(Departments.officerGroup("highways")));
    try {
      complete(enquiry, "AcknowledgeEnquiry", Map.of("acknowledgementText", "Received, late."));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(outboxText(enquiry, "ESCALATION_NOTICE")).contains("Dear Cllr Ada Lovelace")
        .contains("We did not send the acknowledgement of your enquiry by the date we owed it")
        .contains("It was due by: 5pm, Tuesday 24 November 2026");
    assertThat(outbox(enquiry, "STAFF_BREACH")).isEqualTo(1);
  }

  // --- nothing lost ---

  @Test
  @DisplayName("Nothing lost: with the mail templates broken, the new case, the breach to Member Support and R10's notice to the Member still go, once each, as plain text with the same facts")
  void brokenTemplatesStillTell() throws Exception {
    doThrow(new TemplateProcessingException("a broken template")).when(messages).templated(any(), any());
    doThrow(new TemplateProcessingException("a broken template")).when(memberMessages).templated(any());

    ProcessInstance enquiry = submitted("2026-11-23T10:00");
    assertThat(outbox(enquiry, "STAFF_NEW_CASE")).isEqualTo(2);
    sender.sendPending();
    MimeMessage newCase = to(OFFICER);
    assertThat(newCase.getSubject()).isEqualTo("New enquiry in your queue: " + enquiry.getBusinessKey()
        + " Street lighting on Mill Lane");
    assertThat(MemberMailTest.text(newCase)).contains("Highways and Transport")
        .contains("Task: Triage enquiry")
        .contains("Due by: 5pm, Tuesday 24 November 2026")
        .contains("/camunda/app/tasklist/default/#/?task=" + taskOf(enquiry, "TriageEnquiry").getId());
    assertThat(MemberMailTest.html(newCase)).contains("Due by: 5pm, Tuesday 24 November 2026");
    assertNothingConfidential(newCase);

    complete(enquiry, "TriageEnquiry", TRIAGED_AS_ENQUIRY);
    smtp.purgeEmailFromAllMailboxes();
    clockAt("2026-11-24T17:01");
    executeDueJobs(enquiry);
    assertThat(outbox(enquiry, "STAFF_BREACH")).isEqualTo(1);
    assertThat(outbox(enquiry, "ESCALATION_NOTICE")).isEqualTo(1);
    sender.sendPending();
    assertThat(MemberMailTest.text(to("support@council.example")))
        .contains("Deadline missed: the acknowledgement (R4)")
        .contains("It was due by: 5pm, Tuesday 24 November 2026")
        .contains("Task: Resolve informally with the officer's team");
    assertThat(MemberMailTest.text(to(LOVELACE + "@council.example"))).contains("Dear Cllr Ada Lovelace")
        .contains("We did not send the acknowledgement of your enquiry by the date we owed it")
        .contains("Member Support will try to resolve it by: 5pm, Wednesday 9 December 2026")
        .contains("/enquiries/" + enquiry.getBusinessKey());
    assertThat(sender.sendPending()).as("sent once").isZero();
  }

  // --- helpers ---

  /** A second node, or the application after a restart: a new scanner over the same database. */
  private DeadlineReminders restartedNode() {
    return new DeadlineReminders(jdbc, calendar, dates, clock, tasks, asTheEngine, queue, messages, properties,
        transactions);
  }

  private void assertNothingConfidential(MimeMessage mail) {
    assertThat(MemberMailTest.text(mail)).doesNotContain(ENQUIRY_TEXT).doesNotContain("ward surgery")
        .doesNotContain("Lovelace");
    assertThat(MemberMailTest.html(mail)).doesNotContain(ENQUIRY_TEXT).doesNotContain("Lovelace");
  }

  private ProcessInstance submitted(String receivedAtLondon) {
    clockAt(receivedAtLondon);
    NewEnquiry enquiry = new NewEnquiry("Street lighting on Mill Lane", ENQUIRY_TEXT, Capacity.COUNTY_COUNCILLOR,
        "Mill Ward", "highways", "To answer residents at the ward surgery.", null, null, null);
    String reference = submission.submit(new Caller(LOVELACE, Set.of(Groups.MEMBERS)), enquiry, null).reference();
    String processInstanceId = register.find(reference).orElseThrow().processInstanceId();
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
  }

  private ProcessInstance triaged(String receivedAtLondon) {
    ProcessInstance enquiry = submitted(receivedAtLondon);
    complete(enquiry, "TriageEnquiry", TRIAGED_AS_ENQUIRY);
    return enquiry;
  }

  private ProcessInstance acknowledged(String receivedAtLondon) {
    ProcessInstance enquiry = triaged(receivedAtLondon);
    complete(enquiry, "AcknowledgeEnquiry", Map.of("acknowledgementText", "Received."));
    return enquiry;
  }

  private long outbox(ProcessInstance enquiry, String kind) {
    return jdbc.sql("select count(*) from mail_outbox where process_instance_id = ? and kind = ?")
        .params(enquiry.getId(), kind).query(Long.class).single();
  }

  private String outboxText(ProcessInstance enquiry, String kind) {
    return String.join("\n", jdbc.sql("select text_body from mail_outbox where process_instance_id = ? and kind = ?")
        .params(enquiry.getId(), kind).query(String.class).list());
  }

  private long reminders(ProcessInstance enquiry) {
    return outbox(enquiry, "STAFF_DEADLINE_REMINDER");
  }

  private static List<MimeMessage> received() {
    return Arrays.asList(smtp.getReceivedMessages());
  }

  /** The mail delivered about this enquiry (the database and the SMTP server are shared with other cases). */
  private static List<MimeMessage> about(ProcessInstance enquiry) {
    return received().stream().filter(m -> subject(m).contains(enquiry.getBusinessKey() + " ")).toList();
  }

  private static MimeMessage single(List<MimeMessage> mails) {
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MimeMessage to(String address) {
    List<MimeMessage> mails = received().stream().filter(m -> recipient(m).equals(address)).toList();
    assertThat(mails).as("mail to " + address).hasSize(1);
    return mails.get(0);
  }

  static String recipient(Message mail) {
    try {
      return mail.getAllRecipients()[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
