package org.memberenquiries.document;

import static org.memberenquiries.document.DocumentVariables.*;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.memberenquiries.engine.Variables;
import org.springframework.stereotype.Component;

/**
 * "Check the request" (R12, R13): a document, a basis and a purpose; a confidential document, or a
 * basis other than committee member or local member, needs the Member's justification.
 */
@Component("documentRequestChecked")
public class DocumentRequestChecked implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Variables.requireText(execution, MEMBER_ID);
    Variables.requireText(execution, DOCUMENT_TITLE);
    Variables.requireText(execution, PURPOSE);
    Basis basis;
    try {
      basis = Basis.valueOf(Variables.requireText(execution, BASIS));
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException("R12: 'basis' must be COMMITTEE_MEMBER_FOR_SERVICE, LOCAL_MEMBER or OTHER");
    }
    boolean confidential = Boolean.parseBoolean(String.valueOf(execution.getVariable(CONFIDENTIAL)));
    if ((confidential || basis == Basis.OTHER) && Variables.text(execution, JUSTIFICATION) == null) {
      throw new BadUserRequestException("R12: '" + JUSTIFICATION + "' is required for "
          + (confidential ? "a confidential document (personal or commercially sensitive)" : "a basis other than"
              + " committee member for the service or local member"));
    }
    execution.setVariable(CONFIDENTIAL, confidential);
    execution.setVariable(STATE, DocumentRequestState.AWAITING_DECISION.name());
  }
}
