package org.memberenquiries.web;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The API's errors as RFC 9457 problem details ({@code application/problem+json}). Extends Spring's
 * handler so every standard MVC exception keeps its problem detail; a bad request parameter also
 * carries a {@code parameter} property naming it, for clients to point at the field.
 */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {

  static final String PARAMETER = "parameter";

  @ExceptionHandler(InvalidParameterException.class)
  public ProblemDetail invalidParameter(InvalidParameterException e) {
    return badParameter(e.parameter(), e.getMessage());
  }

  /** A request parameter or path variable that does not convert ({@code MethodArgumentTypeMismatchException}). */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (!(e instanceof MethodArgumentTypeMismatchException mismatch)) {
      return super.handleTypeMismatch(e, headers, status, request);
    }
    String expected = mismatch.getRequiredType() != null ? mismatch.getRequiredType().getSimpleName() : "another type";
    ProblemDetail problem = badParameter(
        mismatch.getName(),
        "Parameter '" + mismatch.getName() + "' has an invalid value '" + mismatch.getValue() + "': expected "
            + expected + ".");
    return handleExceptionInternal(e, problem, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = badParameter(
        e.getParameterName(),
        "Parameter '" + e.getParameterName() + "' is required (" + e.getParameterType() + ").");
    return handleExceptionInternal(e, problem, headers, status, request);
  }

  private static ProblemDetail badParameter(String parameter, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request parameter");
    problem.setProperty(PARAMETER, parameter);
    return problem;
  }
}
