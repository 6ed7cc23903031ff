package org.memberenquiries.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.memberenquiries.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** R12: the Members' API for need-to-know document requests. */
@RestController
@RequestMapping("/api/document-requests")
@Tag(name = "Document requests", description = "R12: a Member asks to inspect a document they need to know")
public class DocumentRequestController {

  private final DocumentRequests requests;

  public DocumentRequestController(DocumentRequests requests) {
    this.requests = requests;
  }

  @PostMapping
  @Operation(summary = "Ask to inspect a document (Members only)")
  ResponseEntity<DocumentRequestView> request(@Valid @RequestBody NewDocumentRequest request, Authentication user) {
    Caller caller = Caller.of(user);
    String reference = requests.request(caller, request);
    return ResponseEntity.created(URI.create("/api/document-requests/" + reference))
        .body(requests.view(reference, caller));
  }

  @GetMapping("/{reference}")
  @Operation(summary = "Where a request stands: the chief officer's decision, the dispute deadline, the appeal")
  DocumentRequestView get(@PathVariable String reference, Authentication user) {
    return requests.view(reference, Caller.of(user));
  }

  @PostMapping("/{reference}/dispute")
  @Operation(summary = "Dispute a refusal (the requesting Member, within 10 working days)")
  DocumentRequestView dispute(@PathVariable String reference, @Valid @RequestBody DocumentDispute dispute,
      Authentication user) {
    return requests.dispute(reference, Caller.of(user), dispute.grounds());
  }
}
