package org.memberenquiries.security;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.EventSubscriptionDeclaration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.PvmScope;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.memberenquiries.casedata.Messages;
import org.springframework.stereotype.Component;

/**
 * The Members' own messages, their reply to a question (R3, R9) and their dispute of a refusal (R12),
 * are delivered only by the product's own paths ({@code MemberReplies}, {@code DocumentRequests}),
 * which check that the caller is the requesting Member and then correlate as the engine itself. A
 * signed-in engine user (any staff role, administrators included, through {@code POST /message} or
 * an event subscription's trigger) cannot forge one: the catch event refuses to complete and the
 * correlation rolls back with 403.
 */
@Component
public class MembersOwnMessages extends AbstractProcessEnginePlugin {

  static final Set<String> MEMBERS_MESSAGES = Set.of(Messages.MEMBER_REPLIED, Messages.DOCUMENT_REFUSAL_DISPUTED);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseIntermediateMessageCatchEventDefinition(Element definition, ActivityImpl activity) {
        String message = messageName(activity);
        if (message != null && MEMBERS_MESSAGES.contains(message)) {
          activity.addListener(ExecutionListener.EVENTNAME_END, refuseEngineUsers(message));
        }
      }
    });
  }

  /** The message the catch event waits for (its subscription is declared on it, or on its event scope). */
  private static String messageName(ActivityImpl activity) {
    for (PvmScope scope : new PvmScope[] {activity, activity.getEventScope()}) {
      EventSubscriptionDeclaration declaration =
          scope == null ? null : EventSubscriptionDeclaration.getDeclarationsForScope(scope).get(activity.getId());
      if (declaration != null) {
        return declaration.getUnresolvedEventName();
      }
    }
    return null;
  }

  private static ExecutionListener refuseEngineUsers(String message) {
    return execution -> {
      Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      if (user != null) {
        throw new AuthorizationException("'" + message + "' is the Member's own message: only the Member sends it,"
            + " through the Members' API or pages (R9, R11, R12); " + user.getUserId() + " may not");
      }
    };
  }
}
