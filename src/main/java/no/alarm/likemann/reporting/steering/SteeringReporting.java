package no.alarm.likemann.reporting.steering;

/**
 * The one place that names the report to the steering group ({@code steeringGroupReport}): the project leader's
 * written report twice a year, a half-year report for the June meeting and the results report due by 1 December
 * (plan 000 §12 and §15: "Rapportere skriftlig til styringsgruppen 2 ganger i året", "innen 1. desember").
 */
public final class SteeringReporting {

  public static final String PROCESS_KEY = "steeringGroupReport";
  /**
   * Starts {@link #PROCESS_KEY} on 1 June (half-year report) and 1 November (results report) at 07:00, Europe/Oslo. A
   * process of its own, as for the monthly reports: no timer start beside the project leader's start form.
   */
  public static final String TIMER_PROCESS_KEY = "steeringGroupReportTimer";

  private SteeringReporting() {}

  /** The business key of a year's report of a kind: {@code SG-2026-yearResults}. */
  public static String businessKey(SteeringPeriod period) {
    return "SG-" + period.year() + "-" + period.kind().key();
  }

  /** A region's report: {@code SG-2026-yearResults-grenland}; every region's without one. */
  public static String businessKey(SteeringPeriod period, String region) {
    return region == null ? businessKey(period) : businessKey(period) + "-" + region;
  }

  /** The start variable that names the region a report is for (the timer starts one per region). */
  public static final String REPORT_REGION = "reportRegion";

  public static final class Element {
    /** In {@link #TIMER_PROCESS_KEY}: the timer start, the start of the report, the end. */
    public static final String REPORT_SEASON_STARTED = "reportSeasonStarted";
    public static final String START_STEERING_REPORT = "startSteeringReport";
    public static final String STEERING_REPORT_STARTED = "steeringReportStarted";
    public static final String STEERING_REPORT_REQUESTED = "steeringReportRequested";
    public static final String PREPARE_STEERING_REPORT = "prepareSteeringReport";
    public static final String ALREADY_IN_HAND = "alreadyInHand";
    public static final String REPORT_ALREADY_IN_HAND = "reportAlreadyInHand";
    public static final String WRITE_STEERING_REPORT = "writeSteeringReport";
    public static final String RECORD_STEERING_REPORT = "recordSteeringReport";
    public static final String PRODUCE_STEERING_REPORT = "produceSteeringReport";
    public static final String STEERING_REPORT_DELIVERED = "steeringReportDelivered";

    private Element() {}
  }

  public static final class Var {
    /** {@code halfYear} or {@code yearResults} (the start form's choice; the timer's by the month). */
    public static final String REPORT_KIND = "reportKind";
    /** The year reported on (a number). */
    public static final String REPORT_YEAR = "reportYear";
    /** The report in words, for the form and Tasklist: "Resultatrapport 2026 (1.1.2026–31.10.2026)". */
    public static final String REPORT_TITLE = "reportTitle";
    /** The period's figures as Markdown, for the project leader's form. */
    public static final String PERIOD_FIGURES = "periodFigures";
    /** Whether a report of the same kind and year is already being written (then this one ends at once). */
    public static final String ALREADY_BEING_WRITTEN = "alreadyBeingWritten";
    /**
     * The row in steering_report that holds the figures, the texts and the PDF, for Cockpit and the tests to see. The
     * steps find the report by their process instance instead: a task's variables can be changed through REST.
     */
    public static final String STEERING_REPORT_ID = "steeringReportId";
    /** When the report is due: the project leader's task's due date. */
    public static final String REPORT_DUE = "reportDue";
    public static final String RESULTS_ACHIEVED = "resultsAchieved";
    public static final String MEASURES = "measures";
    public static final String FINANCES = "finances";
    public static final String NEXT_PERIOD_PLAN = "nextPeriodPlan";

    private Var() {}
  }
}
