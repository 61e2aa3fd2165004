package no.alarm.likemann.mentor;

/** The one place that names the active mentor's year ({@code activeMentor}) and the relapse report. */
public final class ActiveMentor {

  public static final String PROCESS_KEY = "activeMentor";
  public static final String RELAPSE_REPORT_KEY = "relapseReport";
  /** Interrupts the active period: pause, rematch the participants, adviser's follow-up. */
  public static final String MESSAGE_RELAPSE_REPORTED = "relapseReported";

  private ActiveMentor() {}

  public static String reference(long mentorId) {
    return String.format("LM-%04d", mentorId);
  }

  public static final class Element {
    public static final String ACTIVE_PERIOD = "activePeriod";
    public static final String WAIT_FOR_MONTH_END = "waitForMonthEnd";
    public static final String RECORD_SUPERVISION = "recordSupervision";
    public static final String FOLLOW_UP_MISSED_SUPERVISION = "followUpMissedSupervision";
    public static final String RELAPSE_REPORTED = "relapseReported";
    public static final String PAUSE_MENTOR = "pauseMentor";
    public static final String FOLLOW_UP_RELAPSE = "followUpRelapse";
    public static final String RESUME_MENTOR = "resumeMentor";
    public static final String MENTOR_LEAVES = "mentorLeaves";
    public static final String MENTOR_LEFT = "mentorLeft";
    public static final String RELAPSE_REPORT_SUBMITTED = "relapseReportSubmitted";
    /** After the follow-up and after the wait: the way on is decided at one gateway. */
    public static final String RELAPSE_DECISION_MERGE = "relapseDecisionMerge";
    /** The return re-checks the criteria that always apply: the two-year check on the new sober-since date. */
    public static final String CHECK_RETURN_ELIGIBILITY = "checkReturnEligibility";
    public static final String RETURN_ELIGIBILITY_OUTCOME = "returnEligibilityOutcome";
    public static final String WAIT_UNTIL_TWO_YEARS_SOBER_AGAIN = "waitUntilTwoYearsSoberAgain";
    public static final String RECONSIDER_RETURN = "reconsiderReturn";
    public static final String LEAVES_MERGE = "leavesMerge";
    /** A week without contact between coordinator and mentor: the coordinators follow it up. */
    public static final String COORDINATOR_CONTACT_FOLLOW_UP = "coordinatorContactFollowUp";
    public static final String COORDINATOR_CONTACT_MISSED = "coordinatorContactMissed";
    public static final String FOLLOW_UP_COORDINATOR_CONTACT = "followUpCoordinatorContact";
    public static final String COORDINATOR_CONTACT_FOLLOWED_UP = "coordinatorContactFollowedUp";

    private Element() {}
  }

  public static final class Var {
    public static final String MENTOR_ID = "mentorId";
    public static final String MENTOR_REFERENCE = "mentorReference";
    public static final String MENTOR_NAME = "mentorName";
    public static final String SUPERVISION_MONTH = "supervisionMonth";
    public static final String SUPERVISION_ATTENDED = "supervisionAttended";
    public static final String MISSED_IN_A_ROW = "missedSupervisionsInARow";
    public static final String RELAPSE_OUTCOME = "relapseOutcome";
    /** The day since which the mentor is sober again, as the adviser recorded it (the form's field, the DMN's input). */
    public static final String SOBER_SINCE = "soberSince";
    /** own or nextOfKin, from the register: the eligibility decision's other input. */
    public static final String EXPERIENCE = "experience";
    public static final String RELAPSE_FOLLOWED_UP_ON = "relapseFollowedUpOn";
    /** The adviser followed A-larm's internal routine for relapses ("interne handlingsrutiner"): required. */
    public static final String INTERNAL_ROUTINE_FOLLOWED = "internalRoutineFollowed";
    /** The eligibility decision's result: eligible, notYetTwoYearsSober, noExperience. */
    public static final String RETURN_ELIGIBILITY = "returnEligibility";

    private Var() {}
  }
}
