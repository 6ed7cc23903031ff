package org.memberenquiries.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds a task listener to every user task of every process as it is deployed, after the task's own
 * listeners, so that no diagram needs it and no task is special (forms' display variables, staff email).
 */
public final class EveryUserTask {

  private EveryUserTask() {}

  public static void listen(ProcessEngineConfigurationImpl configuration, TaskListener listener, String... events) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
        for (String event : events) {
          ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition().addTaskListener(event, listener);
        }
      }
    });
  }
}
