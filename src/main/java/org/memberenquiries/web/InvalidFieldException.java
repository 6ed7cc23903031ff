package org.memberenquiries.web;

/** A request body field the service refuses (beyond bean validation); 400 with a pointer to the field. */
public class InvalidFieldException extends RuntimeException {

  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
