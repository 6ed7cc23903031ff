package org.memberenquiries.engine;

import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * The engine's history as the product needs it (issue 11), and no more. Kept: each case's process instances
 * (which escalations and detours it had, when each ended), its activities (the path it took: Cockpit, the
 * tests' process assertions and coverage), its tasks (who held each step, when it opened and was completed),
 * the final value of each case variable (the pages' escalation history, document requests, letters and
 * {@code enquiry.CaseRecordBackfill} read them), the user operation log (who claimed, completed, changed
 * what: the engine's audit trail), incidents and batches. The product's own audit trail is its
 * {@code communication} and {@code breach} tables, and the timeliness figures (R16) read those and the
 * {@code enquiry} read model, never the history.
 *
 * <p>Left out of "full": every intermediate value of every variable ({@code ACT_HI_DETAIL}: the final
 * value is kept), form field details (Camunda Forms submit variables, kept as such), the task-local
 * display labels {@code forms.FormDisplay} puts on every task when it opens and is claimed (words for
 * dates and codes, recomputed each time: never case data), each job's execution log ({@code ACT_HI_JOB_LOG}:
 * a failing job is an incident, kept), candidate-group history ({@code ACT_HI_IDENTITYLINK}: the task's
 * queue is its department's, in the read model) and decision-table evaluations ({@code ACT_HI_DEC*}: the
 * scope decided is the case variable {@code scope}, kept).
 *
 * <p>The level is stored in the database ({@code ACT_GE_PROPERTY historyLevel}); migration 32 moves a
 * database written at "full" to it.
 */
public final class CaseHistoryLevel implements HistoryLevel {

  public static final String NAME = "case-audit";
  /** Not one of the engine's own (0-3); migration 32 writes it. */
  public static final int ID = 32;

  private static final Set<HistoryEventTypes> KEPT = EnumSet.of(
      HistoryEventTypes.PROCESS_INSTANCE_START, HistoryEventTypes.PROCESS_INSTANCE_UPDATE,
      HistoryEventTypes.PROCESS_INSTANCE_MIGRATE, HistoryEventTypes.PROCESS_INSTANCE_END,
      HistoryEventTypes.ACTIVITY_INSTANCE_START, HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE,
      HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE, HistoryEventTypes.ACTIVITY_INSTANCE_END,
      HistoryEventTypes.TASK_INSTANCE_CREATE, HistoryEventTypes.TASK_INSTANCE_UPDATE,
      HistoryEventTypes.TASK_INSTANCE_MIGRATE, HistoryEventTypes.TASK_INSTANCE_COMPLETE,
      HistoryEventTypes.TASK_INSTANCE_DELETE,
      HistoryEventTypes.VARIABLE_INSTANCE_CREATE, HistoryEventTypes.VARIABLE_INSTANCE_UPDATE,
      HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE, HistoryEventTypes.VARIABLE_INSTANCE_DELETE,
      HistoryEventTypes.INCIDENT_CREATE, HistoryEventTypes.INCIDENT_MIGRATE, HistoryEventTypes.INCIDENT_DELETE,
      HistoryEventTypes.INCIDENT_RESOLVE, HistoryEventTypes.INCIDENT_UPDATE,
      HistoryEventTypes.BATCH_START, HistoryEventTypes.BATCH_END, HistoryEventTypes.BATCH_UPDATE,
      HistoryEventTypes.USER_OPERATION_LOG);

  private static final Set<HistoryEventTypes> VARIABLE = EnumSet.of(
      HistoryEventTypes.VARIABLE_INSTANCE_CREATE, HistoryEventTypes.VARIABLE_INSTANCE_UPDATE,
      HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE, HistoryEventTypes.VARIABLE_INSTANCE_DELETE);

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (!(eventType instanceof HistoryEventTypes type) || !KEPT.contains(type)) {
      return false;
    }
    // A task's own variables are forms.FormDisplay's labels: every event of theirs is left out alike, so that
    // no update ever meets a history row that was never written.
    return !(VARIABLE.contains(type) && entity instanceof VariableInstanceEntity variable && variable.getTaskId() != null);
  }
}
