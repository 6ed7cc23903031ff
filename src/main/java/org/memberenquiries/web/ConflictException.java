package org.memberenquiries.web;

/** 409: the request is valid but the case is not in a state to take it (e.g. no open question). */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
