package org.memberenquiries.document;

/** R12: why the Member needs to know. Any basis but the two named in the protocol needs a justification. */
public enum Basis {
  COMMITTEE_MEMBER_FOR_SERVICE,
  LOCAL_MEMBER,
  OTHER
}
