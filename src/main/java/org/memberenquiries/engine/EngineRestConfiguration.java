package org.memberenquiries.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The engine REST API (and so Tasklist, which completes tasks through it) with its errors finished:
 * <ul>
 *   <li>when a task listener refuses a completion (a rule the officer's input breaks, e.g. R6's
 *       estimated date), the engine wraps the refusal; it is answered 400 with the rule's own message;
 *   <li>a task, process instance or execution that does not exist (or that the caller may not see) is
 *       a 404, whichever route asked for it (issue 7 item 10); {@code firstResult} and
 *       {@code maxResults} below 0 are a 400; a Java-serialized or otherwise unreadable variable value
 *       is a 400 (Java serialization stays off: {@code javaSerializationFormatEnabled} is false);
 *       a concurrent change is a 409;
 *   <li>error bodies keep Camunda's shape ({@code type}, {@code message}, {@code code}) but name no
 *       exception class: {@code type} is the kind of error (BadRequest, Forbidden, NotFound, Conflict,
 *       ServerError), and a server error's message says nothing of the engine's insides.
 * </ul>
 */
@Component
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  private final TaskService tasks;
  private final RuntimeService runtime;

  public EngineRestConfiguration(@Lazy TaskService tasks, @Lazy RuntimeService runtime) {
    this.tasks = tasks;
    this.runtime = runtime;
  }

  @Override
  protected void registerAdditionalResources() {
    register(RefusalMapper.class);
    register(WrappedRefusalMapper.class);
    register(PagingCheck.class);
    register(new ErrorBodies(tasks, runtime));
  }

  /** The root cause, if it is a refusal the engine wrapped (not the exception itself). */
  static BadUserRequestException refusalIn(Throwable exception) {
    Throwable cause = exception;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause != exception && cause instanceof BadUserRequestException refusal ? refusal : null;
  }

  static Response error(Response.Status status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", kind(status.getStatusCode()));
    body.put("message", message);
    return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** What kind of error a status is: the {@code type} of an error body, never an exception class. */
  static String kind(int status) {
    return switch (status) {
      case 400 -> "BadRequest";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 409 -> "Conflict";
      case 415 -> "UnsupportedMediaType";
      default -> status >= 500 ? "ServerError" : "ClientError";
    };
  }

  /** Task completion wraps the engine's exception once more, in a 500 RestException. */
  @Priority(1)
  public static class WrappedRefusalMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      BadUserRequestException refusal = refusalIn(exception);
      if (refusal != null) {
        return error(Response.Status.BAD_REQUEST, refusal.getMessage());
      }
      // "Cannot complete task x: Cannot find task with id x" is a missing task, not a server error.
      if (exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR
          && exception.getCause() instanceof NullValueException missing && missing.getMessage().contains("Cannot find")) {
        return error(Response.Status.NOT_FOUND, missing.getMessage());
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
      return refusal == null ? camunda.toResponse(exception) : error(Response.Status.BAD_REQUEST, refusal.getMessage());
    }
  }

  /** {@code firstResult} and {@code maxResults} are counts: a negative one is the caller's mistake, not the database's. */
  @Priority(Priorities.USER)
  public static class PagingCheck implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
      for (String parameter : List.of("firstResult", "maxResults")) {
        for (String value : request.getUriInfo().getQueryParameters().getOrDefault(parameter, List.of())) {
          if (!value.matches("\\d{1,9}")) {
            request.abortWith(error(Response.Status.BAD_REQUEST,
                "'" + parameter + "' must be a whole number from 0 to 999999999"));
            return;
          }
        }
      }
    }
  }

  /** Every error body of the engine REST API, whichever mapper made it: the right status, no class names. */
  public static class ErrorBodies implements ContainerResponseFilter {

    static final Pattern BY_ID = Pattern.compile("^/?(task|process-instance|execution)/([^/]+)(/.*)?$");
    static final Pattern MISSING = Pattern.compile(
        "(?i)(doesn't exist|does not exist|cannot find|not found|no task found|no process instance found)");
    static final Pattern SERIALIZATION = Pattern.compile("(?i)(serializ|Cannot find serializer)");
    /** Exception class names, qualified or not, as they appear in the engine's messages. */
    static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-zA-Z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)\\b");
    static final String SERVER_ERROR = "The engine could not carry out this request. It has been logged; try again later.";

    private final TaskService tasks;
    private final RuntimeService runtime;

    ErrorBodies(TaskService tasks, RuntimeService runtime) {
      this.tasks = tasks;
      this.runtime = runtime;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      int status = response.getStatus();
      if (status < 400) {
        return;
      }
      String type;
      String message;
      Integer code = null;
      Object entity = response.getEntity();
      if (entity instanceof ExceptionDto dto) {
        type = dto.getType();
        message = dto.getMessage();
        code = dto.getCode();
      } else if (entity instanceof Map<?, ?> map) {
        type = String.valueOf(map.get("type"));
        message = map.get("message") == null ? null : String.valueOf(map.get("message"));
      } else {
        return; // no body (e.g. Jersey's own 404 or 405)
      }
      String path = request.getUriInfo().getPath();
      if (status >= 500 && !"OptimisticLockingException".equals(type) && unknownTarget(path)) {
        status = 404;
        message = "No " + BY_ID.matcher(path).replaceFirst("$1 with id '$2'") + " exists that you may see";
      } else {
        status = reclassified(status, type, message);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", kind(status));
      body.put("message", status >= 500 ? SERVER_ERROR : status == 409 ? conflict() : sanitized(message));
      if (code != null) {
        body.put("code", code);
      }
      response.setStatus(status);
      response.setEntity(body, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
    }

    private int reclassified(int status, String type, String message) {
      if (status == 403 || status == 401) {
        return status;
      }
      if ("OptimisticLockingException".equals(type)) {
        return 409;
      }
      if ("NullValueException".equals(type) || "NotFoundException".equals(type)
          || (message != null && MISSING.matcher(message).find())) {
        return 404;
      }
      if (message != null && SERIALIZATION.matcher(message).find()) {
        return 400;
      }
      return status;
    }

    /** True if the route names a task, process instance or execution the caller cannot find. */
    private boolean unknownTarget(String path) {
      Matcher byId = BY_ID.matcher(path);
      if (!byId.matches()) {
        return false;
      }
      String id = byId.group(2);
      try {
        return switch (byId.group(1)) {
          case "task" -> tasks.createTaskQuery().taskId(id).count() == 0;
          case "process-instance" -> runtime.createProcessInstanceQuery().processInstanceId(id).count() == 0;
          default -> runtime.createExecutionQuery().executionId(id).count() == 0;
        };
      } catch (RuntimeException e) {
        return false;
      }
    }

    static String sanitized(String message) {
      return message == null ? null : CLASS_NAME.matcher(message).replaceAll("error");
    }

    private static String conflict() {
      return "Someone else changed this at the same time. Reload it and try again.";
    }
  }
}
