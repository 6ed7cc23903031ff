package org.memberenquiries.page;

import org.memberenquiries.web.ConflictException;
import org.memberenquiries.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages' errors as the error page (templates/error.html), not as the API's problem details: this
 * advice comes before {@code web.ApiErrors} for the controllers of this package and the ward event pages
 * (R14, {@code ward.WardEventPages}). Another Member's
 * enquiry is "Page not found", exactly like an unknown one (R11). Errors outside a page controller
 * (an unknown address, a refused CSRF token) reach the same template through Spring Boot's /error.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class, assignableTypes = org.memberenquiries.ward.WardEventPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageErrors {

  private static final Logger LOG = LoggerFactory.getLogger(PageErrors.class);

  @ExceptionHandler(NotFoundException.class)
  ModelAndView notFound(NotFoundException e) {
    return page(HttpStatus.NOT_FOUND, null);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ModelAndView forbidden(AccessDeniedException e) {
    return page(HttpStatus.FORBIDDEN, null);
  }

  @ExceptionHandler(ConflictException.class)
  ModelAndView conflict(ConflictException e) {
    return page(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(OptimisticLockingException.class)
  ModelAndView concurrentChange(OptimisticLockingException e) {
    return page(HttpStatus.CONFLICT, org.memberenquiries.web.ApiErrors.CONCURRENT_CHANGE);
  }

  @ExceptionHandler(Exception.class)
  ModelAndView other(Exception e) {
    HttpStatusCode status = HttpStatus.INTERNAL_SERVER_ERROR;
    if (e instanceof ErrorResponse response) {
      status = response.getStatusCode();
    } else {
      ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
      if (annotated != null) {
        status = annotated.code();
      }
    }
    if (status.is5xxServerError()) {
      LOG.error("A Member's page failed", e);
    }
    return page(status, null);
  }

  private static ModelAndView page(HttpStatusCode status, String detail) {
    ModelAndView page = new ModelAndView("error");
    page.setStatus(status);
    page.addObject("status", status.value());
    page.addObject("detail", detail);
    return page;
  }
}
