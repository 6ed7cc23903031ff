package org.memberenquiries.enquiry;

/**
 * The step a case goes back to after a question to the Member (R3, R9) or a burden discussion (R8);
 * the "Back to which step?" gateway routes on it.
 */
public enum Step {
  CAPACITY_CHECK(null),
  RESPOND("RESPONSE"),
  FULL_RESPONSE("FULL_RESPONSE"),
  REVISED_FULL_RESPONSE("REVISED_FULL_RESPONSE");

  private final String deadline;

  Step(String deadline) {
    this.deadline = deadline;
  }

  /** The deadline owed at this step (escalation.MissedDeadline's name), if any. */
  public String deadline() {
    return deadline;
  }

  /** The step of the officer task a question or burden was raised from. */
  public static Step ofTask(String taskDefinitionKey) {
    return switch (taskDefinitionKey) {
      case "RespondToEnquiry" -> RESPOND;
      case "SendFullResponse" -> FULL_RESPONSE;
      case "SendFullResponseByRevisedDate" -> REVISED_FULL_RESPONSE;
      default -> throw new IllegalArgumentException("No step for task " + taskDefinitionKey);
    };
  }
}
