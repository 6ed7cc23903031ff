package org.memberenquiries.letter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.memberenquiries.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** R15: the letters issued on an enquiry, for the Member, Members it is shared with, and its officers. */
@RestController
@RequestMapping("/api/enquiries/{reference}/letters")
@Tag(name = "Letters", description = "Full responses as signed PDF letters in the officer's name (R11, R15)")
public class LetterController {

  private final LetterDownloads downloads;

  public LetterController(LetterDownloads downloads) {
    this.downloads = downloads;
  }

  @GetMapping
  @Operation(summary = "The enquiry's letters: date, signatory, recipients and download link, oldest first")
  List<LetterDownloads.LetterSummary> list(@PathVariable String reference, Authentication user) {
    return downloads.list(reference, Caller.of(user));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One letter as PDF (application/pdf, as an attachment)")
  ResponseEntity<byte[]> pdf(@PathVariable String reference, @PathVariable String id, Authentication user) {
    return downloads.pdf(reference, id, Caller.of(user));
  }
}
