package org.memberenquiries.mail;

import java.util.List;
import java.util.function.Supplier;

/**
 * What goes with an email to a Member beyond its text: the full response's signed letter (R15,
 * letter.LetterAttachments). Looked up when the message is written and when it is sent, from what the
 * step stored with the case, so every retry attaches the same files.
 */
public interface MailAttachments {

  /** One file; its content is read only when the message is sent. */
  record Attachment(String fileName, String contentType, Supplier<byte[]> content) {}

  List<Attachment> forMail(OutboxMail mail);
}
