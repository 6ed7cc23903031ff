package org.memberenquiries.ward;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.BindingResult;

/** The officers' page form for a ward event (R14); {@link #toNewWardEvent} turns it into the API's record. */
public class WardEventForm {

  private String kind;
  private String title;
  private String description;
  private String startsOn;
  private List<String> wards = new ArrayList<>();
  private String withheldBasis;
  private String withheldReason;

  /**
   * The record, with each unreadable field rejected and left null, so that the caller's Bean Validation
   * reports every other missing answer at the same time.
   */
  NewWardEvent toNewWardEvent(BindingResult errors) {
    EventKind k = parse(EventKind.class, kind, "kind", "Select what it is", errors);
    LocalDate day = null;
    if (startsOn == null || startsOn.isBlank()) {
      errors.rejectValue("startsOn", "required", "Enter the day it happens");
    } else {
      try {
        day = LocalDate.parse(startsOn.strip());
      } catch (DateTimeParseException e) {
        errors.rejectValue("startsOn", "invalid", "Enter the day as year-month-day, for example 2027-01-04");
      }
    }
    WithholdingBasis basis = withheldBasis == null || withheldBasis.isBlank() || "NONE".equals(withheldBasis) ? null
        : parse(WithholdingBasis.class, withheldBasis, "withheldBasis", "Select a reason to withhold, or none", errors);
    for (String field : List.of("title", "description", "withheldReason")) {
      if (errors.getFieldValue(field) instanceof String value && value.indexOf('\u0000') >= 0) {
        errors.rejectValue(field, "nul", "This answer contains a NUL character, which is not allowed. Remove it and send again.");
      }
    }
    if (wards != null && wards.stream().anyMatch(w -> w == null || w.indexOf('\u0000') >= 0)) {
      errors.rejectValue("wards", "nul", "Select the wards or divisions it affects");
    }
    return new NewWardEvent(k, title, description, day, wards == null ? List.of() : wards, basis,
        withheldReason == null || withheldReason.isBlank() ? null : withheldReason);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String message,
      BindingResult errors) {
    try {
      return Enum.valueOf(type, value == null ? "" : value);
    } catch (IllegalArgumentException e) {
      errors.rejectValue(field, "required", message);
      return null;
    }
  }

  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public String getTitle() { return title; }
  public void setTitle(String title) { this.title = title; }
  public String getDescription() { return description; }
  public void setDescription(String description) { this.description = description; }
  public String getStartsOn() { return startsOn; }
  public void setStartsOn(String startsOn) { this.startsOn = startsOn; }
  public List<String> getWards() { return wards; }
  public void setWards(List<String> wards) { this.wards = wards; }
  public String getWithheldBasis() { return withheldBasis; }
  public void setWithheldBasis(String withheldBasis) { this.withheldBasis = withheldBasis; }
  public String getWithheldReason() { return withheldReason; }
  public void setWithheldReason(String withheldReason) { this.withheldReason = withheldReason; }
}
