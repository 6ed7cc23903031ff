package org.memberenquiries.enquiry;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.memberenquiries.department.Departments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.memberenquiries.engine.AsTheEngine;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * R11 in the engine: a case (its runtime instance and its history) is readable through the engine
 * API and Cockpit by the officers and managers of its own department, as {@link EnquiryAccess}
 * decides for the product's API (Member Support and administrators read every case through their
 * role's grants; see {@code security.CamundaAuthorizations}). Granted when the case starts, in its
 * transaction, and on start-up for cases started before these grants existed.
 */
@Service
public class CaseAuthorizations {

  private static final Logger LOG = LoggerFactory.getLogger(CaseAuthorizations.class);

  private final AuthorizationService authorizations;
  private final AsTheEngine asTheEngine;
  private final EnquiryRegister register;

  public CaseAuthorizations(AuthorizationService authorizations, AsTheEngine asTheEngine, EnquiryRegister register) {
    this.authorizations = authorizations;
    this.asTheEngine = asTheEngine;
    this.register = register;
  }

  /** The handling department's officers and managers may read this case (never change it: tasks do that). */
  public void grantToDepartment(String processInstanceId, String department) {
    // The grant is the engine's own bookkeeping, not the caller's act: whoever starts a case (a Member
    // through the API, an officer in Tasklist) may not create authorizations themselves.
    asTheEngine.run(() -> {
      for (String group : List.of(Departments.officerGroup(department), Departments.managerGroup(department))) {
        grant(group, Resources.PROCESS_INSTANCE, processInstanceId, ProcessInstancePermissions.READ);
        grant(group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
      }
    });
  }

  /** Cases started before the per-case grants (when managers still read every case) get theirs now. */
  @EventListener(ApplicationStartedEvent.class)
  @Order(2) // after the role groups (security.CamundaAuthorizations)
  public void grantMissing() {
    Set<String> granted = new HashSet<>();
    for (Authorization authorization : authorizations.createAuthorizationQuery()
        .resourceType(Resources.HISTORIC_PROCESS_INSTANCE).authorizationType(AUTH_TYPE_GRANT).list()) {
      granted.add(authorization.getResourceId());
    }
    int added = 0;
    for (Map.Entry<String, String> enquiry : register.departmentsByProcessInstance().entrySet()) {
      if (!granted.contains(enquiry.getKey())) {
        try {
          grantToDepartment(enquiry.getKey(), enquiry.getValue());
          added++;
        } catch (ProcessEngineException concurrent) {
          // Another node starting at the same time granted it first (the grant is unique per group and case).
          LOG.debug("R11: case {} granted concurrently", enquiry.getKey(), concurrent);
        }
      }
    }
    if (added > 0) {
      LOG.info("R11: granted {} earlier cases to their departments' officers and managers", added);
    }
  }

  private void grant(String group, Resource resource, String resourceId, Permission permission) {
    if (authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).count() > 0) {
      return;
    }
    Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    authorizations.saveAuthorization(authorization);
  }
}
