package org.memberenquiries.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.memberenquiries.department.DepartmentProperties.Department;
import org.memberenquiries.department.Departments;
import org.memberenquiries.engine.Seeding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups and what each may do in the engine and the webapps, on every start (it
 * only adds what is missing). Camunda's authorization checks are on
 * ({@code camunda.bpm.authorization.enabled}); a task's candidate group gets read and work rights on
 * that task from the engine itself, so an officer sees and claims only their department's tasks.
 * Members get nothing here: they use the product's pages and API, never the webapps.
 */
@Component
public class CamundaAuthorizations {

  private static final Logger LOG = LoggerFactory.getLogger(CamundaAuthorizations.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final Departments departments;
  private final Seeding seeding;

  public CamundaAuthorizations(IdentityService identity, AuthorizationService authorizations, Departments departments,
      Seeding seeding) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.departments = departments;
    this.seeding = seeding;
  }

  @EventListener
  @Order(1)
  public void setUp(ApplicationStartedEvent event) {
    seeding.exclusively("role groups and authorizations", this::setUp);
  }

  void setUp() {
    for (List<String> group : Groups.FIXED) {
      group(group.get(0), group.get(1));
    }
    List<String> officers = new ArrayList<>();
    List<String> managers = new ArrayList<>();
    for (Department department : departments.all()) {
      officers.add(group(Departments.officerGroup(department.id()), department.name() + " officers"));
      managers.add(group(Departments.managerGroup(department.id()), department.name() + " managers"));
    }
    List<String> staff = new ArrayList<>(officers);
    staff.addAll(managers);
    staff.addAll(List.of(Groups.MEMBER_SUPPORT, Groups.EXECUTIVE_DIRECTOR, Groups.MONITORING_OFFICER,
        Groups.CHIEF_FINANCIAL_OFFICER, Groups.CHIEF_EXECUTIVE, Groups.PROCESS_OWNERS));

    for (String group : staff) {
      // Tasklist, its task filters, and the diagrams and names of the processes their tasks belong to.
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.FILTER, ANY, Permissions.READ);
      grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    }
    List<String> loggers = new ArrayList<>(officers);
    loggers.add(Groups.MEMBER_SUPPORT);
    for (String group : loggers) {
      // Log an enquiry on a Member's behalf from Tasklist's start form.
      grant(group, Resources.PROCESS_DEFINITION, "member-enquiry", ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }
    List<String> readers = new ArrayList<>(managers);
    readers.add(Groups.PROCESS_OWNERS);
    for (String group : readers) {
      // Management reads Cockpit (R16).
      grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
      grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ_HISTORY);
      grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }
    // Only process owners (and administrators, who hold every permission) deploy.
    grant(Groups.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.DELETE);
    grant(Groups.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY, Permissions.ALL);
    grant(Groups.PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.ALL);
    LOG.info("Role groups and authorizations in place for {} departments", departments.all().size());
  }

  private String group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(id.equals(Groups.ADMINS) ? "SYSTEM" : "WORKFLOW");
      identity.saveGroup(group);
    }
    return id;
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource).resourceId(resourceId)
        .singleResult();
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
