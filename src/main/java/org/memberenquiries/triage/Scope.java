package org.memberenquiries.triage;

/** R1, R2: the output of the enquiry-scope decision (processes/enquiry-scope.dmn). */
public enum Scope {
  ENQUIRY("answered under the Member enquiry protocol"),
  COMPLAINTS_PROCEDURE("the council's complaints procedure"),
  CODE_OF_CONDUCT_PROCEDURE("the code of conduct procedure"),
  SERVICE_REQUEST_CHANNEL("the service request channel");

  private final String route;

  Scope(String route) {
    this.route = route;
  }

  /** Where a referred request goes, as the Member is told. */
  public String route() {
    return route;
  }
}
