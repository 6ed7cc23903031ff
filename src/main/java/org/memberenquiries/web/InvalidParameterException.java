package org.memberenquiries.web;

/** A request parameter the caller got wrong; {@link ApiErrors} turns it into a 400 problem detail. */
public class InvalidParameterException extends RuntimeException {

  private final String parameter;

  public InvalidParameterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
