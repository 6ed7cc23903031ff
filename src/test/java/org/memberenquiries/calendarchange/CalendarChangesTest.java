package org.memberenquiries.calendarchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.calendar.BankHolidays;
import org.memberenquiries.calendar.CalendarProperties;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.enquiry.RegisteredEnquiry;
import org.memberenquiries.enquiry.EnquiryViews;
import org.memberenquiries.testing.ProcessEngineTest;
import org.memberenquiries.testing.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 8 item 3 (R0, R4, R5, R7, R10): when the calendar changes, the open enquiries' deadlines,
 * their timers, their tasks' due dates and the Member's dates follow, on real dates. In March 2027
 * Good Friday is the 26th and Easter Monday the 29th.
 */
@ProcessEngineTest
class CalendarChangesTest extends ProcessTestSupport {

  static final LocalDate WEDNESDAY_3_MARCH_2027 = LocalDate.of(2027, 3, 3);

  @Autowired CalendarChanges changes;
  @Autowired CalendarDays days;
  @Autowired WorkingCalendar calendar;
  @Autowired BankHolidays bankHolidays;
  @Autowired EnquiryViews views;
  @Autowired org.memberenquiries.enquiry.EnquiryRegister register;
  @Autowired org.memberenquiries.enquiry.CaseRecordBackfill backfill;
  @Autowired org.memberenquiries.enquiry.CaseRows rows;

  /** Puts a case started in the engine into the register with its read-model row, as a submission would. */
  void inTheRegister(ProcessInstance enquiry) {
    long id = register.add("member.lovelace", "member.lovelace", "highways", london("2027-03-01T10:00"), null, null);
    register.link(id, enquiry.getBusinessKey(), enquiry.getId());
    backfill.fill(enquiry.getBusinessKey());
  }

  /** The date the Member's pages and list show: the case's read-model row (issue 8 item 4). */
  Instant readModelResponseDate(ProcessInstance enquiry) {
    return rows.find(enquiry.getId()).orElseThrow().respondBy();
  }

  /** An enquiry received at the given London time, acknowledged: its response (R5) is owed, with its timer. */
  ProcessInstance awaitingResponse(String receivedAtLondon) {
    ProcessInstance enquiry = startTriagedEnquiry(receivedAtLondon);
    complete(enquiry, "AcknowledgeEnquiry", Map.of("acknowledgementText", "Thank you for your enquiry."));
    assertThat(taskOf(enquiry, "RespondToEnquiry")).isNotNull();
    return enquiry;
  }

  /** A deadline of the case: the enquiry's, or one its burden discussion under way (agree-deadline) carries. */
  Instant variable(ProcessInstance enquiry, String name) {
    return caseInstances(enquiry).stream().map(id -> (Date) runtimeService.getVariable(id, name))
        .filter(java.util.Objects::nonNull).findFirst().orElseThrow().toInstant();
  }

  Instant responseTimer(ProcessInstance enquiry) {
    return timer(enquiry, "ResponseOverdue").getDuedate().toInstant();
  }

  Instant responseTaskDue(ProcessInstance enquiry) {
    return taskOf(enquiry, "RespondToEnquiry").getDueDate().toInstant();
  }

  Instant membersResponseDate(ProcessInstance enquiry) {
    // The Member's page reads the case through the register; these cases were started in the engine directly.
    RegisteredEnquiry registered = new RegisteredEnquiry(0, enquiry.getBusinessKey(), enquiry.getId(),
        "member.lovelace", "member.lovelace", "highways", london("2027-03-01T10:00"), null, null);
    return views.view(registered).deadlines().respondBy().toInstant();
  }

