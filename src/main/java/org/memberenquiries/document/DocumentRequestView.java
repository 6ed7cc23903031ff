package org.memberenquiries.document;

import java.time.OffsetDateTime;

/**
 * A need-to-know request as its Member sees it (R12, R13). The chief legal officer's advice is shown
 * to the chief executive and the referees, not to the Member.
 */
public record DocumentRequestView(
    String reference,
    DocumentRequestState state,
    String memberId,
    String documentTitle,
    Basis basis,
    boolean confidential,
    String purpose,
    String chiefOfficerDecision,
    String chiefOfficerReasons,
    OffsetDateTime disputeBy,
    String disputeGrounds,
    String legalAdvice,
    String chiefExecutiveDecision,
    String chiefExecutiveReasons) {}
