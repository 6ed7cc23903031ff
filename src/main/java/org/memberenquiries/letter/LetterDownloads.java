package org.memberenquiries.letter;

import java.time.LocalDate;
import java.util.List;
import org.memberenquiries.enquiry.EnquiryAccess;
import org.memberenquiries.enquiry.RegisteredEnquiry;
import org.memberenquiries.security.Caller;
import org.memberenquiries.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * R11 R15: a case's letters for those who may read the case (the requesting Member, Members it is
 * shared with, and the officers handling it, as {@link EnquiryAccess} decides); for anyone else, and
 * for a letter id that is unknown or belongs to another enquiry, "not found". The API and the Members'
 * pages share it.
 */
@Service
public class LetterDownloads {

  /** A letter as listed: when, in whose name, to whom, and where to download it. */
  public record LetterSummary(long id, String reference, LocalDate date, String dated, String signedBy,
      String signedAs, List<String> recipients, String fileName, String href) {}

  private final EnquiryAccess access;
  private final Letters letters;
  private final LetterIssuer issuer;

  public LetterDownloads(EnquiryAccess access, Letters letters, LetterIssuer issuer) {
    this.access = access;
    this.letters = letters;
    this.issuer = issuer;
  }

  public List<LetterSummary> list(String reference, Caller caller) {
    RegisteredEnquiry enquiry = access.readable(reference, caller);
    return letters.forEnquiry(enquiry.reference()).stream().map(LetterDownloads::summary).toList();
  }

  /** The PDF as a download (never shown inline, so no browser viewer runs it under the pages' policy). */
  public ResponseEntity<byte[]> pdf(String reference, String letterId, Caller caller) {
    RegisteredEnquiry enquiry = access.readable(reference, caller);
    Letter letter = letters.find(enquiry.reference(), id(letterId))
        .orElseThrow(() -> new NotFoundException("No letter " + letterId + " on enquiry " + reference));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(letter.fileName()).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(issuer.pdf(letter));
  }

  private static long id(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException | NullPointerException e) {
      return -1; // no such letter: answered as not found, like any unknown id
    }
  }

  static LetterSummary summary(Letter letter) {
    return new LetterSummary(letter.id(), letter.reference(), letter.date(),
        LetterRenderer.LETTER_DATE.format(letter.date()), letter.signatoryName(),
        letter.signatoryTitle(), letter.recipients(), letter.fileName(),
        "/api/enquiries/" + letter.reference() + "/letters/" + letter.id());
  }
}
