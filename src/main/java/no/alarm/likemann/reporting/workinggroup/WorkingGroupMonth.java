package no.alarm.likemann.reporting.workinggroup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place that names the working group's month ({@code workingGroupMonth}, plan 000 §12): the working group
 * ("arbeidsgruppen": the municipalities' representatives, A-larm, the coordinator, the specialist health service and
 * NAV) meets the project leader at least once a month; before the meeting the adviser writes the monthly written
 * report of the job description ("Månedlig skriftlig rapportering (status, fremdrift, økonomi, kostnader, personal,
 * bilag, utlegg, reisekost, m.m.)"). June's meeting is the half-year evaluation ("Halvårsevaluering av prosjektet i
 * arbeidsgruppen"). One per region and month.
 */
public final class WorkingGroupMonth {

  public static final String PROCESS_KEY = "workingGroupMonth";
  /**
   * Starts {@link #PROCESS_KEY} on the 1st of every month at 07:00, Europe/Oslo, one per region, for the month that
   * has begun. A process of its own: Camunda 7 allows no timer start beside the project leader's start form.
   */
  public static final String TIMER_PROCESS_KEY = "workingGroupMonthTimer";

  /** The month of the half-year evaluation (plan 000 §11, the activity plan: "Juni"). */
  public static final int HALF_YEAR_EVALUATION_MONTH = 6;

  private WorkingGroupMonth() {}

  /** A region's month: {@code AG-2026-06-grenland}. */
  public static String businessKey(java.time.YearMonth month, String region) {
    return "AG-" + month + "-" + region;
  }

  public static final class Element {
    /** In {@link #TIMER_PROCESS_KEY}: the timer start, the start of the months, the end. */
    public static final String MONTH_BEGUN = "workingGroupMonthBegun";
    public static final String START_WORKING_GROUP_MONTHS = "startWorkingGroupMonths";
    public static final String WORKING_GROUP_MONTHS_STARTED = "workingGroupMonthsStarted";

    public static final String MONTH_REQUESTED = "workingGroupMonthRequested";
    public static final String OPEN_WORKING_GROUP_MONTH = "openWorkingGroupMonth";
    public static final String WRITE_ADVISER_REPORT = "writeAdviserReport";
    public static final String ADVISER_REPORT_OVERDUE = "adviserReportOverdue";
    public static final String RECORD_ADVISER_REPORT = "recordAdviserReport";
    public static final String RECORD_ADVISER_REPORT_MISSING = "recordAdviserReportMissing";
    public static final String ADVISER_REPORT_MERGE = "adviserReportMerge";
    public static final String HALF_YEAR_EVALUATION_DUE = "halfYearEvaluationDue";
    public static final String HOLD_WORKING_GROUP_MEETING = "holdWorkingGroupMeeting";
    public static final String HOLD_HALF_YEAR_EVALUATION = "holdHalfYearEvaluation";
    public static final String MEETING_MERGE = "meetingMerge";
    public static final String RECORD_WORKING_GROUP_MEETING = "recordWorkingGroupMeeting";
    public static final String PRODUCE_WORKING_GROUP_MONTH = "produceWorkingGroupMonth";
    public static final String WORKING_GROUP_MONTH_DONE = "workingGroupMonthDone";

    private Element() {}
  }

  public static final class Var {
    /** The month, {@code yyyy-mm} (the start form's field; the timer's the month that has begun). */
    public static final String GROUP_MONTH = "groupMonth";
    /** The region the timer starts a month for (a project leader's start: their region, the tenant). */
    public static final String GROUP_REGION = "groupRegion";
    /** "juni 2026", for the forms and Tasklist. */
    public static final String GROUP_MONTH_NAME = "groupMonthName";
    /** Whether the month's meeting is the half-year evaluation (June): routes to its own task. */
    public static final String HALF_YEAR_EVALUATION = "halfYearEvaluation";
    /** The row in working_group_month; the steps find it by their process instance, not by this variable. */
    public static final String WORKING_GROUP_MONTH_ID = "workingGroupMonthId";
    /** The adviser's due date (the 10th at 16:00 Oslo) and when the report is recorded as not received. */
    public static final String ADVISER_REPORT_DUE = "adviserReportDue";
    public static final String ADVISER_REPORT_LATE = "adviserReportLate";
    /** The project leader's due date: the last day of the month at 16:00 Oslo. */
    public static final String MEETING_DUE = "meetingDue";
    /** Task-local: the previous month's figures (Markdown), and on the meeting's task the adviser's report. */
    public static final String MONTH_FIGURES = "monthFigures";
    public static final String ADVISER_REPORT_TEXT = "adviserReportText";

    // the adviser's report
    public static final String ADVISER_STATUS = "adviserStatus";
    public static final String ADVISER_PROGRESS = "adviserProgress";
    public static final String ADVISER_ECONOMY = "adviserEconomy";
    public static final String COSTS_KR = "costsKr";
    public static final String PERSONNEL = "adviserPersonnel";
    public static final String OUTLAYS_KR = "outlaysKr";
    public static final String OUTLAYS_NOTE = "outlaysNote";
    public static final String TRAVEL_COSTS_KR = "travelCostsKr";
    public static final String TRAVEL_NOTE = "travelNote";

    // the meeting
    public static final String MEETING_HELD = "meetingHeld";
    public static final String MEETING_NOT_HELD_REASON = "meetingNotHeldReason";
    public static final String MEETING_DATE = "meetingDate";
    public static final String MEETING_ATTENDEES = "meetingAttendees";
    public static final String CASES_DISCUSSED = "casesDiscussed";
    public static final String DECISIONS = "meetingDecisions";
    public static final String MEASURES_INITIATED = "measuresInitiated";
    public static final String STEERING_AGENDA = "steeringAgendaItems";
    /** June only: what the half-year evaluation concluded. */
    public static final String EVALUATION_SUMMARY = "evaluationSummary";

    private Var() {}
  }

  /** The adviser's texts and amounts: to the register when the task ends, then out of the process. */
  public static final java.util.List<String> ADVISER_FIELDS = java.util.List.of(Var.ADVISER_STATUS,
      Var.ADVISER_PROGRESS, Var.ADVISER_ECONOMY, Var.COSTS_KR, Var.PERSONNEL, Var.OUTLAYS_KR, Var.OUTLAYS_NOTE,
      Var.TRAVEL_COSTS_KR, Var.TRAVEL_NOTE);

  /** The minutes: to the register when the task ends, then out of the process. */
  public static final java.util.List<String> MEETING_FIELDS = java.util.List.of(Var.MEETING_HELD,
      Var.MEETING_NOT_HELD_REASON, Var.MEETING_DATE, Var.MEETING_ATTENDEES, Var.CASES_DISCUSSED, Var.DECISIONS,
      Var.MEASURES_INITIATED, Var.STEERING_AGENDA, Var.EVALUATION_SUMMARY);

  /** Who the working group is (plan 000 §12), the meeting form's checklist: parties, never names. */
  public static final Map<String, String> PARTIES = parties();

  private static Map<String, String> parties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("municipalities", "Kommunenes representanter");
    p.put("alarm", "A-larm");
    p.put("coordinator", "Likemannskoordinatoren");
    p.put("specialistHealth", "Spesialisthelsetjenesten");
    p.put("nav", "NAV");
    return java.util.Collections.unmodifiableMap(p);
  }
}
