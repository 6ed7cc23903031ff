package org.memberenquiries.retention;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The engine keeps each case's history for the council's retention period ({@link RetentionProperties}), not the
 * time to live written in the models (they must carry one; it is replaced here): at start-up every deployed
 * process and decision definition, old versions included, gets it. History cleanup ({@code endTimeBased},
 * application.yml) removes an instance's history once it ended longer ago than its definition's time to live, so a
 * changed policy applies to cases already closed too. Several nodes starting together may race to set it: the one
 * that loses finds it set.
 */
@Component
public class EngineTimeToLive implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(EngineTimeToLive.class);

  private final RepositoryService repository;
  private final RetentionProperties retention;

  public EngineTimeToLive(RepositoryService repository, RetentionProperties retention) {
    this.repository = repository;
    this.retention = retention;
  }

  @Override
  public void afterSingletonsInstantiated() {
    int days = retention.days();
    int changed = 0;
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
      if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())) {
        changed += set(() -> repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days));
      }
    }
    for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
      if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())) {
        changed += set(() -> repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days));
      }
    }
    if (changed > 0) {
      LOG.info("History of {} process and decision definitions kept for {} days after the case ends ({})", changed,
          days, retention.closedCases());
    }
  }

  private static int set(Runnable update) {
    try {
      update.run();
      return 1;
    } catch (OptimisticLockingException setByAnotherNode) {
      return 0;
    }
  }
}
