package org.memberenquiries.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.communication.Communication;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.department.DepartmentProperties;
import org.memberenquiries.department.Departments;

/** The display values of the Tasklist forms (issue 13 item 2): labels for codes, dates as people write them. */
class FormDisplayTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  @DisplayName("R0: a date-time is written in the council's zone, across the clock change: 5pm, Monday 7 December 2026; 5pm BST in June")
  void dateTimes() {
    assertThat(FormDisplay.dateLabel(Date.from(Instant.parse("2026-12-07T17:00:00Z")), LONDON))
        .isEqualTo("5pm, Monday 7 December 2026");
    assertThat(FormDisplay.dateLabel(Date.from(Instant.parse("2026-06-01T16:00:00Z")), LONDON))
        .isEqualTo("5pm, Monday 1 June 2026");
    assertThat(FormDisplay.dateLabel(Date.from(Instant.parse("2026-11-20T11:00:00Z")), LONDON))
        .isEqualTo("11am, Friday 20 November 2026");
    assertThat(FormDisplay.dateLabel(Date.from(Instant.parse("2026-11-20T12:00:00Z")), LONDON))
        .isEqualTo("midday, Friday 20 November 2026");
    assertThat(FormDisplay.dateLabel(Date.from(Instant.parse("2026-11-20T09:30:00Z")), LONDON))
        .isEqualTo("9:30am, Friday 20 November 2026");
    assertThat(FormDisplay.dateLabel("2026-12-07T17:00:00", LONDON)).isEqualTo("5pm, Monday 7 December 2026");
    assertThat(FormDisplay.dateLabel("2026-06-01T16:00:00Z", LONDON)).isEqualTo("5pm, Monday 1 June 2026");
  }

  @Test
  @DisplayName("R6 R7: a date from a form's date picker is a day: Friday 18 December 2026; other texts are no dates")
  void dates() {
    assertThat(FormDisplay.dateLabel("2026-12-18", LONDON)).isEqualTo("Friday 18 December 2026");
    assertThat(FormDisplay.dateLabel("2026-13-45", LONDON)).isNull();
    assertThat(FormDisplay.dateLabel("Out on Mill Lane since 2026-11-01", LONDON)).isNull();
    assertThat(FormDisplay.dateLabel(42, LONDON)).isNull();
    assertThat(FormDisplay.dateLabel(null, LONDON)).isNull();
  }

  @Test
  @DisplayName("R3 R10 R12 R1: capacity, department, missed deadline, basis and scope are shown by their labels, every date by its Label twin")
  void labels() {
    FormDisplay display = new FormDisplay(null, new Departments(new DepartmentProperties(List.of(
        new DepartmentProperties.Department("highways", "Highways and Transport")))), null);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("capacity", "COUNTY_COUNCILLOR");
    variables.put("department", "highways");
    variables.put("missedDeadline", "ACKNOWLEDGEMENT");
    variables.put("basis", "LOCAL_MEMBER");
    variables.put("scope", "COMPLAINTS_PROCEDURE");
    variables.put("acknowledgeBy", Date.from(Instant.parse("2026-11-24T17:00:00Z")));
    variables.put("estimatedFullResponseDate", "2026-12-18");
    variables.put("subject", "Street lights");

    assertThat(display.labels(variables, LONDON))
        .containsEntry("capacityLabel", "County councillor for a constituent")
        .containsEntry("departmentLabel", "Highways and Transport")
        .containsEntry("missedDeadlineLabel", "Acknowledgement (R4)")
        .containsEntry("basisLabel", "Local member")
        .containsEntry("scopeLabel", "The council's complaints procedure")
        .containsEntry("acknowledgeByLabel", "5pm, Tuesday 24 November 2026")
        .containsEntry("estimatedFullResponseDateLabel", "Friday 18 December 2026")
        .doesNotContainKey("subjectLabel");
  }

  @Test
  @DisplayName("An unknown code is shown as it is rather than failing the task")
  void unknownCodes() {
    FormDisplay display = new FormDisplay(null, new Departments(new DepartmentProperties(List.of())), null);
    assertThat(display.labels(Map.of("capacity", "MAYOR", "department", "parks"), LONDON))
        .containsEntry("capacityLabel", "MAYOR").containsEntry("departmentLabel", "parks");
  }

  @Test
  @DisplayName("R3 R9: the last question to the Member and the reply that answered it, with when each was sent")
  void lastQuestionAndReply() {
    List<Communication> log = List.of(
        message(CommunicationKind.ACKNOWLEDGEMENT, "Received.", "2026-11-20T11:00:00Z"),
        message(CommunicationKind.QUESTION_TO_MEMBER, "In what capacity?", "2026-11-20T11:30:00Z"),
        message(CommunicationKind.MEMBER_REPLY, "As county councillor.", "2026-11-23T09:00:00Z"),
        message(CommunicationKind.QUESTION_TO_MEMBER, "Which end of Mill Lane?", "2026-11-24T10:00:00Z"),
        message(CommunicationKind.MEMBER_REPLY, "The north end.", "2026-11-24T14:15:00Z"));

    assertThat(FormDisplay.lastQuestion(log, LONDON))
        .containsEntry("questionToMember", "Which end of Mill Lane?")
        .containsEntry("questionToMemberSent", "10am, Tuesday 24 November 2026")
        .containsEntry("memberReply", "The north end.")
        .containsEntry("memberReplyReceived", "2:15pm, Tuesday 24 November 2026");
    assertThat(FormDisplay.lastQuestion(log.subList(0, 4), LONDON))
        .containsEntry("questionToMember", "Which end of Mill Lane?").doesNotContainKey("memberReply");
    assertThat(FormDisplay.lastQuestion(log.subList(0, 1), LONDON)).isEmpty();
  }

  private static Communication message(CommunicationKind kind, String body, String sentAt) {
    return new Communication(0, "p", kind, body, Instant.parse(sentAt), "someone");
  }
}
