package org.memberenquiries.page;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address nothing answers to: a browser asking for a page gets the "Page not found" page;
 * anyone else (API clients) the same problem detail as before. Without this, {@code web.ApiErrors},
 * which handles every controller's errors, answers browsers with JSON too.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UnknownAddressPage {

  @ExceptionHandler(NoResourceFoundException.class)
  Object notFound(NoResourceFoundException e, HttpServletRequest request) {
    if (wantsPage(request)) {
      ModelAndView page = new ModelAndView("error");
      page.setStatus(HttpStatus.NOT_FOUND);
      page.addObject("status", HttpStatus.NOT_FOUND.value());
      return page;
    }
    return ResponseEntity.of(e.getBody()).build();
  }

  /** A browser asking for a page: HTML accepted explicitly, and not an API address. */
  static boolean wantsPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/") || path.startsWith("/engine-rest/")) {
      return false;
    }
    List<MediaType> accepted;
    try {
      accepted = MediaType.parseMediaTypes(request.getHeader(HttpHeaders.ACCEPT));
    } catch (RuntimeException malformed) {
      return false;
    }
    return accepted.stream().anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
  }
}
