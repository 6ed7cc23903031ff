package org.memberenquiries.ward;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.memberenquiries.page.PageText;
import org.memberenquiries.security.Caller;
import org.memberenquiries.web.ConflictException;
import org.memberenquiries.web.InvalidFieldException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * R14 on pages: officers record and withhold ward events and see who was told ({@code /staff/ward-events});
 * a Member sees the events in their wards ({@code /wards}); administrators keep the register
 * ({@code /admin/wards}). The same services as the API do the work.
 */
@Controller
public class WardEventPages {

  static final List<String> FIELDS = List.of("kind", "title", "description", "startsOn", "wards", "withheldBasis",
      "withheldReason");

  private final WardEvents events;
  private final WardEventViews views;
  private final WardRegister register;
  private final PageText text;
  private final Validator validator;

  public WardEventPages(WardEvents events, WardEventViews views, WardRegister register, PageText text,
      Validator validator) {
    this.events = events;
    this.views = views;
    this.register = register;
    this.text = text;
    this.validator = validator;
  }

  @ModelAttribute("fmt")
  PageText text() {
    return text;
  }

  @GetMapping("/staff/ward-events")
  String list(Authentication user, Model model) {
    model.addAttribute("title", "Ward and division events");
    model.addAttribute("events", views.recent(Caller.of(user)));
    return "wards/events";
  }

  @GetMapping("/staff/ward-events/new")
  String newEvent(Model model) {
    model.addAttribute("form", new WardEventForm());
    return form(model);
  }

  @PostMapping("/staff/ward-events")
  String record(@ModelAttribute("form") WardEventForm form, BindingResult errors, Authentication user, Model model) {
    NewWardEvent event = form.toNewWardEvent(errors);
    validator.validate(event).stream()
        .sorted(Comparator.comparingInt((ConstraintViolation<NewWardEvent> v) -> order(v)))
        .forEach(v -> {
          String field = v.getPropertyPath().toString().replaceAll("\\[.*", "");
          if (FIELDS.contains(field) && !errors.hasFieldErrors(field)) {
            errors.rejectValue(field, "invalid", message(field));
          }
        });
    if (errors.hasErrors()) {
      return form(model);
    }
    try {
      return "redirect:/staff/ward-events/" + events.record(Caller.of(user), event).reference() + "?recorded";
    } catch (InvalidFieldException e) {
      errors.rejectValue(e.field(), "invalid", e.getMessage().replaceFirst("^R14: ", ""));
      return form(model);
    }
  }

  @GetMapping("/staff/ward-events/{reference}")
  String view(@PathVariable String reference, @RequestParam(required = false) String recorded, Authentication user,
      Model model) {
    WardEventView event = views.view(Caller.of(user), reference);
    model.addAttribute("title", event.reference() + ": " + event.title());
    model.addAttribute("event", event);
    model.addAttribute("recorded", recorded != null);
    model.addAttribute("bases", WithholdingBasis.values());
    return "wards/event";
  }

  @PostMapping("/staff/ward-events/{reference}/withholding")
  String withhold(@PathVariable String reference, @RequestParam(required = false) String basis,
      @RequestParam(required = false) String reason, Authentication user, Model model) {
    WardEvent event = views.find(reference);
    WithholdingBasis chosen = null;
    for (WithholdingBasis b : WithholdingBasis.values()) {
      if (b.name().equals(basis)) {
        chosen = b;
      }
    }
    if (chosen == null || reason == null || reason.isBlank() || reason.length() > 5000 || reason.indexOf('\0') >= 0) {
      model.addAttribute("withholdError", "Select the reason's basis and explain it (at most 5,000 characters)");
      return view(event.reference(), null, user, model);
    }
    try {
      events.withhold(Caller.of(user), event.id(), new Withholding(chosen, reason));
    } catch (ConflictException e) {
      model.addAttribute("withholdError", e.getMessage().replaceFirst("^R14: ", ""));
      return view(event.reference(), null, user, model);
    }
    return "redirect:/staff/ward-events/" + event.reference();
  }

  @GetMapping("/wards")
  String mine(Authentication user, Model model) {
    model.addAttribute("title", "Events in your wards");
    model.addAttribute("mine", views.forMember(Caller.of(user).id()));
    return "wards/mine";
  }

  @GetMapping("/admin/wards")
  String registerPage(@RequestParam(required = false) String saved, Model model) {
    model.addAttribute("title", "Ward register");
    model.addAttribute("holdings", register.all());
    model.addAttribute("saved", saved != null);
    return "admin/wards";
  }

  @PostMapping("/admin/wards")
  String add(@RequestParam(required = false) String ward, @RequestParam(required = false) String member, Model model) {
    try {
      register.add(ward, member);
    } catch (InvalidRegisterException e) {
      model.addAttribute("problems", e.problems());
      model.addAttribute("ward", ward);
      model.addAttribute("member", member);
      return registerPage(null, model);
    }
    return "redirect:/admin/wards?saved";
  }

  @PostMapping("/admin/wards/remove")
  String remove(@RequestParam(required = false) String ward, @RequestParam(required = false) String member) {
    register.remove(ward, member);
    return "redirect:/admin/wards?saved";
  }

  @PostMapping("/admin/wards/import")
  String importCsv(@RequestParam(required = false) String csv, Model model) {
    try {
      register.importCsv(csv == null ? "" : csv);
    } catch (InvalidRegisterException e) {
      model.addAttribute("problems", e.problems());
      model.addAttribute("csv", csv);
      return registerPage(null, model);
    }
    return "redirect:/admin/wards?saved";
  }

  private String form(Model model) {
    model.addAttribute("title", "Record a ward or division event");
    model.addAttribute("kinds", EventKind.values());
    model.addAttribute("bases", WithholdingBasis.values());
    model.addAttribute("knownWards", register.wards());
    return "wards/new";
  }

  private static int order(ConstraintViolation<?> violation) {
    int index = FIELDS.indexOf(violation.getPropertyPath().toString().replaceAll("\\[.*", ""));
    return index < 0 ? Integer.MAX_VALUE : index;
  }

  private static String message(String field) {
    return switch (field) {
      case "kind" -> "Select what it is";
      case "startsOn" -> "Enter the day it happens";
      case "title" -> "Enter a title of at most 200 characters";
      case "description" -> "Describe it in at most 5,000 characters";
      case "wards" -> "Select the wards or divisions it affects";
      case "withheldReason" -> "Explain the reason in at most 5,000 characters";
      default -> "Check this answer";
    };
  }
}