  @Test
  @DisplayName("R0 R5 R7: a closure day inside an open enquiry's window moves its deadlines, timer, task and the"
      + " Member's date by one working day; a deadline already passed stays; removing the day moves them back")
  void closureDayAddedAndRemoved() {
    // Received Monday 15 February: response by Monday 1 March, already passed when the day is added.
    ProcessInstance late = awaitingResponse("2027-02-15T10:00");
    // Received Monday 1 March: response by Monday 15 March, full response by Wednesday 31 March (Easter).
    ProcessInstance open = awaitingResponse("2027-03-01T10:00");
    inTheRegister(open);
    assertThat(readModelResponseDate(open)).isEqualTo(london("2027-03-15T17:00"));
    assertThat(variable(open, "respondBy")).isEqualTo(london("2027-03-15T17:00"));
    assertThat(variable(open, "fullResponseBy")).isEqualTo(london("2027-03-31T17:00"));
    assertThat(responseTimer(late)).isEqualTo(london("2027-03-01T17:00"));
    clockAt("2027-03-02T10:00");

    CalendarChanges.Outcome added = changes.addDayOff(WEDNESDAY_3_MARCH_2027, DayOffKind.CLOSURE_DAY,
        "Office move: all staff relocating", "admin");
    try {
      assertMovedOneWorkingDay(open, late, added);
    } finally {
      clockAt("2027-03-02T11:00");
      changes.removeDayOff(WEDNESDAY_3_MARCH_2027, DayOffKind.CLOSURE_DAY, "Office move postponed", "admin");
    }

    assertThat(calendar.isWorkingDay(WEDNESDAY_3_MARCH_2027)).isTrue();
    assertThat(variable(open, "respondBy")).isEqualTo(london("2027-03-15T17:00"));
    assertThat(responseTimer(open)).isEqualTo(london("2027-03-15T17:00"));
    assertThat(responseTaskDue(open)).isEqualTo(london("2027-03-15T17:00"));
    assertThat(membersResponseDate(open)).isEqualTo(london("2027-03-15T17:00"));
    assertThat(readModelResponseDate(open)).isEqualTo(london("2027-03-15T17:00"));
    assertThat(variable(open, "fullResponseBy")).isEqualTo(london("2027-03-31T17:00"));
    assertThat(variable(late, "respondBy")).isEqualTo(london("2027-03-01T17:00"));
    // Each move is on the case, with who changed the calendar and why.
    assertThat(days.forEnquiry(open.getId()))
        .extracting(CalendarDays.CaseDeadlineChange::deadline, CalendarDays.CaseDeadlineChange::newDue,
            CalendarDays.CaseDeadlineChange::change, CalendarDays.CaseDeadlineChange::reason,
            CalendarDays.CaseDeadlineChange::changedBy)
        .containsExactly(
            tuple("respondBy", london("2027-03-16T17:00"), "CLOSURE_DAY_ADDED", "Office move: all staff relocating", "admin"),
            tuple("fullResponseBy", london("2027-04-01T17:00"), "CLOSURE_DAY_ADDED", "Office move: all staff relocating", "admin"),
            tuple("respondBy", london("2027-03-15T17:00"), "CLOSURE_DAY_REMOVED", "Office move postponed", "admin"),
            tuple("fullResponseBy", london("2027-03-31T17:00"), "CLOSURE_DAY_REMOVED", "Office move postponed", "admin"));
  }

  void assertMovedOneWorkingDay(ProcessInstance open, ProcessInstance late, CalendarChanges.Outcome added) {
    assertThat(calendar.isWorkingDay(WEDNESDAY_3_MARCH_2027)).isFalse();
    assertThat(variable(open, "respondBy")).isEqualTo(london("2027-03-16T17:00"));
    assertThat(responseTimer(open)).isEqualTo(london("2027-03-16T17:00"));
    assertThat(responseTaskDue(open)).isEqualTo(london("2027-03-16T17:00"));
    assertThat(membersResponseDate(open)).isEqualTo(london("2027-03-16T17:00"));
    assertThat(readModelResponseDate(open)).isEqualTo(london("2027-03-16T17:00"));
    assertThat(variable(open, "fullResponseBy")).isEqualTo(london("2027-04-01T17:00"));
    assertThat(variable(open, "acknowledgeBy")).as("R4: Tuesday 2 March, before the closure day")
        .isEqualTo(london("2027-03-02T17:00"));
    // Already missed (R10): the passed response deadline and its timer stay; its full response, still ahead, moves.
    assertThat(variable(late, "respondBy")).isEqualTo(london("2027-03-01T17:00"));
    assertThat(responseTimer(late)).isEqualTo(london("2027-03-01T17:00"));
    assertThat(variable(late, "fullResponseBy")).isEqualTo(london("2027-03-16T17:00"));
    assertThat(added.moved()).extracting(OpenEnquiryDeadlines.Moved::processInstanceId, OpenEnquiryDeadlines.Moved::deadline)
        .contains(tuple(open.getId(), "respondBy"),
            tuple(open.getId(), "fullResponseBy"),
            tuple(late.getId(), "fullResponseBy"))
        .doesNotContain(tuple(late.getId(), "respondBy"));
    assertThat(days.forEnquiry(open.getId())).extracting(CalendarDays.CaseDeadlineChange::deadline)
        .containsExactly("respondBy", "fullResponseBy");
    // The timer fires on the new date, not the old one.
    clockAt("2027-03-15T17:30");
    executeDueJobs(open);
    assertThat(escalationsOf(open)).isEmpty();
  }

