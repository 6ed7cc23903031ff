package org.memberenquiries.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API (and so Tasklist, which completes tasks through it) with one addition: when a
 * task listener refuses a completion (a rule the officer's input breaks, e.g. R6's estimated date),
 * the engine wraps the refusal; it is answered 400 with the rule's own message instead of 500. And a
 * task that does not exist is a 404, not a 500.
 */
@Component
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(RefusalMapper.class);
    register(WrappedRefusalMapper.class);
  }

  /** The root cause, if it is a refusal the engine wrapped (not the exception itself). */
  static BadUserRequestException refusalIn(Throwable exception) {
    Throwable cause = exception;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause != exception && cause instanceof BadUserRequestException refusal ? refusal : null;
  }

  static Response badRequest(BadUserRequestException refusal) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("type", BadUserRequestException.class.getSimpleName());
    body.put("message", refusal.getMessage());
    return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** Task completion wraps the engine's exception once more, in a 500 RestException. */
  @Priority(1)
  public static class WrappedRefusalMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      BadUserRequestException refusal = refusalIn(exception);
      if (refusal != null) {
        return badRequest(refusal);
      }
      // "Cannot complete task x: Cannot find task with id x" is a missing task, not a server error.
      if (exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR
          && exception.getCause() instanceof NullValueException missing && missing.getMessage().contains("Cannot find")) {
        return Response.status(Response.Status.NOT_FOUND).entity(Map.of("type", "NotFound", "message", missing.getMessage()))
            .type(MediaType.APPLICATION_JSON_TYPE).build();
      }
      return camunda.toResponse(exception);
    }
  }

  @Priority(1) // before Camunda's own ProcessEngineExceptionHandler
  public static class RefusalMapper implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      BadUserRequestException refusal = refusalIn(exception);
      return refusal == null ? camunda.toResponse(exception) : badRequest(refusal);
    }
  }
}
