package org.memberenquiries.calendar;

/**
 * The parts of the UK with their own bank holidays (R0). Each maps to jollyday's subdivision of
 * {@code UNITED_KINGDOM}. Jollyday 2.19 uses ISO 3166-2 style codes ("eng", "wls", "sct", "nir"); an
 * unknown code is silently treated as the UK-wide list (no Easter Monday), so {@link BankHolidays}
 * checks the code exists.
 */
public enum Division {
  /** England and Wales share one list; jollyday's "eng" and "wls" are identical. */
  ENGLAND_AND_WALES("eng"),
  SCOTLAND("sct"),
  NORTHERN_IRELAND("nir");

  private final String jollydayCode;

  Division(String jollydayCode) {
    this.jollydayCode = jollydayCode;
  }

  String jollydayCode() {
    return jollydayCode;
  }
}