  @Test
  @DisplayName("R0 R8: a burden under discussion carries the moved response deadline (due date and timer);"
      + " an agreed deadline is a date people chose and stays")
  void burdenDiscussionFollowsAgreedDeadlineStays() {
    Map<String, Object> burden = Map.of("responseType", "BURDEN", "burdenReason", "Every light in the division.");
    ProcessInstance discussing = awaitingResponse("2027-03-01T10:00");
    complete(discussing, "RespondToEnquiry", burden);
    ProcessInstance agreed = awaitingResponse("2027-03-01T10:00");
    complete(agreed, "RespondToEnquiry", burden);
    complete(agreed, "DiscussBurden", Map.of("burdenDiscussion", "Agreed: Friday 19 March.",
        "deadlineAgreed", true, "agreedDeadline", "2027-03-19"));
    assertThat(timer(discussing, "DeadlinePassesDuringDiscussion").getDuedate().toInstant())
        .isEqualTo(london("2027-03-15T17:00"));
    assertThat(responseTimer(agreed)).isEqualTo(london("2027-03-19T17:00"));
    clockAt("2027-03-02T10:00");

    changes.addDayOff(WEDNESDAY_3_MARCH_2027, DayOffKind.BANK_HOLIDAY, "A state funeral", "admin");
    try {
      assertThat(variable(discussing, "respondBy")).isEqualTo(london("2027-03-16T17:00"));
      assertThat(variable(discussing, "owedDeadlineDue")).isEqualTo(london("2027-03-16T17:00"));
      assertThat(timer(discussing, "DeadlinePassesDuringDiscussion").getDuedate().toInstant())
          .isEqualTo(london("2027-03-16T17:00"));
      assertThat(taskOf(discussing, "DiscussBurden").getDueDate().toInstant()).isEqualTo(london("2027-03-16T17:00"));
      // R8: the agreed date stays, with its timer; the 20 working days, still the calendar's, move.
      assertThat(variable(agreed, "respondBy")).isEqualTo(london("2027-03-19T17:00"));
      assertThat(responseTimer(agreed)).isEqualTo(london("2027-03-19T17:00"));
      assertThat(responseTaskDue(agreed)).isEqualTo(london("2027-03-19T17:00"));
      assertThat(variable(agreed, "fullResponseBy")).isEqualTo(london("2027-04-01T17:00"));
    } finally {
      changes.removeDayOff(WEDNESDAY_3_MARCH_2027, DayOffKind.BANK_HOLIDAY, "Not proclaimed after all", "admin");
    }
    assertThat(timer(discussing, "DeadlinePassesDuringDiscussion").getDuedate().toInstant())
        .isEqualTo(london("2027-03-15T17:00"));
    assertThat(variable(agreed, "respondBy")).isEqualTo(london("2027-03-19T17:00"));
  }

  @Test
  @DisplayName("R0: a start with a closure day added in configuration moves the open enquiries' deadlines once;"
      + " taking it out of configuration moves them back")
  void restartWithChangedConfiguration() {
    ProcessInstance open = awaitingResponse("2027-03-01T10:00");
    clockAt("2027-03-02T10:00");
    WorkingCalendar configured = new WorkingCalendar(
        CalendarProperties.defaults().withClosureDays(List.of(WEDNESDAY_3_MARCH_2027)), bankHolidays);
    try {
      Optional<CalendarChanges.Outcome> first = changes.followConfiguration(configured);

      assertThat(first).isPresent();
      assertThat(variable(open, "respondBy")).isEqualTo(london("2027-03-16T17:00"));
      assertThat(responseTimer(open)).isEqualTo(london("2027-03-16T17:00"));
      assertThat(days.forEnquiry(open.getId())).hasSize(2).allSatisfy(change -> {
        assertThat(change.changedBy()).isEqualTo(CalendarChanges.CONFIGURATION);
        assertThat(change.reason()).contains("days off added: 2027-03-03");
      });

      // A second node starting with the same configuration, or the next start: nothing more moves.
      assertThat(changes.followConfiguration(configured)).isEmpty();
      assertThat(variable(open, "respondBy")).isEqualTo(london("2027-03-16T17:00"));
      assertThat(days.forEnquiry(open.getId())).hasSize(2);
    } finally {
      changes.followConfiguration(calendar); // this context's own configuration again
    }
    assertThat(variable(open, "respondBy")).isEqualTo(london("2027-03-15T17:00"));
    assertThat(responseTimer(open)).isEqualTo(london("2027-03-15T17:00"));
    assertThat(days.forEnquiry(open.getId())).hasSize(4).last().satisfies(change ->
        assertThat(change.reason()).contains("days off removed: 2027-03-03"));
  }
}
