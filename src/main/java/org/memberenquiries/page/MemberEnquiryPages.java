package org.memberenquiries.page;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.clarification.MemberReplies;
import org.memberenquiries.clarification.NotAwaitingReplyException;
import org.memberenquiries.enquiry.EnquiryAccess;
import org.memberenquiries.enquiry.EnquiryPage;
import org.memberenquiries.enquiry.EnquiryQueries;
import org.memberenquiries.enquiry.EnquiryRegister;
import org.memberenquiries.enquiry.EnquiryState;
import org.memberenquiries.enquiry.EnquirySubmission;
import org.memberenquiries.enquiry.EnquiryView;
import org.memberenquiries.enquiry.EnquiryViews;
import org.memberenquiries.enquiry.NewEnquiry;
import org.memberenquiries.enquiry.RegisteredEnquiry;
import org.memberenquiries.letter.LetterDownloads;
import org.memberenquiries.member.Members;
import org.memberenquiries.security.Caller;
import org.memberenquiries.sharing.EnquirySharing;
import org.memberenquiries.web.IdempotencyKeyReusedException;
import org.memberenquiries.web.InvalidFieldException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Members' pages (R16: a Member sees the state of their own enquiries and the dates they are owed):
 * the list of their enquiries, the form to make one, and one enquiry with what was sent, its purpose
 * (R13), who receives it (R11) and the reply to an open question (R3, R9). The same services as the
 * API do the work; another Member's enquiry is "not found", exactly like an unknown one (R11).
 */
@Controller
@RequestMapping("/enquiries")
public class MemberEnquiryPages {

  static final int PAGE_SIZE = 20;
  private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

  private final EnquirySubmission submission;
  private final EnquiryQueries queries;
  private final EnquiryAccess access;
  private final EnquiryViews views;
  private final EnquiryRegister register;
  private final MemberReplies replies;
  private final EnquirySharing sharing;
  private final Members members;
  private final PageText text;
  private final Validator validator;
  private final LetterDownloads letters;

  public MemberEnquiryPages(EnquirySubmission submission, EnquiryQueries queries, EnquiryAccess access,
      EnquiryViews views, EnquiryRegister register, MemberReplies replies, EnquirySharing sharing, Members members,
      PageText text, Validator validator, LetterDownloads letters) {
    this.letters = letters;
    this.submission = submission;
    this.queries = queries;
    this.access = access;
    this.views = views;
    this.register = register;
    this.replies = replies;
    this.sharing = sharing;
    this.members = members;
    this.text = text;
    this.validator = validator;
  }

  @ModelAttribute("fmt")
  PageText text() {
    return text;
  }

  // ---- Your enquiries ----

  @GetMapping
  String list(@RequestParam(required = false) String state, @RequestParam(required = false) String page,
      Authentication user, Model model) {
    EnquiryState filter = state(state);
    int number = pageNumber(page);
    EnquiryPage enquiries = queries.own(Caller.of(user), filter, number - 1, PAGE_SIZE);
    model.addAttribute("title", "Your enquiries");
    model.addAttribute("enquiries", enquiries);
    model.addAttribute("state", filter == null ? "" : filter.name());
    model.addAttribute("stateLabel", filter == null ? null : text.state(filter));
    model.addAttribute("pageNumber", number);
    model.addAttribute("totalPages", Math.max(1, enquiries.totalPages()));
    model.addAttribute("previousPage", number > 1 ? listUrl(filter, number - 1) : null);
    model.addAttribute("nextPage", number < enquiries.totalPages() ? listUrl(filter, number + 1) : null);
    return "enquiries/list";
  }

  private static EnquiryState state(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    for (EnquiryState state : EnquiryState.values()) {
      if (state.name().equals(value)) {
        return state;
      }
    }
    return null; // an unknown filter shows every enquiry
  }

