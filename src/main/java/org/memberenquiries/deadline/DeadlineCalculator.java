package org.memberenquiries.deadline;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.memberenquiries.calendar.WorkingCalendar;
import org.springframework.stereotype.Service;

/** The protocol's deadlines (R4, R5, R7, R9), counted in working days by the {@link WorkingCalendar}. */
@Service
public class DeadlineCalculator {

  private final WorkingCalendar calendar;
  private final TimescaleProperties timescales;

  public DeadlineCalculator(WorkingCalendar calendar, TimescaleProperties timescales) {
    this.calendar = calendar;
    this.timescales = timescales;
  }

  public Deadlines deadlinesFor(Instant receivedAt) {
    return new Deadlines(
        receivedAt,
        calendar.effectiveReceiptDay(receivedAt),
        afterReceipt(receivedAt, timescales.acknowledgementWorkingDays()),
        afterReceipt(receivedAt, timescales.responseWorkingDays()),
        afterReceipt(receivedAt, timescales.fullResponseWorkingDays()));
  }

  /** R9: when the Member's reply to a question is due; a question asked after hours counts from the next working day. */
  public OffsetDateTime clarificationReplyDueBy(Instant askedAt) {
    return afterReceipt(askedAt, timescales.clarificationWorkingDays());
  }

  /**
   * R5 (issue 10 item 4): a follow-up asked after the full response is answered like an enquiry, within
   * the response's working days of being asked (after hours counts from the next working day).
   */
  public OffsetDateTime followUpResponseDueBy(Instant askedAt) {
    return afterReceipt(askedAt, timescales.responseWorkingDays());
  }

  /** Moves a deadline later by whole working days (R9 clock stop, or an agreed extension). */
  public OffsetDateTime moveLater(Instant deadline, int workingDays) {
    return calendar.addWorkingDays(deadline, workingDays).toOffsetDateTime();
  }

  private OffsetDateTime afterReceipt(Instant receivedAt, int workingDays) {
    return calendar.endOfNthWorkingDayAfter(receivedAt, workingDays).toOffsetDateTime();
  }
}
