package org.memberenquiries.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.memberenquiries.enquiry.EnquiryView;
import org.memberenquiries.security.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** R11: the requesting Member permits another Member to see their enquiry (see {@link EnquirySharing}). */
@RestController
@Tag(name = "Enquiries")
public class SharingController {

  private final EnquirySharing sharing;

  public SharingController(EnquirySharing sharing) {
    this.sharing = sharing;
  }

  @PostMapping("/api/enquiries/{reference}/shares")
  @Operation(summary = "R11: the requesting Member permits another Member to see the enquiry and its answers")
  EnquiryView share(@PathVariable String reference, @Valid @RequestBody ShareRequest request, Authentication user) {
    return sharing.share(reference, Caller.of(user), request.memberId());
  }
}
