package org.memberenquiries.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The timeliness figures (R16) for the enquiries received from {@code from} to {@code to} (inclusive, by
 * the receipt day in the council's zone), one {@link Row} per group and a total, with the enquiries among
 * them that are open and overdue now. Working days are R0's ({@code calendar.WorkingCalendar}). The
 * figures are counts and working days only: no enquiry text, no Member (R11).
 *
 * <p>Every figure is defined in README.md, "Timeliness figures (R16)".
 */
@Schema(description = "Timeliness figures (R16) for enquiries received in [from, to], per group and in total")
public record TimelinessFigures(
    LocalDate from,
    LocalDate to,
    GroupBy groupBy,
    @Schema(description = "When 'now' was for the open and overdue figures, council's zone") OffsetDateTime asAt,
    @Schema(description = "true when the caller sees every department; false when only their own") boolean everyDepartment,
    @Schema(description = "The departments the figures cover when not every department") List<String> departments,
    List<Row> rows,
    Row total,
    @Schema(description = "The enquiries received in the range that are open and overdue now, most overdue first")
    List<OverdueEnquiry> overdue) {

  /** The figures of one group (or of all, the total). Percentages are null when nothing was due. */
  @Schema(name = "TimelinessRow", description = "The timeliness figures of one group, or the total")
  public record Row(
      @Schema(description = "The group's key: department id, team (officers' group), officer id, yyyy-MM, or 'total'") String group,
      @Schema(description = "The group's name for people") String label,
      @Schema(description = "Enquiries received") long received,
      @Schema(description = "R1, R2: closed as referred elsewhere") long referred,
      @Schema(description = "R1: referred to the complaints procedure") long referredToComplaints,
      @Schema(description = "R1: referred to the code of conduct procedure") long referredToCodeOfConduct,
      @Schema(description = "R2: referred to the service request channel") long referredToServiceRequests,
      @Schema(description = "R4: enquiries whose acknowledgement was sent or whose deadline has passed") long acknowledgementsDue,
      @Schema(description = "R4: acknowledged") long acknowledged,
      @Schema(description = "R4: acknowledged by the end of the next working day after receipt") long acknowledgedOnTime,
      @Schema(description = "R5: enquiries whose first response (full or holding) was sent, or is owed and past its deadline") long responsesDue,
      @Schema(description = "R5, R6: a first response (full or holding) sent") long responded,
      @Schema(description = "R5: first response within 10 working days of receipt (the clock stopped while the Member was asked, R9)") long respondedWithin10WorkingDays,
      @Schema(description = "R8: first response later than 10 working days but by the agreed alternative deadline, which replaced it: on time") long respondedOnTimeByAgreedDeadline,
      @Schema(description = "R5, R8: on time = within 10 working days + on time by an agreed deadline") long respondedOnTime,
      @Schema(description = "R6: holding responses sent") long holdingResponses,
      @Schema(description = "R7: enquiries with a holding response whose full response was sent, or is owed and past its deadline") long fullResponsesDue,
      @Schema(description = "R7: full responses sent after a holding response") long fullResponsesAfterHolding,
      @Schema(description = "R7: of those, within 20 working days of receipt (clock stops deducted)") long fullResponsesWithin20WorkingDays,
      @Schema(description = "R7, R8: later than 20 working days but by the agreed alternative deadline: on time") long fullResponsesOnTimeByAgreedDeadline,
      @Schema(description = "R5, R7: enquiries answered in full") long answered,
      @Schema(description = "R7: enquiries given a revised date for the full response") long revisedDatesGiven,
      @Schema(description = "R8: enquiries with an agreed alternative deadline") long agreedDeadlines,
      @Schema(description = "R8: agreed deadlines met (the step agreed for done by the agreed day)") long agreedDeadlinesMet,
      @Schema(description = "R3, R9: questions asked of the Member (each stops the clock)") long clarificationWaits,
      @Schema(description = "R9: questions the Member answered") long clarificationWaitsAnswered,
      @Schema(description = "R9: working days the clock stood still, all answered questions together") long clarificationWorkingDaysStopped,
      @Schema(description = "R9: closed for no reply from the Member") long closedNoReply,
      @Schema(description = "Open now (not answered in full, referred or closed)") long openNow,
      @Schema(description = "R10: open now and past a deadline owed (not while the Member is being asked)") long overdueNow,
      @Schema(description = "R10: missed deadlines recorded") long breaches,
      @Schema(description = "R10: missed acknowledgements (R4)") long breachesAcknowledgement,
      @Schema(description = "R10: missed responses (R5)") long breachesResponse,
      @Schema(description = "R10: missed full responses (R7)") long breachesFullResponse,
      @Schema(description = "R10: missed revised dates (R7)") long breachesRevisedFullResponse,
      @Schema(description = "R10: breaches escalated to Member Support (a deadline missed again after it moved is not escalated twice)") long breachesEscalated,
      @Schema(description = "R10: resolved informally by Member Support") long breachesResolvedInformally,
      @Schema(description = "R10: referred to an executive director, the monitoring officer or the chief financial officer") long breachesReferred,
      @Schema(description = "R10: of those, referred to the monitoring officer") long breachesReferredToMonitoringOfficer,
      @Schema(description = "R10: decided by the referee: upheld") long breachesUpheld,
      @Schema(description = "R10: decided by the referee: not upheld") long breachesNotUpheld,
      @Schema(description = "R10: escalated and not yet resolved or decided") long breachesAwaitingOutcome,
      @Schema(description = "Enquiries triaged (allocated to a route: enquiry or referral)") long triaged,
      @Schema(description = "Triaged within 2 working days of receipt") long triagedWithin2WorkingDays,
      @Schema(description = "Median working days from receipt to triage done") Integer medianWorkingDaysToAllocate,
      @Schema(description = "90th percentile working days from receipt to triage done") Integer p90WorkingDaysToAllocate,
      @Schema(description = "R4: median working days from receipt to acknowledgement") Integer medianWorkingDaysToAcknowledge,
      @Schema(description = "R4: 90th percentile working days from receipt to acknowledgement") Integer p90WorkingDaysToAcknowledge,
      @Schema(description = "R5: median working days from receipt to first response (clock stops deducted)") Integer medianWorkingDaysToRespond,
      @Schema(description = "R5: 90th percentile working days from receipt to first response (clock stops deducted)") Integer p90WorkingDaysToRespond,
      @Schema(description = "R3: enquiries received by the capacity they are asked in (every capacity listed, zeros included)") Map<String, Long> byCapacity,
      @Schema(description = "R4: acknowledgedOnTime / acknowledgementsDue, percent, one decimal") Double percentAcknowledgedOnTime,
      @Schema(description = "R5, R8: respondedOnTime / responsesDue, percent, one decimal") Double percentRespondedOnTime,
      @Schema(description = "R7, R8: (fullResponsesWithin20WorkingDays + fullResponsesOnTimeByAgreedDeadline) / fullResponsesDue, percent, one decimal") Double percentFullResponsesOnTime) {}
}
