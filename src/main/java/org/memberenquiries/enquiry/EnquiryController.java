package org.memberenquiries.enquiry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.memberenquiries.security.Caller;
import org.memberenquiries.web.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Members' API: submit an enquiry and follow it (answering its questions: clarification.ClarificationController). */
@RestController
@RequestMapping("/api/enquiries")
@Tag(name = "Enquiries", description = "A Member's enquiries to officers (R3-R13)")
public class EnquiryController {

  private final EnquirySubmission submission;
  private final EnquiryAccess access;
  private final EnquiryViews views;
  private final EnquiryQueries queries;

  public EnquiryController(EnquirySubmission submission, EnquiryAccess access, EnquiryViews views,
      EnquiryQueries queries) {
    this.submission = submission;
    this.access = access;
    this.views = views;
    this.queries = queries;
  }

  @PostMapping
  @Operation(summary = "Submit an enquiry",
      description = "A Member submits their own; Member Support or an officer logs one on a Member's behalf"
          + " (memberId, receivedAt). A retry with the same Idempotency-Key returns the first submission.")
  ResponseEntity<EnquiryView> submit(
      @Valid @RequestBody NewEnquiry enquiry,
      @Parameter(description = "Any unique string per submission, e.g. a UUID")
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Authentication user) {
    Caller caller = Caller.of(user);
    EnquirySubmission.Submitted submitted;
    try {
      submitted = submission.submit(caller, enquiry, idempotencyKey);
    } catch (DuplicateKeyException concurrentRetry) {
      // The same key raced in from a second request, which won: answer with its case.
      submitted = submission.replay(caller, enquiry, idempotencyKey).orElseThrow(() -> concurrentRetry);
    }
    EnquiryView view = views.view(access.readable(submitted.reference(), caller));
    return ResponseEntity.created(URI.create("/api/enquiries/" + submitted.reference()))
        .header("Idempotent-Replayed", String.valueOf(submitted.replayed()))
        .body(view);
  }

  @GetMapping
  @Operation(summary = "The caller's own enquiries, newest first")
  EnquiryPage list(
      @RequestParam(required = false) EnquiryState state,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(EnquiryQueries.MAX_PAGE_SIZE) int size,
      Authentication user) {
    return queries.own(Caller.of(user), state, page, size);
  }

  @GetMapping("/search")
  @Operation(summary = "Staff: search the enquiries of the departments you handle, newest first",
      description = "Officers and managers see their department's enquiries; Member Support, the monitoring"
          + " officer and administrators every department's (the monitoring officer's text search covers"
          + " subjects only). Members and other roles: 403.")
  StaffSearchPage search(
      @RequestParam(required = false) @Size(max = 200) String reference,
      @RequestParam(required = false) @Size(max = 200) String member,
      @RequestParam(required = false) @Size(max = 200) String ward,
      @RequestParam(required = false) @Size(max = 200) String department,
      @RequestParam(required = false) EnquiryState state,
      @RequestParam(required = false) @Size(max = 200) String text,
      @RequestParam(defaultValue = "0") @Min(0) @Max(EnquiryQueries.MAX_PAGE) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(EnquiryQueries.MAX_PAGE_SIZE) int size,
      Authentication user) {
    return queries.search(Caller.of(user), new EnquirySearch(reference, member, ward, department, state, text), page, size);
  }

  @GetMapping("/{reference}")
  @Operation(summary = "One enquiry: state, every deadline owed, what was sent and when, open questions")
  EnquiryView get(@PathVariable String reference, Authentication user) {
    return views.view(access.readable(reference, Caller.of(user)));
  }


}
