package org.memberenquiries.enquiry;

import org.memberenquiries.casedata.EnquiryVariables;

import static org.memberenquiries.casedata.EnquiryVariables.*;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.memberenquiries.engine.Variables;

/**
 * The deadlines of one case as typed values (R4-R9), over the variables the timers and task due dates
 * read: the enquiry's, or the copy a detour (ask-member, agree-deadline) was given and hands back.
 * Only {@link DeadlineClock} writes through it.
 */
public final class CaseDeadlines {

  private final VariableScope scope;
  private final ZoneId zone;

  public CaseDeadlines(VariableScope scope, ZoneId zone) {
    this.scope = scope;
    this.zone = zone;
  }

  public Instant acknowledgeBy() {
    return get(ACKNOWLEDGE_BY);
  }

  public Instant respondBy() {
    return get(RESPOND_BY);
  }

  public Instant fullResponseBy() {
    return get(FULL_RESPONSE_BY);
  }

  public Instant revisedFullResponseBy() {
    return get(REVISED_FULL_RESPONSE_BY);
  }

  public Instant agreedDeadlineBy() {
    return get(AGREED_DEADLINE_BY);
  }

  /** R9: the working days the clock has stood still, over all the case's questions. */
  public int clockStoppedWorkingDays() {
    return scope.getVariable(CLOCK_STOPPED_WORKING_DAYS) instanceof Number n ? n.intValue() : 0;
  }

  Instant get(String name) {
    return Variables.instant(scope, name, zone);
  }

  void set(String name, Instant due) {
    scope.setVariable(name, due == null ? null : Date.from(due));
  }

  void setNumber(String name, int value) {
    scope.setVariable(name, value);
  }
}
