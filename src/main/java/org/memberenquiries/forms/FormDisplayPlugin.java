package org.memberenquiries.forms;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.memberenquiries.engine.EveryUserTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every process its display variables ({@link FormDisplay}) when it opens and
 * when it is claimed, so that the diagrams need no listener for it and no task is special. The listener
 * runs after the task's own create listeners (e.g. {@code freshDecision}).
 */
@Component
public class FormDisplayPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<FormDisplay> display;

  public FormDisplayPlugin(ObjectProvider<FormDisplay> display) {
    this.display = display; // looked up when a task opens: the engine is built before the beans it calls
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.listen(configuration, task -> display.getObject().notify(task),
        TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT);
  }
}
