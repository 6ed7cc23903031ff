package org.memberenquiries.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.memberenquiries.department.DepartmentProperties.Department;
import org.memberenquiries.department.Departments;
import org.memberenquiries.casedata.Processes;
import org.memberenquiries.engine.Seeding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups and what each may do in the engine and the webapps, on every start: each
 * role's grants listed here are set to exactly these (a broader grant from an earlier version is
 * taken back). Camunda's authorization checks are on ({@code camunda.bpm.authorization.enabled}),
 * historic ones too ({@code enableHistoricInstancePermissions}). The engine API shows no more than
 * the product's rules allow (R11, R12): a task's candidate group gets read and work rights on that
 * task from the engine itself, so an officer sees and claims only their department's tasks; a case
 * is read by its department's officers and managers through grants on that case alone
 * ({@code enquiry.CaseAuthorizations}), by Member Support and administrators; nobody else.
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
    Map<Grant, Set<Permission>> desired = new LinkedHashMap<>();
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
      // Tasklist (each group sees its own queue only: tasklist.TaskQueues), and the models (definitions and
      // diagrams), never the cases in them: a case is read through the grants below (R11), a task through
      // its candidate group.
      want(desired, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      want(desired, group, Resources.FILTER, ANY); // earlier versions let every group read every filter
      want(desired, group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      want(desired, group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    }
    List<String> loggers = new ArrayList<>(officers);
    loggers.add(Groups.MEMBER_SUPPORT);
    for (String group : loggers) {
      // Log an enquiry on a Member's behalf from Tasklist's start form (never with a chosen reference, R11).
      want(desired, group, Resources.PROCESS_DEFINITION, Processes.MEMBER_ENQUIRY, ProcessDefinitionPermissions.CREATE_INSTANCE);
      want(desired, group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }
    for (String group : managers) {
      // Management reads Cockpit (R16): the models, and its own department's cases only (granted per
      // case by CaseAuthorizations when the case starts), never another department's (R11).
      want(desired, group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      want(desired, group, Resources.DEPLOYMENT, ANY, Permissions.READ);
      want(desired, group, Resources.PROCESS_INSTANCE, ANY);
    }
    // The process owner keeps the models in Cockpit and deploys them; they read and act on no case.
    // (Deleting deployments or definitions would delete their cases with them: administrators only.)
    want(desired, Groups.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    want(desired, Groups.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.READ, Permissions.CREATE);
    want(desired, Groups.PROCESS_OWNERS, Resources.PROCESS_INSTANCE, ANY);
    // R11: Member Support handles every enquiry, its escalations and the Members' dissatisfaction after the
    // answer (as EnquiryAccess decides).
    for (String process : List.of(Processes.MEMBER_ENQUIRY, Processes.ENQUIRY_ESCALATION, Processes.AFTER_THE_ANSWER)) {
      want(desired, Groups.MEMBER_SUPPORT, Resources.PROCESS_DEFINITION, process,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    }
    // R12: a need-to-know request, its justification and the legal advice, for the deciders only
    // (as DocumentRequests decides): executive directors, the monitoring officer, the chief executive.
    for (String decider : List.of(Groups.EXECUTIVE_DIRECTOR, Groups.MONITORING_OFFICER, Groups.CHIEF_EXECUTIVE)) {
      want(desired, decider, Resources.PROCESS_DEFINITION, Processes.DOCUMENT_REQUEST,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    }
    desired.forEach((grant, permissions) -> authorize(grant.group(), grant.resource(), grant.resourceId(),
        permissions.toArray(Permission[]::new)));
    LOG.info("Role groups and authorizations in place for {} departments", departments.all().size());
  }

  /** One group's grant on one resource. */
  private record Grant(String group, Resource resource, String resourceId) {}

  /** Collects what each role is granted first: a group may get one resource from several roles. */
  private static void want(Map<Grant, Set<Permission>> desired, String group, Resource resource, String resourceId,
      Permission... permissions) {
    desired.computeIfAbsent(new Grant(group, resource, resourceId), g -> new LinkedHashSet<>())
        .addAll(List.of(permissions));
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

  /**
   * Makes the group's grant on this resource exactly these permissions (none: no grant at all), so a
   * broader grant left by an earlier version (e.g. ALL on every process definition) is taken back.
   */
  private void authorize(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource).resourceId(resourceId)
        .singleResult();
    if (permissions.length == 0) {
      if (existing != null) {
        authorizations.deleteAuthorization(existing.getId());
      }
      return;
    }
    if (existing != null && bits(existing.getPermissions(allOf(resource))) == bits(permissions)) {
      return;
    }
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    authorization.setPermissions(permissions);
    authorizations.saveAuthorization(authorization);
  }

  private static Permission[] allOf(Resource resource) {
    if (resource.resourceType() == Resources.PROCESS_DEFINITION.resourceType()) {
      return ProcessDefinitionPermissions.values();
    }
    if (resource.resourceType() == Resources.PROCESS_INSTANCE.resourceType()) {
      return ProcessInstancePermissions.values();
    }
    return Permissions.values();
  }

  private static int bits(Permission[] permissions) {
    int bits = 0;
    for (Permission permission : permissions) {
      bits |= permission.getValue();
    }
    return bits;
  }
}
