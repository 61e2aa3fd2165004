package no.alarm.likemann.security;

import java.util.List;
import java.util.Map;

/** The groups of the engine: candidate groups in the models, and who may do what. */
public final class Roles {

  public static final String COORDINATOR = "coordinator";
  public static final String COUNSELLOR = "counsellor";
  public static final String MENTOR = "mentor";
  public static final String PROJECT_LEADER = "projectLeader";
  public static final String ADVISER = "adviser";
  public static final String STEERING_GROUP = "steeringGroup";
  /**
   * The working group ("arbeidsgruppen", plan 000 §12): the municipalities' representatives, A-larm, the coordinator,
   * the specialist health service and NAV; the project leader's reference group. Reads aggregates and its region's
   * monthly minutes, never a case.
   */
  public static final String WORKING_GROUP = "workingGroup";
  public static final String ADMIN = "admin";
  /** Camunda's own administrator group: the Admin app's first-run setup is open while it has no member. */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** Group id and its Norwegian name, as Admin and Tasklist show it. */
  public static final Map<String, String> NAMES = Map.of(
      COORDINATOR, "Likemannskoordinatorer",
      COUNSELLOR, "Ruskonsulenter",
      MENTOR, "Likemenn",
      PROJECT_LEADER, "Prosjektledere",
      ADVISER, "Rådgivere",
      STEERING_GROUP, "Styringsgruppen",
      WORKING_GROUP, "Arbeidsgruppen",
      ADMIN, "Administratorer og modellerere");

  /**
   * The counsellors of one municipality: a counsellor is a member of {@link #COUNSELLOR} (what the role may do) and
   * of their municipality's group (whose participants they see: tasks and documents of that municipality only).
   */
  public static String counsellorsOf(String municipalityCode) {
    // the engine allows letters and digits only in group ids: counsellorSkien
    return COUNSELLOR + Character.toUpperCase(municipalityCode.charAt(0)) + municipalityCode.substring(1);
  }

  /**
   * Whether a user who works as a counsellor only (not also a coordinator or an administrator) reaches outside their
   * own municipality: a counsellor reports and updates for their own municipality's participants only. A user of
   * another role, or the system itself (no groups), is not held to a municipality here.
   */
  public static boolean isCounsellorOutside(List<String> groups, String municipalityCode) {
    if (groups == null || !groups.contains(COUNSELLOR) || groups.contains(COORDINATOR) || groups.contains(ADMIN)
        || groups.contains(CAMUNDA_ADMIN)) {
      return false;
    }
    return !groups.contains(counsellorsOf(municipalityCode));
  }

  /** Whether the groups make an administrator (ours or Camunda's own), who is held to no region. */
  public static boolean isAdministrator(List<String> groups) {
    return groups != null && (groups.contains(ADMIN) || groups.contains(CAMUNDA_ADMIN));
  }

  /** The roles that work in Tasklist. */
  public static final List<String> TASKLIST_ROLES = List.of(COORDINATOR, COUNSELLOR, MENTOR, PROJECT_LEADER, ADVISER);

  private Roles() {}
}
