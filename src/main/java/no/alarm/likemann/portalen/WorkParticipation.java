package no.alarm.likemann.portalen;

/** The one place that names the Portalen work programme ({@code workParticipation}). */
public final class WorkParticipation {

  public static final String PROCESS_KEY = "workParticipation";

  private WorkParticipation() {}

  public static final class Element {
    public static final String MEDARBEIDER_JOINED = "medarbeiderJoined";
    public static final String PLAN_NEXT_DAY = "planNextDay";
    public static final String AGREED_DAY_ARRIVES = "agreedDayArrives";
    public static final String REGISTER_ATTENDANCE = "registerAttendance";
    public static final String FOLLOW_UP_ABSENCE = "followUpAbsence";
    public static final String PAUSE_PARTICIPATION = "pauseParticipation";
    public static final String RESUME_PARTICIPATION = "resumeParticipation";
    public static final String RETURN_PARTICIPATION = "returnParticipation";
    public static final String LEAVE_PARTICIPATION = "leaveParticipation";
    public static final String MEDARBEIDER_LEFT = "medarbeiderLeft";

    private Element() {}
  }

  public static final class Var {
    public static final String MEDARBEIDER_NAME = "medarbeiderName";
    public static final String WORKPLACE = "workplace";
    public static final String AGREED_DAYS = "agreedDays";
    public static final String AGREED_DAY_CODES = "agreedDayCodes";
    public static final String START_DATE = "startDate";
    public static final String MENTOR_REFERENCE = "mentorReference";
    public static final String STARTED_BY = "startedBy";
    public static final String MEDARBEIDER_ID = "medarbeiderId";
    public static final String MEDARBEIDER_REFERENCE = "medarbeiderReference";
    public static final String RESPONSIBLE_MENTOR_USERNAME = "responsibleMentorUsername";
    public static final String LAST_PLANNED_DAY = "lastPlannedDay";
    public static final String ATTENDANCE_DATE = "attendanceDate";
    public static final String ATTENDANCE_DUE = "attendanceDue";
    public static final String ATTENDANCE = "attendance";
    public static final String RESUME_DECISION = "resumeDecision";
    public static final String RETURN_DATE = "returnDate";

    private Var() {}
  }
}
