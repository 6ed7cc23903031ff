package org.memberenquiries.page;

import java.util.List;
import java.util.Locale;
import org.memberenquiries.document.Basis;
import org.memberenquiries.document.NewDocumentRequest;

/**
 * A Member's request to inspect a document (R12) as the page's form sends it. Checked by turning it into
 * the API's {@link NewDocumentRequest}, so the limits and the justification rule are the same.
 */
public class DocumentRequestForm {

  static final List<String> FIELDS = List.of("documentTitle", "basis", "confidential", "justification", "purpose");

  private String documentTitle;
  private String basis;
  private boolean confidential;
  private String justification;
  private String purpose;

  NewDocumentRequest toNewDocumentRequest() {
    return new NewDocumentRequest(documentTitle, basis(basis), confidential, justification, purpose);
  }

  static Basis basis(String value) {
    for (Basis basis : Basis.values()) {
      if (basis.name().equals(value)) {
        return basis;
      }
    }
    return null;
  }

  static String message(String field, String constraint, Object max) {
    if ("Size".equals(constraint)) {
      return label(field) + " must be "
          + (max instanceof Number n ? String.format(Locale.UK, "%,d", n.longValue()) : max) + " characters or fewer";
    }
    return switch (field) {
      case "documentTitle" -> "Enter the document you want to inspect";
      case "basis" -> "Select why you need to know";
      case "justification" -> "Explain why you need to see it";
      case "purpose" -> "Enter what you will use the information for";
      default -> "Check " + label(field);
    };
  }

  private static String label(String field) {
    return switch (field) {
      case "documentTitle" -> "The document";
      case "justification" -> "Your justification";
      case "purpose" -> "The purpose";
      default -> field;
    };
  }

  public String getDocumentTitle() {
    return documentTitle;
  }

  public void setDocumentTitle(String documentTitle) {
    this.documentTitle = documentTitle;
  }

  public String getBasis() {
    return basis;
  }

  public void setBasis(String basis) {
    this.basis = basis;
  }

  public boolean isConfidential() {
    return confidential;
  }

  public void setConfidential(boolean confidential) {
    this.confidential = confidential;
  }

  public String getJustification() {
    return justification;
  }

  public void setJustification(String justification) {
    this.justification = justification;
  }

  public String getPurpose() {
    return purpose;
  }

  public void setPurpose(String purpose) {
    this.purpose = purpose;
  }
}
