package org.memberenquiries.mail;

/** A message ready to send: subject, plain text and HTML. */
public record RenderedMail(String subject, String text, String html) {}
