package org.memberenquiries.web;

/**
 * 404. Also what a caller gets for something that exists but is not theirs to see, so that nobody
 * learns another Member's references exist (R11).
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