  private static int pageNumber(String value) {
    try {
      int number = Integer.parseInt(value == null ? "1" : value.trim());
      return Math.min(Math.max(number, 1), 1_000_000);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static String listUrl(EnquiryState state, int page) {
    UriComponentsBuilder url = UriComponentsBuilder.fromPath("/enquiries");
    if (state != null) {
      url.queryParam("state", state.name());
    }
    return url.queryParam("page", page).toUriString();
  }

  // ---- Make an enquiry ----

  @GetMapping("/new")
  String newEnquiry(Model model) {
    model.addAttribute("form", EnquiryForm.fresh(newKey()));
    return form(model, false);
  }

  @PostMapping
  String submit(@ModelAttribute("form") EnquiryForm form, BindingResult errors, Authentication user, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    Caller caller = Caller.of(user);
    NewEnquiry enquiry = form.toNewEnquiry();
    FormErrors.rejectNul(EnquiryForm.FIELDS, errors);
    FormErrors.reject(validator.validate(enquiry), EnquiryForm.FIELDS, errors, EnquiryForm::message);
    String key = form.getIdempotencyKey();
    if (key == null || key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
      form.setIdempotencyKey(newKey());
      errors.reject("expired", "The form had expired. Check your answers and send it again.");
    }
    if (errors.hasErrors()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return form(model, true);
    }
    EnquirySubmission.Submitted submitted;
    try {
      submitted = submit(caller, enquiry, key);
    } catch (InvalidFieldException e) {
      if (EnquiryForm.FIELDS.contains(e.field())) {
        errors.rejectValue(e.field(), "invalid",
            "department".equals(e.field()) ? "Select the department from the list" : e.getMessage());
      } else {
        errors.reject("invalid", e.getMessage());
      }
      return form(model, true);
    } catch (IdempotencyKeyReusedException e) {
      // This rendering of the form was already sent, with different answers: say where that went and
      // let the Member send these answers as a new enquiry if they mean to.
      Optional<String> earlier = register.findSubmission(caller.id(), key).map(RegisteredEnquiry::reference);
      form.setIdempotencyKey(newKey());
      model.addAttribute("alreadySent", earlier.orElse(null));
      errors.reject("alreadySent", "You already sent this form" + earlier.map(r -> " as enquiry " + r).orElse("")
          + ", with different answers. To make another enquiry with these answers, check them and send the form again.");
      return form(model, true);
    }
    redirect.addFlashAttribute("submitted", submitted.reference());
    redirect.addFlashAttribute("replayed", submitted.replayed());
    return "redirect:/enquiries/" + submitted.reference();
  }

  private EnquirySubmission.Submitted submit(Caller caller, NewEnquiry enquiry, String key) {
    try {
      return submission.submit(caller, enquiry, key);
    } catch (DuplicateKeyException concurrentRetry) {
      // A double click raced in with the same key and won: show its enquiry.
      return submission.replay(caller, enquiry, key).orElseThrow(() -> concurrentRetry);
    }
  }

  private String form(Model model, boolean failed) {
    model.addAttribute("title", (failed ? "Error: " : "") + "Make an enquiry");
    model.addAttribute("capacities", text.capacities(true));
    model.addAttribute("departments", text.departments());
    return "enquiries/new";
  }

  private static String newKey() {
    return UUID.randomUUID().toString();
  }

  // ---- One enquiry ----

  @GetMapping("/{reference}")
  String enquiry(@PathVariable String reference, Authentication user, Model model) {
    Caller caller = Caller.of(user);
    RegisteredEnquiry enquiry = access.readable(reference, caller);
    if (!model.containsAttribute("replyForm")) {
      model.addAttribute("replyForm", new ReplyForm());
    }
    return enquiry(views.view(enquiry), enquiry, caller, model, false);
  }

  @PostMapping("/{reference}/reply")
  String reply(@PathVariable String reference, @ModelAttribute("replyForm") ReplyForm form, BindingResult errors,
      Authentication user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Caller caller = Caller.of(user);
    RegisteredEnquiry enquiry = access.ownedByMember(reference, caller);
    EnquiryView view = views.view(enquiry);
    if (view.openQuestion() == null) {
      return notWaiting(enquiry, caller, model, response);
    }
    boolean capacityQuestion = view.openQuestion().capacityQuestion();
    FormErrors.rejectNul(ReplyForm.FIELDS, errors);
    FormErrors.reject(validator.validate(form.toMemberReply()), ReplyForm.FIELDS, errors, ReplyForm::message);
    Capacity capacity = EnquiryForm.capacity(form.getCapacity());
    if (capacityQuestion && (capacity == null || capacity == Capacity.UNCLEAR) && !errors.hasFieldErrors("capacity")) {
      errors.rejectValue("capacity", "required", ReplyForm.message("capacity", "NotNull", null));
    }
    if (errors.hasErrors()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return enquiry(view, enquiry, caller, model, true);
    }
    try {
      replies.reply(enquiry.reference(), form.getReply(), capacityQuestion ? capacity : null);
    } catch (NotAwaitingReplyException e) {
      return notWaiting(enquiry, caller, model, response);
    } catch (BadUserRequestException e) {
      errors.reject("refused", e.getMessage());
      return enquiry(views.view(enquiry), enquiry, caller, model, true);
    }
    redirect.addFlashAttribute("replied", true);
    return "redirect:/enquiries/" + enquiry.reference();
  }

  /** R11: the requesting Member lets another Member see the enquiry and its answers. */
  @PostMapping("/{reference}/shares")
  String share(@PathVariable String reference, @RequestParam(required = false) String memberId, Authentication user,
      Model model, RedirectAttributes redirect) {
    Caller caller = Caller.of(user);
    RegisteredEnquiry enquiry = access.ownedByMember(reference, caller);
    if (memberId == null || memberId.isBlank()) {
      model.addAttribute("shareError", "Select the Member to share this enquiry with");
      model.addAttribute("replyForm", new ReplyForm());
      return enquiry(views.view(enquiry), enquiry, caller, model, true);
    }
    try {
      sharing.share(enquiry.reference(), caller, memberId);
    } catch (InvalidFieldException e) {
      model.addAttribute("shareError", "Select a Member from the list");
      model.addAttribute("replyForm", new ReplyForm());
      return enquiry(views.view(enquiry), enquiry, caller, model, true);
    }
    redirect.addFlashAttribute("sharedWith", text.member(memberId));
    return "redirect:/enquiries/" + enquiry.reference();
  }

  /** R15: a letter on the enquiry, as a PDF download, for the Member and Members it is shared with. */
  @GetMapping("/{reference}/letters/{id}")
  org.springframework.http.ResponseEntity<byte[]> letter(@PathVariable String reference, @PathVariable String id,
      Authentication user) {
    return letters.pdf(reference, id, Caller.of(user));
  }

  /** 409: there is no question open (already answered, or the enquiry closed): show the enquiry as it is. */
  private String notWaiting(RegisteredEnquiry enquiry, Caller caller, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.CONFLICT.value());
    model.addAttribute("conflict", "This enquiry is not waiting for a reply from you. The question may already"
        + " have been answered, or the enquiry may have closed. The page below shows where it stands now.");
    model.addAttribute("replyForm", new ReplyForm());
    return enquiry(views.view(enquiry), enquiry, caller, model, false);
  }

  private String enquiry(EnquiryView view, RegisteredEnquiry enquiry, Caller caller, Model model, boolean failed) {
    boolean mayReply = view.openQuestion() != null && access.isRequestingMember(enquiry, caller);
    model.addAttribute("title", (failed ? "Error: " : "") + view.reference() + ": " + view.subject());
    model.addAttribute("view", view);
    model.addAttribute("letters", letters.list(enquiry.reference(), caller));
    model.addAttribute("datesOwed", text.datesOwed(view));
    model.addAttribute("mayReply", mayReply);
    model.addAttribute("capacityQuestion", mayReply && view.openQuestion().capacityQuestion());
    model.addAttribute("capacities", text.capacities(false));
    boolean mayShare = access.isRequestingMember(enquiry, caller);
    model.addAttribute("mayShare", mayShare);
    model.addAttribute("shareChoices", mayShare ? members.all().stream()
        .filter(member -> !view.recipients().contains(member.getId()))
        .map(member -> new PageText.Choice(member.getId(), PageText.memberLabel(member), null))
        .toList() : java.util.List.of());
    return "enquiries/view";
  }
}
