package org.memberenquiries.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.clarification.MemberReplies;
import org.memberenquiries.department.Departments;
import org.memberenquiries.document.Basis;
import org.memberenquiries.document.DocumentRequests;
import org.memberenquiries.document.NewDocumentRequest;
import org.memberenquiries.enquiry.EnquirySubmission;
import org.memberenquiries.enquiry.NewEnquiry;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.testing.ProcessEngineTest;
import org.memberenquiries.testing.ProcessTestSupport;
import org.memberenquiries.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 7 item 7: every text the API and the forms accept fits, as a process variable, on H2 and on
 * PostgreSQL (the engine suite runs on both). Camunda creates its variable text column as
 * varchar(4000); migration V6 widens it.
 */
@ProcessEngineTest
class LongTextsTest extends ProcessTestSupport {

  static final int API_LIMIT = 20_000;

  @Autowired EnquirySubmission submission;
  @Autowired MemberReplies replies;
  @Autowired DocumentRequests documentRequests;
  @Autowired IdentityService identity;
  @Autowired Departments departments;

  static final Caller MEMBER = new Caller("cllr.lovelace", Set.of(Groups.MEMBERS));

  @BeforeEach
  void members() {
    TestUsers.seed(identity, departments);
  }

  /** A text of the given length, not one repeated character, with non-ASCII letters (UTF-8 over 1 byte). */
  static String text(int length) {
    StringBuilder text = new StringBuilder(length);
    String words = "Les résidents de Mill Lane signalent — encore — que l'éclairage est éteint. ";
    while (text.length() < length) {
      text.append(words);
    }
    return text.substring(0, length - 1) + "!";
  }

  @Test
  @DisplayName("Item 7: a 20,000-character enquiry, acknowledgement, question, reply and response are kept whole")
  void longEnquiryTextsKeptWhole() {
    clockAt("2026-11-20T10:00");
    String enquiryText = text(API_LIMIT);
    String reference = submission.submit(MEMBER, new NewEnquiry("Street lights", enquiryText,
        Capacity.COUNTY_COUNCILLOR, "Mill Ward", "highways", "Ward surgery", null, null, null), null).reference();
    ProcessInstance enquiry = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult();

    complete(enquiry, "TriageEnquiry", TRIAGED_AS_ENQUIRY);
    String acknowledgement = text(API_LIMIT - 1);
    complete(enquiry, "AcknowledgeEnquiry", Map.of("acknowledgementText", acknowledgement));
    String question = text(API_LIMIT - 2);
    complete(enquiry, "RespondToEnquiry", Map.of("responseType", "CLARIFICATION", "clarificationQuestion", question));
    String reply = text(API_LIMIT - 3);
    replies.reply(reference, reply, null);
    String response = text(API_LIMIT - 4);
    complete(enquiry, "RespondToEnquiry", Map.of("responseType", "FULL", "responseText", response, "councillorOnly", false));

    assertAnsweredFrom(enquiry, "ResponseKind"); // issue 10 item 4: the window for follow-ups follows the answer
    assertThat(historic(enquiry, "enquiryText")).isEqualTo(enquiryText);
    assertThat(historic(enquiry, "acknowledgementText")).isEqualTo(acknowledgement);
    assertThat(historic(enquiry, "clarificationQuestion")).isEqualTo(question);
    assertThat(historic(enquiry, "clarificationReply")).isEqualTo(reply);
    assertThat(historic(enquiry, "responseText")).isEqualTo(response);
  }

  @Test
  @DisplayName("Item 7: a document request's justification at its limit is kept whole")
  void longJustificationKeptWhole() {
    clockAt("2026-11-20T10:00");
    String justification = text(5_000);
    String reference = documentRequests.request(MEMBER,
        new NewDocumentRequest("Contract with the lighting supplier", Basis.OTHER, true, justification, "Scrutiny"));
    ProcessInstance request = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult();

    assertThat(runtimeService.getVariable(request.getId(), "justification")).isEqualTo(justification);
  }

  Object historic(ProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).includeDeleted().singleResult().getValue();
  }
}
