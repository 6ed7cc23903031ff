package org.memberenquiries.document;

/** Names of the document-request process variables (R12). */
final class DocumentVariables {

  static final String REFERENCE = "reference"; // also the business key; shown in the Tasklist queues
  static final String MEMBER_ID = "memberId";
  static final String MEMBER_NAME = "memberName";
  static final String DOCUMENT_TITLE = "documentTitle";
  static final String BASIS = "basis";
  static final String CONFIDENTIAL = "confidential";
  static final String JUSTIFICATION = "justification";
  static final String PURPOSE = "purpose"; // R13
  static final String STATE = "state";
  static final String DECISION = "decision";
  static final String DECISION_REASONS = "decisionReasons";
  static final String CHIEF_OFFICER_DECISION = "chiefOfficerDecision";
  static final String CHIEF_OFFICER_REASONS = "chiefOfficerReasons";
  static final String DISPUTE_BY = "disputeBy";
  static final String DISPUTE_GROUNDS = "disputeGrounds";
  static final String LEGAL_ADVICE = "legalAdvice";
  static final String CHIEF_EXECUTIVE_DECISION = "chiefExecutiveDecision";
  static final String CHIEF_EXECUTIVE_REASONS = "chiefExecutiveReasons";

  private DocumentVariables() {}
}
