package org.memberenquiries.web;

/** 422: an Idempotency-Key already used for a different request. */
public class IdempotencyKeyReusedException extends RuntimeException {

  public IdempotencyKeyReusedException(String key) {
    super("Idempotency-Key '" + key + "' was already used for a different request; use a new key for a new enquiry");
  }
}
