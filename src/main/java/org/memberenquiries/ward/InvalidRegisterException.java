package org.memberenquiries.ward;

import java.util.List;

/** A ward register (or a CSV import of it) the service refuses: 400 listing each problem, by line. */
public class InvalidRegisterException extends RuntimeException {

  private final List<String> problems;

  public InvalidRegisterException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
