package org.memberenquiries.page;

import java.util.List;
import java.util.Locale;
import org.memberenquiries.capacity.Capacity;
import org.memberenquiries.enquiry.NewEnquiry;

/**
 * The "Make an enquiry" form as posted by the browser. It is checked by turning it into the API's
 * {@link NewEnquiry} and validating that, so the page and the API keep the same limits. The hidden
 * {@code idempotencyKey} is new with every rendering of an empty form, so posting the same rendered
 * form twice (a double click, back and send again) makes one enquiry.
 */
public class EnquiryForm {

  /** The fields in the order the form shows them: the error summary lists errors in this order. */
  static final List<String> FIELDS =
      List.of("subject", "text", "capacity", "ward", "department", "purpose", "serviceRequestReference");

  private String subject;
  private String text;
  private String capacity;
  private String ward;
  private String department;
  private String purpose;
  private String serviceRequestReference;
  private String idempotencyKey;

  static EnquiryForm fresh(String idempotencyKey) {
    EnquiryForm form = new EnquiryForm();
    form.setIdempotencyKey(idempotencyKey);
    return form;
  }

  NewEnquiry toNewEnquiry() {
    String earlier = serviceRequestReference == null || serviceRequestReference.isBlank() ? null : serviceRequestReference;
    return new NewEnquiry(subject, text, capacity(capacity), ward, department, purpose, earlier, null, null);
  }

  /** A capacity as posted; anything that is not one of the R3 capacities counts as none chosen. */
  static Capacity capacity(String value) {
    if (value == null) {
      return null;
    }
    for (Capacity capacity : Capacity.values()) {
      if (capacity.name().equals(value)) {
        return capacity;
      }
    }
    return null;
  }

  /** The message for a field that broke a constraint of {@link NewEnquiry}, the GOV.UK way. */
  static String message(String field, String constraint, Object max) {
    boolean tooLong = "Size".equals(constraint);
    String limit = max instanceof Number n ? String.format(Locale.UK, "%,d", n.longValue()) : String.valueOf(max);
    return switch (field) {
      case "subject" -> tooLong ? "Subject must be " + limit + " characters or fewer" : "Enter a subject";
      case "text" -> tooLong ? "Your enquiry must be " + limit + " characters or fewer" : "Enter your enquiry";
      case "capacity" -> "Select the capacity you are asking in";
      case "ward" -> tooLong ? "Ward or division must be " + limit + " characters or fewer" : "Enter the ward or division";
      case "department" -> "Select the department";
      case "purpose" -> tooLong ? "Purpose must be " + limit + " characters or fewer"
          : "Enter what you will use the information for";
      case "serviceRequestReference" -> "The earlier service request reference must be " + limit + " characters or fewer";
      default -> "Check " + field;
    };
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getCapacity() {
    return capacity;
  }

  public void setCapacity(String capacity) {
    this.capacity = capacity;
  }

  public String getWard() {
    return ward;
  }

  public void setWard(String ward) {
    this.ward = ward;
  }

  public String getDepartment() {
    return department;
  }

  public void setDepartment(String department) {
    this.department = department;
  }

  public String getPurpose() {
    return purpose;
  }

  public void setPurpose(String purpose) {
    this.purpose = purpose;
  }

  public String getServiceRequestReference() {
    return serviceRequestReference;
  }

  public void setServiceRequestReference(String serviceRequestReference) {
    this.serviceRequestReference = serviceRequestReference;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public void setIdempotencyKey(String idempotencyKey) {
    this.idempotencyKey = idempotencyKey;
  }
}
