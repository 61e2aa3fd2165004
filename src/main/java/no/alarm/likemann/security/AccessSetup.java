package no.alarm.likemann.security;

import static no.alarm.likemann.security.Roles.*;

import java.util.Arrays;
import java.util.List;

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
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import no.alarm.likemann.journey.JourneyChange;
import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.mentor.ActiveMentor;
import no.alarm.likemann.onboarding.MentorOnboarding;
import no.alarm.likemann.portalen.WorkParticipation;
import no.alarm.likemann.referral.MunicipalityRegistry;
import no.alarm.likemann.reporting.MonthlyReporting;

/**
 * The groups, what each may see and do (engine authorizations, which Tasklist and Cockpit obey), and the
 * administrator. Idempotent: runs at every start and adds only what is missing.
 */
@Component
public class AccessSetup implements no.alarm.likemann.region.AddMunicipality.Access {

  private static final Logger LOG = LoggerFactory.getLogger(AccessSetup.class);
  public static final String ADMIN_USER = "admin";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final MunicipalityRegistry municipalities;

  public AccessSetup(IdentityService identity, AuthorizationService authorizations,
                     MunicipalityRegistry municipalities) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.municipalities = municipalities;
  }

  public void ensureGroupsAndPermissions() {
    NAMES.forEach((id, name) -> ensureGroup(id, name, ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW"));
    municipalities.regions().keySet().forEach(this::ensureTenant);
    municipalities.all().values().forEach(this::ensureMunicipalityAccess);
    ensureGroup(CAMUNDA_ADMIN, "Camunda-administratorer", "SYSTEM");

    for (String role : TASKLIST_ROLES) {
      grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }
    // Tasklist shows the process name, the diagram and the task's deployed form to those who work in a process;
    // the tasks themselves are granted per task by the engine to their candidate groups and assignee.
    processAccess(ParticipantJourney.PROCESS_KEY, List.of(COORDINATOR, COUNSELLOR),
        List.of(COORDINATOR, COUNSELLOR, MENTOR));
    // Coordinators run the service: they read every referral (Tasklist shows the reference on each task card).
    grant(COORDINATOR, Resources.PROCESS_DEFINITION, ParticipantJourney.PROCESS_KEY,
        ProcessDefinitionPermissions.READ_INSTANCE);
    processAccess(MentorOnboarding.PROCESS_KEY, List.of(ADVISER, COORDINATOR, PROJECT_LEADER),
        List.of(ADVISER, COORDINATOR, PROJECT_LEADER, COUNSELLOR));
    processAccess(MentorOnboarding.WITHDRAWAL_KEY, List.of(ADVISER, COORDINATOR, PROJECT_LEADER), List.of());
    processAccess(ActiveMentor.PROCESS_KEY, List.of(), List.of(COORDINATOR, ADVISER));
    processAccess(WorkParticipation.PROCESS_KEY, List.of(MENTOR, COORDINATOR), List.of(MENTOR, COORDINATOR));
    processAccess("closingEvaluation", List.of(COORDINATOR), List.of(COORDINATOR, MENTOR, COUNSELLOR));
    processAccess("treatmentUpdate", List.of(COORDINATOR, COUNSELLOR), List.of());
    processAccess(JourneyChange.PROCESS_KEY, List.of(COORDINATOR, COUNSELLOR, MENTOR), List.of());
    processAccess(no.alarm.likemann.journey.AgreementDeviation.PROCESS_KEY, List.of(COORDINATOR, COUNSELLOR, MENTOR),
        List.of(COORDINATOR, PROJECT_LEADER));
    processAccess(no.alarm.likemann.journey.JourneyMeeting.PROCESS_KEY, List.of(COORDINATOR, COUNSELLOR, MENTOR),
        List.of());
    // An inpatient stay: started by the coupling or a change in the journey; the coordinator records the discharge,
    // the mentor takes part in the transition.
    processAccess(no.alarm.likemann.journey.InpatientStay.PROCESS_KEY, List.of(), List.of(COORDINATOR, MENTOR));
    // NAV's mentor grant: the adviser applies, records the decision, claims the refunds and reports; a project leader
    // may register an application too.
    processAccess(no.alarm.likemann.navgrant.NavMentorGrant.PROCESS_KEY, List.of(ADVISER, PROJECT_LEADER),
        List.of(ADVISER, PROJECT_LEADER));
    processAccess(ActiveMentor.RELAPSE_REPORT_KEY, List.of(MENTOR, COORDINATOR, ADVISER), List.of());
    // Each week's log is a process of its own, called by the journey: the mentor sees the week, not the journey.
    processAccess(ParticipantJourney.Element.CONTACT_WEEK_PROCESS, List.of(), List.of(COORDINATOR, MENTOR));
    // The last days of a coupling that ended mid-week: started by the follow-up calendar, logged by the mentor.
    processAccess(no.alarm.likemann.followup.FinalContactWeek.PROCESS_KEY, List.of(), List.of(COORDINATOR, MENTOR));
    // Monthly reports: coordinators start a missed month; mentors report (their own task), counsellors read.
    processAccess(MonthlyReporting.PROCESS_KEY, List.of(COORDINATOR), List.of(COORDINATOR, MENTOR, COUNSELLOR));
    // The report to the steering group: the project leader starts a missed one and writes it; the steering group
    // reads the PDF through /api/steering-reports, not in Tasklist.
    processAccess(no.alarm.likemann.reporting.steering.SteeringReporting.PROCESS_KEY, List.of(PROJECT_LEADER),
        List.of(PROJECT_LEADER));

    // The working group's month: the project leader starts a missed one and records the meeting, the adviser writes
    // the monthly report; the working group reads the PDF through /api/working-group-months, not in Tasklist.
    processAccess(no.alarm.likemann.reporting.workinggroup.WorkingGroupMonth.PROCESS_KEY, List.of(PROJECT_LEADER),
        List.of(PROJECT_LEADER, ADVISER));

    // Erasure of a person: a region's project leader asks, another project leader (or the administrator) confirms.
    processAccess(no.alarm.likemann.erasure.ErasePerson.PROCESS_KEY, List.of(PROJECT_LEADER),
        List.of(PROJECT_LEADER));

    // Cockpit: the steering group, the working group, project leaders and advisers see definitions and counts, not
    // instances.
    for (String role : List.of(STEERING_GROUP, WORKING_GROUP, PROJECT_LEADER, ADVISER)) {
      grant(role, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(role, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);
      grant(role, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    }

    // Administrators and modellers: everything.
    for (String admin : List.of(ADMIN, CAMUNDA_ADMIN)) {
      for (Resource resource : Resources.values()) {
        grant(admin, resource, "*", Permissions.ALL);
      }
    }
  }

  /** Who may start a process, and who works in it. */
  private void processAccess(String processKey, List<String> starters, List<String> workers) {
    for (String role : workers) {
      grant(role, Resources.PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.READ);
    }
    for (String role : starters) {
      grant(role, Resources.PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(role, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE);
    }
  }

  /**
   * The administrator, a direct member of both admin groups: while Camunda's admin group has a member the Admin
   * app's first-run setup stays closed (CVE-2026-77226), besides the blocker in front of it.
   */
  public void ensureAdministrator(String password, boolean demo) {
    if (identity.createUserQuery().userId(ADMIN_USER).count() == 0) {
      User admin = identity.newUser(ADMIN_USER);
      admin.setFirstName("Likemann");
      admin.setLastName("Administrator");
      admin.setPassword(password);
      if (!demo && !identity.checkPasswordAgainstPolicy(password, admin).isValid()) {
        throw new IllegalStateException("LIKEMANN_ADMIN_PASSWORD does not meet the password policy: at least "
            + PASSWORD_RULES);
      }
      saveUser(admin, demo);
      LOG.info("Created the administrator user");
    }
    ensureMembership(ADMIN_USER, ADMIN);
    ensureMembership(ADMIN_USER, CAMUNDA_ADMIN);
  }

  /** Camunda's password policy (on: {@code enable-password-policy}), in words for the people who choose one. */
  public static final String PASSWORD_RULES = "10 characters, with a lower-case and an upper-case letter, a digit"
      + " and a special character, and not containing the user's id or name";

  /**
   * Saves a user; a demo user (password = user name, listed in the README) is saved past the password policy,
   * which every real user's password must meet.
   */
  public void saveUser(User user, boolean demo) {
    if (demo) {
      ((IdentityServiceImpl) identity).saveUser(user, true);
    } else {
      identity.saveUser(user);
    }
  }

  /**
   * A municipality's counsellors and its region: a counsellor works for one municipality, whose group gets that
   * municipality's tasks and documents; each region is a tenant (its people see only its instances, tasks, history and
   * decisions), and a municipality's counsellors belong to its region through their municipality's group. Run for
   * every municipality at start-up, and for a new one when the administrator adds it; the region's tenant is there
   * already ({@link #ensureTenant}: made in the same command, a second look-up would not see it yet).
   */
  @Override
  public void ensureMunicipalityAccess(no.alarm.likemann.referral.Municipality m) {
    ensureGroup(counsellorsOf(m.code()), "Ruskonsulenter i " + m.name(), "WORKFLOW");
    ensureTenantGroupMembership(m.region(), counsellorsOf(m.code()));
  }

  /** A region's tenant, named as the reports name the region. */
  public void ensureTenant(String region) {
    ensureTenant(region, municipalities.regionName(region));
  }

  @Override
  public void ensureTenant(String region, String name) {
    if (identity.createTenantQuery().tenantId(region).count() == 0) {
      var tenant = identity.newTenant(region);
      tenant.setName(name);
      identity.saveTenant(tenant);
    }
  }

  /** The user works in the region: sees its journeys, tasks and figures. A user may work in several. */
  public void ensureTenantMembership(String region, String userId) {
    if (identity.createTenantQuery().tenantId(region).userMember(userId).count() == 0) {
      identity.createTenantUserMembership(region, userId);
    }
  }

  private void ensureTenantGroupMembership(String region, String groupId) {
    if (identity.createTenantQuery().tenantId(region).groupMember(groupId).count() == 0) {
      identity.createTenantGroupMembership(region, groupId);
    }
  }

  public void ensureMembership(String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }

  private void ensureGroup(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  /** Adds the permissions to the group's grant on the resource, creating the grant when there is none. */
  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization grant = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list().stream()
        .filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
        .findFirst().orElse(null);
    if (grant == null) {
      grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(groupId);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
    } else if (Arrays.stream(permissions).allMatch(grant::isPermissionGranted)) {
      return;
    }
    for (Permission p : permissions) {
      grant.addPermission(p);
    }
    authorizations.saveAuthorization(grant);
  }
}
