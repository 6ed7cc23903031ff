package org.memberenquiries.engine;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The webapps' twin of the engine REST API ({@code /camunda/api/engine}), through which Tasklist submits
 * its forms, with the refusals of {@code /engine-rest} (issue 13 item 3): a rule a task listener enforces
 * is answered 400 with the rule's own message, which Tasklist shows after its "An error happened while
 * submitting the task form". Camunda's own answer is a 500 whose message buries the rule in the engine's
 * wrapping ("ENGINE-03051 There was an exception while invoking the TaskListener ...").
 *
 * <p>The Camunda starter registers the servlet "Engine Api" only when none of that name exists, so this
 * registers it first, the same way, with this application in place of Camunda's.
 */
public class WebappEngineApi extends EngineRestApplication {

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(super.getClasses());
    classes.add(EngineRestConfiguration.RefusalMapper.class);
    classes.add(EngineRestConfiguration.WrappedRefusalMapper.class);
    return classes;
  }

  /** Registers the servlet before Camunda's webapp initializer would register its own. */
  @Component
  public static class Registration implements ServletContextInitializer, Ordered {

    static final String SERVLET = "Engine Api"; // the name Camunda's CamundaBpmWebappInitializer gives it

    private final CamundaBpmProperties camunda;

    public Registration(CamundaBpmProperties camunda) {
      this.camunda = camunda;
    }

    @Override
    public void onStartup(ServletContext context) {
      if (context.getServletRegistration(SERVLET) != null) {
        return;
      }
      ServletRegistration servlet = context.addServlet(SERVLET, ServletContainer.class);
      servlet.addMapping(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
      servlet.setInitParameter("jakarta.ws.rs.Application", WebappEngineApi.class.getName());
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }
}
