package org.memberenquiries.mail;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.memberenquiries.engine.EveryUserTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells {@link StaffTaskMail} whenever any user task of any process opens (after the task's own create
 * listeners, so its candidate groups and due date are set), so that no diagram needs a listener for it
 * (as forms.FormDisplayPlugin does for the forms' display variables).
 */
@Component
public class StaffMailPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<StaffTaskMail> mail;

  public StaffMailPlugin(ObjectProvider<StaffTaskMail> mail) {
    this.mail = mail; // looked up when a task opens: the engine is built before the beans it calls
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.listen(configuration, task -> mail.getObject().taskCreated(task), TaskListener.EVENTNAME_CREATE);
  }
}
