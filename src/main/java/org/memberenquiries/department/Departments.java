package org.memberenquiries.department;

import java.util.List;
import java.util.Optional;
import org.memberenquiries.department.DepartmentProperties.Department;
import org.springframework.stereotype.Service;

/** Looks up the configured departments and names their Tasklist queues (candidate groups). */
@Service
public class Departments {

  private final List<Department> departments;

  public Departments(DepartmentProperties properties) {
    this.departments = List.copyOf(properties.departments());
  }

  public List<Department> all() {
    return departments;
  }

  public Optional<Department> find(String id) {
    return departments.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  public Department require(String id) {
    return find(id)
        .orElseThrow(
            () ->
                new UnknownDepartmentException(
                    id, departments.stream().map(Department::id).toList()));
  }

  /** The officers' queue of a department: every officer task of its enquiries goes there. */
  public static String officerGroup(String departmentId) {
    return departmentId + "-officers";
  }

  /** The managers' queue of a department (R8 burden discussions). */
  public static String managerGroup(String departmentId) {
    return departmentId + "-managers";
  }
}
