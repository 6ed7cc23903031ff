package org.memberenquiries.page;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.memberenquiries.document.DocumentDispute;
import org.memberenquiries.document.DocumentRequestState;
import org.memberenquiries.document.DocumentRequestView;
import org.memberenquiries.document.DocumentRequests;
import org.memberenquiries.security.Caller;
import org.memberenquiries.web.ConflictException;
import org.memberenquiries.web.InvalidFieldException;
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

/**
 * R12 on the Members' pages: ask to inspect a document (with the basis, and a justification where the
 * document is confidential), see the chief officer's decision and reasons, and dispute a refusal within
 * 10 working days. The same service as the API does the work; a request that is not the caller's is
 * "not found".
 */
@Controller
@RequestMapping("/document-requests")
public class DocumentRequestPages {

  private final DocumentRequests requests;
  private final PageText text;
  private final Validator validator;

  public DocumentRequestPages(DocumentRequests requests, PageText text, Validator validator) {
    this.requests = requests;
    this.text = text;
    this.validator = validator;
  }

  @ModelAttribute("fmt")
  PageText text() {
    return text;
  }

  @GetMapping
  String list(Authentication user, Model model) {
    model.addAttribute("title", "Your document requests");
    model.addAttribute("requests", requests.own(Caller.of(user)));
    return "documents/list";
  }

  @GetMapping("/new")
  String newRequest(Model model) {
    model.addAttribute("form", new DocumentRequestForm());
    return form(model, false);
  }

  @PostMapping
  String request(@ModelAttribute("form") DocumentRequestForm form, BindingResult errors, Authentication user,
      Model model) {
    FormErrors.reject(validator.validate(form.toNewDocumentRequest()), DocumentRequestForm.FIELDS, errors,
        DocumentRequestForm::message);
    if (errors.hasErrors()) {
      return form(model, true);
    }
    String reference;
    try {
      reference = requests.request(Caller.of(user), form.toNewDocumentRequest());
    } catch (InvalidFieldException e) {
      errors.rejectValue(e.field(), "invalid", e.getMessage().startsWith("R12: 'justification'")
          ? "Explain why you need to see it: a confidential document, or a basis other than committee member"
              + " or local member, needs a justification" : e.getMessage());
      return form(model, true);
    }
    return "redirect:/document-requests/" + reference + "?sent";
  }

  private String form(Model model, boolean failed) {
    model.addAttribute("title", (failed ? "Error: " : "") + "Ask to inspect a document");
    model.addAttribute("bases", text.bases());
    return "documents/new";
  }

  @GetMapping("/{reference}")
  String request(@PathVariable String reference, @RequestParam(required = false) String sent, Authentication user,
      Model model) {
    model.addAttribute("sent", sent != null);
    return request(requests.view(reference, Caller.of(user)), model, null, false);
  }

  @PostMapping("/{reference}/dispute")
  String dispute(@PathVariable String reference, @RequestParam(required = false) String grounds,
      Authentication user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Caller caller = Caller.of(user);
    DocumentRequestView view = requests.view(reference, caller);
    if (!validator.validate(new DocumentDispute(grounds)).isEmpty()) {
      String error = grounds == null || grounds.isBlank()
          ? "Enter why you dispute the decision" : "Your grounds must be 5,000 characters or fewer";
      model.addAttribute("grounds", grounds);
      return request(view, model, error, true);
    }
    try {
      requests.dispute(reference, caller, grounds);
    } catch (ConflictException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("conflict", "This request has no refusal open to dispute: it may already be disputed, or the"
          + " 10 working days to dispute it have passed. The page below shows where it stands now.");
      return request(requests.view(reference, caller), model, null, false);
    }
    redirect.addFlashAttribute("disputed", true);
    return "redirect:/document-requests/" + reference;
  }

  private String request(DocumentRequestView view, Model model, String disputeError, boolean failed) {
    model.addAttribute("title", (failed ? "Error: " : "") + view.reference() + ": " + view.documentTitle());
    model.addAttribute("view", view);
    model.addAttribute("mayDispute", view.state() == DocumentRequestState.REFUSED);
    model.addAttribute("disputeError", disputeError);
    return "documents/view";
  }
}
