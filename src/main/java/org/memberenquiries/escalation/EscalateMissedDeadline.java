package org.memberenquiries.escalation;

import static org.memberenquiries.casedata.EnquiryVariables.OWED_DEADLINE;
import static org.memberenquiries.casedata.EnquiryVariables.OWED_DEADLINE_DUE;

import java.time.Instant;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.memberenquiries.engine.EnquiryInstance;
import org.memberenquiries.engine.Variables;
import org.springframework.stereotype.Component;

/**
 * "Escalate the missed deadline" (R8, R10) in agree-deadline: the step's deadline (owedDeadline, due
 * owedDeadlineDue) passed while the burden was discussed. The escalation is started on its own, so the
 * discussion can end and the step's task open again while Member Support and the referee work on it.
 */
@Component("escalateMissedDeadline")
public class EscalateMissedDeadline implements JavaDelegate {

  private final MissedDeadlines missedDeadlines;

  public EscalateMissedDeadline(MissedDeadlines missedDeadlines) {
    this.missedDeadlines = missedDeadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MissedDeadline deadline = MissedDeadline.valueOf(Variables.requireText(execution, OWED_DEADLINE));
    Instant due = Variables.instant(execution, OWED_DEADLINE_DUE, ZoneOffset.UTC);
    missedDeadlines.escalate(execution, execution.getProcessBusinessKey(), EnquiryInstance.of(execution), deadline, due);
  }
}
