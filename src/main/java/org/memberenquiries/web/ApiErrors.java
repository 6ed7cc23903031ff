package org.memberenquiries.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

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

  /** Bean validation of a JSON body: 400 naming every bad field (RFC 9457 "errors" with JSON pointers). */
  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
        .map(error -> fieldError(error.getField(), "'" + error.getField() + "' " + error.getDefaultMessage()))
        .toList();
    ProblemDetail problem = invalidBody(errors);
    return handleExceptionInternal(e, problem, headers, status, request);
  }

  /** Malformed JSON, an unknown field, or a value of the wrong type: 400 naming the field. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem;
    if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
      problem = invalidBody(List.of(fieldError(path(unknown), "Unknown field '" + path(unknown) + "'")));
    } else if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String type = mismatch.getTargetType() == null ? "another type" : mismatch.getTargetType().isEnum()
          ? "one of " + java.util.Arrays.toString(mismatch.getTargetType().getEnumConstants())
          : mismatch.getTargetType().getSimpleName();
      problem = invalidBody(List.of(fieldError(path(mismatch), "'" + path(mismatch) + "' has an invalid value: expected " + type)));
    } else if (e.getCause() instanceof JsonParseException parse && parse.getOriginalMessage() != null
        && parse.getOriginalMessage().startsWith("Duplicate field")) {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "The request body is not valid: " + parse.getOriginalMessage() + " (each field at most once).");
      problem.setTitle("Malformed request body");
    } else {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
      problem.setTitle("Malformed request body");
    }
    return handleExceptionInternal(e, problem, headers, status, request);
  }

  /** A request parameter outside its bounds (e.g. {@code size} over 100): 400 naming it. */
  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String detail = e.getParameterValidationResults().stream()
        .flatMap(result -> result.getResolvableErrors().stream().map(error ->
            "Parameter '" + result.getMethodParameter().getParameterName() + "' " + error.getDefaultMessage()))
        .sorted().collect(Collectors.joining("; "));
    String parameter = e.getParameterValidationResults().isEmpty() ? null
        : e.getParameterValidationResults().get(0).getMethodParameter().getParameterName();
    return handleExceptionInternal(e, badParameter(parameter, detail), headers, status, request);
  }

  /** A body Jackson cannot map at all (e.g. a record field given twice): the caller's request, not a server error. */
  @ExceptionHandler(HttpMessageConversionException.class)
  public ProblemDetail unreadableBody(HttpMessageConversionException e) {
    return problem(HttpStatus.BAD_REQUEST, "Malformed request body", "The request body cannot be read as this operation's JSON.");
  }

  @ExceptionHandler(InvalidFieldException.class)
  public ProblemDetail invalidField(InvalidFieldException e) {
    return invalidBody(List.of(fieldError(e.field(), e.getMessage())));
  }

  @ExceptionHandler(NotFoundException.class)
  public ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  public ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "Not possible now", e.getMessage());
  }

  /**
   * Issue 7 item 11: two changes to one case at the same moment (a Member's reply as the no-reply
   * timer fires): one wins, the other is told to look again, never a 500.
   */
  @ExceptionHandler(OptimisticLockingException.class)
  public ProblemDetail concurrentChange(OptimisticLockingException e) {
    return problem(HttpStatus.CONFLICT, "Not possible now", CONCURRENT_CHANGE);
  }

  public static final String CONCURRENT_CHANGE =
      "The enquiry changed at the same moment (for example a deadline passed); reload it and try again.";

  @ExceptionHandler(IdempotencyKeyReusedException.class)
  public ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused", e.getMessage());
  }

  @ExceptionHandler(AccessDeniedException.class)
  public ProblemDetail forbidden(AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  /** A rule the engine's delegates enforce (they name the rule and the field). */
  @ExceptionHandler(BadUserRequestException.class)
  public ProblemDetail ruleBroken(BadUserRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "Request refused", e.getMessage());
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  private static ProblemDetail invalidBody(List<Map<String, String>> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        errors.stream().map(error -> error.get("detail")).sorted().collect(Collectors.joining("; ")));
    problem.setTitle("Invalid request body");
    problem.setProperty("errors", errors);
    return problem;
  }

  private static Map<String, String> fieldError(String field, String detail) {
    return Map.of("pointer", "#/" + field.replace('.', '/'), "field", field, "detail", detail);
  }

  private static String path(MismatchedInputException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
        .collect(Collectors.joining("."));
  }

  private static ProblemDetail badParameter(String parameter, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request parameter");
    problem.setProperty(PARAMETER, parameter);
    return problem;
  }
}
