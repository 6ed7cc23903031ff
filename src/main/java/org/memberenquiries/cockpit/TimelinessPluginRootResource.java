package org.memberenquiries.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The Cockpit plugin's REST API, under {@code /camunda/api/cockpit/plugin/timeliness/}: its front-end module
 * ({@code static/app/plugin.js}, served by the superclass) and the figures
 * ({@code {engine}/figures?from=&to=}). Camunda makes the resources itself, outside Spring: the figures'
 * resource is handed the application's beans from the servlet context.
 */
@Path("plugin/" + TimelinessCockpitPlugin.ID)
public class TimelinessPluginRootResource extends AbstractCockpitPluginRootResource {

  public TimelinessPluginRootResource() {
    super(TimelinessCockpitPlugin.ID);
  }

  @Path("{engineName}/figures")
  public TimelinessFiguresResource figures(@PathParam("engineName") String engineName) {
    return subResource(new TimelinessFiguresResource(engineName,
        WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)), engineName);
  }
}
