package org.memberenquiries.enquiry;

/**
 * The step a case goes back to after a question to the Member (R3, R9) or a burden discussion (R8);
 * the "Back to which step?" gateway routes on it.
 */
public enum Step {
  CAPACITY_CHECK,
  RESPOND,
  FULL_RESPONSE,
  REVISED_FULL_RESPONSE;

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
