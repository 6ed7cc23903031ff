package org.memberenquiries.escalation;

import java.time.Instant;

/**
 * A step of a missed deadline's escalation (R10), published synchronously inside the engine step that
 * takes it, so listeners (the Member's email) commit or roll back with it: the breach raised with Member
 * Support, resolved informally, referred to a referee, or decided by them.
 *
 * @param referee the referee's group, once referred (executive-director, monitoring-officer,
 *     chief-financial-officer)
 * @param outcome UPHELD or NOT_UPHELD, once decided
 */
public record BreachEscalation(Step step, Breach breach, String referee, String outcome, Instant at) {

  public enum Step { RAISED, RESOLVED_INFORMALLY, REFERRED, DECIDED }
}
