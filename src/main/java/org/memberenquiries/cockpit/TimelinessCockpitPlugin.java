package org.memberenquiries.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * Issue 9 item 4 (R16): the timeliness figures on Cockpit's dashboard, where management already works.
 * Camunda finds this plugin through {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin};
 * its front-end module is {@code plugin-webapp/timeliness/app/plugin.js} (Camunda's default asset
 * directory for the id), served by the root resource at
 * {@code /camunda/api/cockpit/plugin/timeliness/static/app/plugin.js}.
 */
public class TimelinessCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "timeliness";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(TimelinessPluginRootResource.class);
  }
}
