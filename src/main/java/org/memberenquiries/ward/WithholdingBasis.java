package org.memberenquiries.ward;

/** R14's exception: the reasons that may prevent telling the local Members beforehand. */
public enum WithholdingBasis {
  LEGAL("Legal"),
  CONTRACTUAL("Contractual"),
  POLICY("Policy");

  private final String label;

  WithholdingBasis(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
