package no.alarm.likemann.reporting;

import java.time.YearMonth;

/**
 * The one place that names the monthly reporting ({@code monthlyReporting}): each mentor's monthly report, the
 * coordinator's report per region and the PDF each municipality receives.
 */
public final class MonthlyReporting {

  public static final String PROCESS_KEY = "monthlyReporting";
  /**
   * Starts {@link #PROCESS_KEY} for the month that ended, on the 1st at 07:00 (Europe/Oslo). A process of its own:
   * Camunda 7 allows no timer start event beside the coordinator's start form (a none start event) in one process.
   */
  public static final String TIMER_PROCESS_KEY = "monthlyReportingTimer";
  /** A mentor who has not reported after this many days is not waited for. */
  public static final int MENTOR_REPORT_DAYS = 7;

  private MonthlyReporting() {}

  /** The business key of a month's reporting: {@code MR-2026-10}. */
  public static String businessKey(YearMonth month) {
    return "MR-" + month;
  }

  /** The business key of a region's reporting of a month: {@code MR-2026-10-grenland}; every region's without one. */
  public static String businessKey(YearMonth month, String region) {
    return region == null ? businessKey(month) : businessKey(month) + "-" + region;
  }

  /** The start variable that names the region a reporting is for (the timer starts one per region). */
  public static final String REPORT_REGION = "reportRegion";

  /** The month of a business key made by {@link #businessKey}. */
  public static YearMonth month(String businessKey) {
    if (businessKey == null || !businessKey.startsWith("MR-")) {
      throw new IllegalArgumentException("Not a monthly reporting's business key: " + businessKey);
    }
    return YearMonth.parse(businessKey.substring(3, 10));
  }

  public static final class Element {
    /** In {@link #TIMER_PROCESS_KEY}: the timer start, the start of the month's reporting, the end. */
    public static final String MONTH_STARTED = "monthStarted";
    public static final String START_MONTHLY_REPORTING = "startMonthlyReporting";
    public static final String MONTHLY_REPORTING_STARTED = "monthlyReportingStarted";
    public static final String REPORT_MONTH_REQUESTED = "reportMonthRequested";
    public static final String PREPARE_MONTHLY_REPORTS = "prepareMonthlyReports";
    public static final String ANY_REGION_TO_REPORT = "anyRegionToReport";
    public static final String NOTHING_TO_REPORT = "nothingToReport";
    public static final String REGION_REPORT = "regionReport";
    public static final String MENTOR_REPORT = "mentorReport";
    public static final String PREPARE_MENTOR_REPORT = "prepareMentorReport";
    public static final String WRITE_MONTHLY_MENTOR_REPORT = "writeMonthlyMentorReport";
    public static final String RECORD_MENTOR_REPORT = "recordMentorReport";
    public static final String MENTOR_REPORT_RECEIVED = "mentorReportReceived";
    public static final String MENTOR_REPORT_OVERDUE = "mentorReportOverdue";
    public static final String RECORD_MENTOR_REPORT_MISSING = "recordMentorReportMissing";
    public static final String MENTOR_REPORT_NOT_RECEIVED = "mentorReportNotReceived";
    public static final String COMPILE_REGION_REPORT = "compileRegionReport";
    public static final String WRITE_MONTHLY_COORDINATOR_REPORT = "writeMonthlyCoordinatorReport";
    public static final String SEND_MONTHLY_REPORT = "sendMonthlyReport";
    public static final String READ_MONTHLY_REPORT = "readMonthlyReport";
    public static final String REGION_REPORT_SENT = "regionReportSent";
    public static final String MONTHLY_REPORTS_SENT = "monthlyReportsSent";

    private Element() {}
  }

  public static final class Var {
    /** The month reported on, yyyy-mm (the start form's field; last month when the timer starts it). */
    public static final String REPORT_MONTH = "reportMonth";
    /** The month in words, for the forms: "oktober 2026". */
    public static final String REPORT_MONTH_NAME = "reportMonthName";
    /** JSON list of region codes to report on. */
    public static final String REGIONS = "regions";
    public static final String REGION_COUNT = "regionCount";
    /** JSON object: region code to the ids of the mentors with a coupling active in the month. */
    public static final String MENTORS_BY_REGION = "mentorsByRegion";
    /** Element of the regions' multi-instance. */
    public static final String REGION = "region";
    public static final String REGION_NAME = "regionName";
    /** Element of the mentors' multi-instance. */
    public static final String MENTOR_ID = "mentorId";
    public static final String MENTOR_USERNAME = "mentorUsername";
    public static final String MENTOR_REFERENCE = "mentorReference";
    public static final String MENTOR_NAME = "mentorName";
    /** The month's figures per participant, as text for the mentor's form. */
    public static final String PARTICIPANT_FIGURES = "participantFigures";
    /** JSON list of the referral references the mentor (or, in the region scope, the region) reports on. */
    public static final String PARTICIPANT_REFERENCES = "participantReferences";
    public static final String PARTICIPANT_STATUS = "participantStatus";
    public static final String MENTOR_MILEAGE_KM = "mentorMileageKm";
    public static final String MENTOR_EXPENSES_KR = "mentorExpensesKr";
    public static final String MENTOR_EXPENSES_FOR = "mentorExpensesFor";
    /** What the mentors reported, compiled as text for the coordinator's form. */
    public static final String MENTOR_REPORTS_SUMMARY = "mentorReportsSummary";
    public static final String REGION_PARTICIPANTS = "regionParticipants";
    public static final String PARTICIPANT_GOALS = "participantGoals";
    public static final String NEXT_MONTH_PLAN = "nextMonthPlan";
    public static final String PARTNERS_INVOLVED = "partnersInvolved";
    public static final String COORDINATOR_MILEAGE_KM = "coordinatorMileageKm";
    public static final String COORDINATOR_EXPENSES_KR = "coordinatorExpensesKr";
    public static final String COORDINATOR_EXPENSES_FOR = "coordinatorExpensesFor";
    /** JSON list of {reportId, municipality, municipalityName}: what {@code sendMonthlyReport} delivered. */
    public static final String DELIVERIES = "deliveries";
    /** Element of the counsellors' multi-instance. */
    public static final String MONTHLY_REPORT_ID = "monthlyReportId";
    public static final String MUNICIPALITY_NAME = "municipalityName";
    public static final String MONTHLY_REPORT_READ = "monthlyReportRead";

    private Var() {}
  }
}
