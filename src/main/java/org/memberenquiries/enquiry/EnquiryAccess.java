package org.memberenquiries.enquiry;

import java.util.Set;
import java.util.stream.Collectors;
import org.memberenquiries.department.Departments;
import org.memberenquiries.security.Caller;
import org.memberenquiries.security.Groups;
import org.memberenquiries.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * R11: who may see an enquiry and its answers: the requesting Member, a Member they shared it with,
 * and the officers handling it (the department's officers and managers, Member Support, who also
 * handles escalations, and administrators). Anyone else is told it does not exist.
 */
@Component
public class EnquiryAccess {

  private final EnquiryRegister register;
  private final EnquiryShares shares;

  public EnquiryAccess(EnquiryRegister register, EnquiryShares shares) {
    this.register = register;
    this.shares = shares;
  }

  public RegisteredEnquiry readable(String reference, Caller caller) {
    RegisteredEnquiry enquiry = register.find(reference).filter(e -> e.processInstanceId() != null)
        .orElseThrow(() -> notFound(reference));
    if (mayRead(enquiry, caller)) {
      return enquiry;
    }
    throw notFound(reference);
  }

  /** Only the requesting Member answers questions and gives permission to share (R9, R11). */
  public RegisteredEnquiry ownedByMember(String reference, Caller caller) {
    RegisteredEnquiry enquiry = readable(reference, caller);
    if (!enquiry.memberId().equals(caller.id())) {
      throw new org.springframework.security.access.AccessDeniedException(
          "Only the Member who made enquiry " + reference + " may do this");
    }
    return enquiry;
  }

  public boolean isRequestingMember(RegisteredEnquiry enquiry, Caller caller) {
    return enquiry.memberId().equals(caller.id());
  }

  private boolean mayRead(RegisteredEnquiry enquiry, Caller caller) {
    if (isRequestingMember(enquiry, caller)) {
      return true;
    }
    if (caller.isMember()) {
      return shares.isSharedWith(enquiry.reference(), caller.id());
    }
    return caller.inGroup(Departments.officerGroup(enquiry.department()))
        || caller.inGroup(Departments.managerGroup(enquiry.department()))
        || caller.inGroup(Groups.MEMBER_SUPPORT)
        || caller.inGroup(Groups.ADMINS);
  }

  /**
   * Which cases the staff search shows a caller (issue 8 item 4), as {@link #readable} allows: the
   * department's officers and managers their department's, Member Support and administrators every
   * department's. The monitoring officer (R10) sees every case's line too, but not what the Member wrote:
   * the free text searches only subjects for them. Anyone else searches nothing.
   */
  public StaffScope staffScope(Caller caller) {
    if (caller.inGroup(Groups.MEMBER_SUPPORT) || caller.inGroup(Groups.ADMINS)) {
      return new StaffScope(true, Set.of(), true);
    }
    Set<String> departments = caller.groups().stream()
        .filter(group -> Groups.isOfficerGroup(group) || Groups.isManagerGroup(group))
        .map(group -> group.substring(0, group.lastIndexOf('-')))
        .collect(Collectors.toUnmodifiableSet());
    if (caller.inGroup(Groups.MONITORING_OFFICER)) {
      return new StaffScope(true, Set.of(), false);
    }
    return new StaffScope(false, departments, true);
  }

  /** Whether the caller may use the staff search at all. */
  public boolean maySearch(Caller caller) {
    StaffScope scope = staffScope(caller);
    return !caller.isMember() && (scope.everyDepartment() || !scope.departments().isEmpty());
  }

  /** The departments whose cases a staff member sees (all of them, or these), and whether their texts. */
  public record StaffScope(boolean everyDepartment, Set<String> departments, boolean readsTexts) {}

  private static NotFoundException notFound(String reference) {
    return new NotFoundException("No enquiry " + reference + " that you can see");
  }
}
