package org.memberenquiries.page;

import jakarta.validation.ConstraintViolation;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.validation.BindingResult;

/** Bean Validation results as field errors of a page's form, in the order the form shows its fields. */
final class FormErrors {

  /** The message for a field, its broken constraint's simple name (e.g. "NotBlank", "Size") and the size limit. */
  interface Messages {
    String message(String field, String constraint, Object max);
  }

  private FormErrors() {}

  static <T> void reject(Set<ConstraintViolation<T>> violations, List<String> fieldOrder, BindingResult errors,
      Messages messages) {
    violations.stream()
        .sorted(Comparator.comparingInt((ConstraintViolation<T> v) -> order(fieldOrder, field(v)))
            .thenComparing(v -> v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()))
        .forEach(v -> {
          String field = field(v);
          if (errors.hasFieldErrors(field)) {
            return; // one message per field
          }
          String constraint = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
          Object max = v.getConstraintDescriptor().getAttributes().get("max");
          if (fieldOrder.contains(field)) {
            errors.rejectValue(field, constraint, messages.message(field, constraint, max));
          } else {
            errors.reject(constraint, field + " " + v.getMessage());
          }
        });
  }

  /**
   * Issue 7 item 8: a NUL character ({@code \u0000}) in any field is refused at that field, the same
   * rule as the API's (web.RequestHygiene); PostgreSQL cannot store it.
   */
  static void rejectNul(List<String> fieldOrder, BindingResult errors) {
    for (String field : fieldOrder) {
      if (errors.getFieldValue(field) instanceof String value && value.indexOf('\u0000') >= 0 && !errors.hasFieldErrors(field)) {
        errors.rejectValue(field, "nul", "This answer contains a NUL character, which is not allowed. Remove it and send again.");
      }
    }
  }

  private static String field(ConstraintViolation<?> violation) {
    return violation.getPropertyPath().toString();
  }

  private static int order(List<String> fieldOrder, String field) {
    int index = fieldOrder.indexOf(field);
    return index < 0 ? Integer.MAX_VALUE : index;
  }
}
