package org.memberenquiries.ward;

/** What an officer records for a ward or division (R14). */
public enum EventKind {
  EVENT("Event"),
  WORKS("Works"),
  DECISION("Decision");

  private final String label;

  EventKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
