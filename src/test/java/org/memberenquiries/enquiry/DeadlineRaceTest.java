package org.memberenquiries.enquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.escalation.BreachLog;
import org.memberenquiries.testing.ProcessEngineTest;
import org.memberenquiries.testing.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 7 item 11: an officer completes the step just as its overdue timer fires, in two real
 * concurrent transactions (on H2, and on PostgreSQL in the engine-on-postgresql run). Whichever wins,
 * the missed deadline is recorded once and escalated once; the loser fails only with the engine's
 * optimistic locking conflict (409 on the engine API; the job executor retries a job), never with
 * anything else, and retried it finds nothing left to do.
 */
@ProcessEngineTest
class DeadlineRaceTest extends ProcessTestSupport {

  static final int ROUNDS = 12;

  @Autowired BreachLog breaches;

  @Test
  @DisplayName("R10: completion racing the overdue timer: the breach is recorded once and escalated once, whichever wins")
  void completionRacesTheTimer() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    int completionLost = 0;
    int timerLost = 0;
    try {
      for (int round = 0; round < ROUNDS; round++) {
        ProcessInstance enquiry = startTriagedEnquiry("2028-08-15T10:00");
        complete(enquiry, "AcknowledgeEnquiry", Map.of("acknowledgementText", "Received."));
        clockAt("2028-10-14T10:00"); // 45 days past Wednesday 30 August
        Job timer = timer(enquiry, "ResponseOverdue");
        String task = taskOf(enquiry, "RespondToEnquiry").getId();

        CountDownLatch start = new CountDownLatch(1);
        Future<Throwable> fire = threads.submit(() -> attempt(start, () -> managementService.executeJob(timer.getId())));
        Future<Throwable> answer = threads.submit(() -> attempt(start,
            () -> taskService.complete(task, Map.of("responseType", "FULL", "responseText", "Repaired."))));
        start.countDown();
        Throwable fired = fire.get();
        Throwable answered = answer.get();

        for (Throwable outcome : new Throwable[] {fired, answered}) {
          if (outcome != null && !(outcome instanceof OptimisticLockingException)) {
            // the job deleted by the winning completion before the executor loaded it
            assertThat(outcome).hasMessageContaining("No job found");
          }
        }
        if (answered != null) {
          completionLost++;
          taskService.complete(task, Map.of("responseType", "FULL", "responseText", "Repaired.")); // the officer tries again
        }
        if (fired != null) {
          timerLost++;
          if (managementService.createJobQuery().jobId(timer.getId()).count() > 0) {
            managementService.executeJob(timer.getId()); // the job executor retries
          }
        }

        assertThat(enquiry).hasPassed("ResponseKind"); // answered (the link on to the follow-ups leaves no history)
        assertThat(breaches.forEnquiry(enquiry.getId())).singleElement()
            .satisfies(breach -> assertThat(breach.escalated()).isTrue());
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("enquiry-escalation")
            .processInstanceBusinessKey(enquiry.getBusinessKey()).count()).isEqualTo(1);
      }
    } finally {
      threads.shutdownNow();
    }
    System.out.printf("Deadline race: %d rounds, completion lost %d, timer lost %d%n", ROUNDS, completionLost, timerLost);
  }

  private static Throwable attempt(CountDownLatch start, Runnable action) {
    try {
      start.await();
      action.run();
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
