package no.alarm.likemann.reporting.steering;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.reporting.Evaluations;
import no.alarm.likemann.reporting.MonthlyCounts;

import no.alarm.likemann.reporting.RegionScope;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A period's figures for the steering group, from the project's own tables: counts, shares and averages, never a
 * name, a reference or a health detail. What a table cannot tell for a past day (mentors by status, the waiting
 * list) is given as it stands when the figures are taken, and says so.
 */
@Component
public class SteeringFigures {

  /** The figures of one period, as they are stored with the report (JSON) and printed in it. */
  public record Figures(
      LocalDate from,
      LocalDate to,
      LocalDate takenOn,
      int referrals,
      Map<String, Integer> referralsByMunicipality,
      Map<String, Integer> referralsByGender,
      Map<String, Integer> referralsByAgeGroup,
      int withIndividualPlan,
      int withBrukerplan,
      int declined,
      int newCouplings,
      Integer medianDaysToCoupling,
      int inFollowUpAtEnd,
      Map<String, Integer> journeysEnded,
      int participantsFollowedUp,
      int dropOut,
      int contacts,
      int contactsReached,
      Map<String, Integer> contactsByType,
      int contactMinutes,
      int contactMinutesOutsideHours,
      int weeklyLogsOpened,
      int weeklyLogsSent,
      int mentorsEmployed,
      int mentorsEmployedWithNavGrant,
      Map<String, Integer> mentorsByStatusNow,
      int activeMentorsWithNavGrantNow,
      int waitingNow,
      Map<String, Integer> evaluationsByRespondent,
      Map<String, List<Double>> evaluationAveragesByRespondent,
      int portalenJoined,
      int portalenJoinedStillActive,
      int mileageKm,
      int expensesKr,
      int participantsCoupledFirstTime,
      int participants,
      int deviations,
      int deviationsEscalated,
      Map<String, Integer> participantsByMunicipality,
      Map<String, Integer> participantsWithIndividualPlanByMunicipality,
      Map<String, Integer> participantsWithBrukerplanByMunicipality,
      int tsbCompleted,
      int tsbBrokenOff,
      int qualityOfLifeAnswers,
      Double qualityOfLife,
      int mentorWeeks,
      int mentorWeeksWithCoordinatorContact,
      Map<String, Integer> meetingsByKind,
      int meetingsCoordinatorStoodIn,
      Map<String, Integer> staysByAdmission,
      int discharges,
      int dischargesEarly,
      int dischargesMentorTookPart,
      int workingGroupMeetingsHeld,
      int adviserReportsReceived,
      Map<String, Integer> referralsByMonth,
      Map<String, Integer> couplingsByMonth,
      Map<String, Integer> dropOutByMonth,
      Map<String, Integer> waitingByMonth,
      Map<String, Double> medianDaysToMentorByMonth,
      Map<String, Integer> firstCouplingsByMonth) {

    /** Days in the period, both ends included. */
    public long days() {
      return ChronoUnit.DAYS.between(from, to) + 1;
    }
  }

  private final JdbcTemplate jdbc;

  public SteeringFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The figures from {@code from} to {@code to}, both included, taken on {@code today} (Oslo). */
  /** Every region's figures together. */
  public Figures of(LocalDate from, LocalDate to, LocalDate today) {
    return of(from, to, today, RegionScope.ALL);
  }

  /** The figures of the scope's regions only (a region's report to its steering group). */
  public Figures of(LocalDate from, LocalDate to, LocalDate today, RegionScope s) {
    Timestamp start = Timestamp.from(from.atStartOfDay(OsloCalendar.OSLO).toInstant());
    Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(OsloCalendar.OSLO).toInstant());
    Date first = Date.valueOf(from);
    Date last = Date.valueOf(to);
    String received = " FROM " + s.table("referral", "r") + " WHERE r.received_at >= ? AND r.received_at < ?";

    List<Long> firstCouplingDays = daysToFirstCoupling(start, end, s);
    Map<String, Integer> ended = grouped("SELECT CASE WHEN outcome = 'CLOSED' THEN COALESCE(closing_reason, 'other')"
        + " ELSE outcome END, COUNT(*) FROM "
        + s.table("referral") + " WHERE ended_at >= ? AND ended_at < ? GROUP BY CASE WHEN"
        + " outcome = 'CLOSED' THEN COALESCE(closing_reason, 'other') ELSE outcome END ORDER BY 1", start, end);

    String inService = "SELECT m.name, COUNT(*) FROM " + s.table("referral", "r")
        + " JOIN municipality m ON m.code = r.municipality_code WHERE EXISTS (SELECT 1 FROM " + s.table("coupling", "c")
        + " WHERE c.referral_reference = r.reference AND c.started_at < ? AND (c.ended_at IS NULL OR c.ended_at >= ?))";
    Object[] qualityOfLife = jdbc.queryForObject("SELECT COUNT(quality_of_life), AVG(CAST(quality_of_life AS DOUBLE"
        + " PRECISION)) FROM " + s.table("evaluation_answer") + " WHERE respondent = 'participant'"
        + " AND answered_at >= ? AND answered_at < ?", (rs, i) -> new Object[] {rs.getObject(1), rs.getObject(2)},
        start, end);
    List<java.time.YearMonth> months = MonthlyCounts.between(from, to);
    var waits = no.alarm.likemann.reporting.ServiceTrends.waits(jdbc, s, months);
    return new Figures(from, to, today,
        count("SELECT COUNT(*)" + received, start, end),
        grouped("SELECT m.name, COUNT(*) FROM "
            + s.table("referral", "r") + " JOIN municipality m ON m.code = r.municipality_code"
            + " WHERE r.received_at >= ? AND r.received_at < ? GROUP BY m.name ORDER BY m.name", start, end),
        grouped("SELECT r.gender, COUNT(*)" + received + " GROUP BY r.gender ORDER BY r.gender", start, end),
        grouped("SELECT CASE WHEN r.age <= 30 THEN '18-30' WHEN r.age <= 50 THEN '31-50' ELSE '51+' END, COUNT(*)"
            + received + " GROUP BY CASE WHEN r.age <= 30 THEN '18-30' WHEN r.age <= 50 THEN '31-50' ELSE '51+' END"
            + " ORDER BY 1", start, end),
        count("SELECT COUNT(*)" + received + " AND r.has_individual_plan", start, end),
        count("SELECT COUNT(*)" + received + " AND r.has_brukerplan", start, end),
        count("SELECT COUNT(*) FROM "
            + s.table("referral") + " WHERE outcome = 'DECLINED' AND ended_at >= ? AND ended_at < ?", start,
            end),
        count("SELECT COUNT(*) FROM " + s.table("coupling") + " WHERE started_at >= ? AND started_at < ?", start, end),
        median(firstCouplingDays),
        count("SELECT COUNT(DISTINCT referral_reference) FROM " + s.table("coupling") + " WHERE started_at < ?"
            + " AND (ended_at IS NULL OR ended_at >= ?)", end, end),
        ended,
        count("SELECT COUNT(DISTINCT referral_reference) FROM " + s.table("coupling") + " WHERE started_at < ?"
            + " AND (ended_at IS NULL OR ended_at >= ?)", end, start),
        count("SELECT COUNT(*) FROM "
            + s.table("referral") + " WHERE closing_reason = 'dropOut' AND ended_at >= ? AND ended_at < ?"
            + " AND (tsb_ended_on IS NULL OR CAST(ended_at AS DATE) <= tsb_ended_on)", start, end),
        count("SELECT COUNT(*) FROM "
            + s.table("contact_log") + " WHERE contact_date >= ? AND contact_date <= ?", first, last),
        count("SELECT COUNT(*) FROM "
            + s.table("contact_log") + " WHERE reached AND contact_date >= ? AND contact_date <= ?", first,
            last),
        grouped("SELECT contact_type, COUNT(*) FROM "
            + s.table("contact_log") + " WHERE contact_date >= ? AND contact_date <= ?"
            + " GROUP BY contact_type ORDER BY contact_type", first, last),
        count("SELECT COALESCE(SUM(minutes), 0) FROM "
            + s.table("contact_log") + " WHERE contact_date >= ? AND contact_date <= ?",
            first, last),
        count("SELECT COALESCE(SUM(minutes_outside_hours), 0) FROM "
            + s.table("contact_log") + " WHERE contact_date >= ?"
            + " AND contact_date <= ?", first, last),
        // a week's log is due on the Tuesday after it: weeks ended two days before the figures are not counted yet
        count("SELECT COUNT(*) FROM "
            + s.table("contact_week") + " WHERE week_end >= ? AND week_end <= ? AND week_end < ?", first,
            last, Date.valueOf(today.minusDays(2))),
        count("SELECT COUNT(*) FROM "
            + s.table("contact_week", "w") + " WHERE w.week_end >= ? AND w.week_end <= ? AND w.week_end < ?"
            + " AND EXISTS (SELECT 1 FROM "
            + s.table("weekly_contact_log", "l") + " WHERE l.coupling_id = w.coupling_id"
            + " AND l.week_start = w.week_start)", first, last, Date.valueOf(today.minusDays(2))),
        count("SELECT COUNT(*) FROM "
            + s.table("mentor_candidate") + " WHERE employed_on >= ? AND employed_on <= ?", first, last),
        count("SELECT COUNT(*) FROM "
            + s.table("mentor_candidate") + " WHERE employed_on >= ? AND employed_on <= ? AND nav_grant",
            first, last),
        grouped("SELECT status, COUNT(*) FROM " + s.table("mentor") + " GROUP BY status ORDER BY status"),
        count(no.alarm.likemann.reporting.ServiceSummary.activeMentorsWithNavGrant(s), Date.valueOf(today),
            Date.valueOf(today)),
        count("SELECT COUNT(*) FROM " + s.table("referral") + " WHERE waiting_since IS NOT NULL AND outcome IS NULL"),
        grouped("SELECT respondent, COUNT(*) FROM "
            + s.table("evaluation_answer") + " WHERE answered_at >= ? AND answered_at < ?"
            + " GROUP BY respondent ORDER BY respondent", start, end),
        evaluationAverages(start, end, s),
        count("SELECT COUNT(*) FROM "
            + s.table("work_participant") + " WHERE joined_on >= ? AND joined_on <= ?", first, last),
        count("SELECT COUNT(*) FROM "
            + s.table("work_participant") + " WHERE joined_on >= ? AND joined_on <= ? AND status <> 'LEFT'",
            first, last),
        count("SELECT COALESCE(SUM(km), 0) FROM (SELECT report_month, COALESCE(mileage_km, 0) AS km"
            + " FROM " + s.table("monthly_mentor_report") + " UNION ALL SELECT report_month, mileage_km FROM "
            + s.table("monthly_region_report") + ") t"
            + " WHERE report_month >= ? AND report_month <= ?", first, last),
        count("SELECT COALESCE(SUM(kr), 0) FROM (SELECT report_month, COALESCE(expenses_kr, 0) AS kr"
            + " FROM " + s.table("monthly_mentor_report") + " UNION ALL SELECT report_month, expenses_kr FROM "
            + s.table("monthly_region_report") + ") t"
            + " WHERE report_month >= ? AND report_month <= ?", first, last),
        firstCouplingDays.size(),
        count("SELECT COUNT(DISTINCT r.person_id)" + received, start, end),
        // deviations from the agreements (plan 000 §13) reported in the period, and those the coordinator could not
        // resolve
        count("SELECT COUNT(*) FROM " + s.table("agreement_deviation") + " WHERE reported_at >= ? AND reported_at < ?",
            start, end),
        count("SELECT COUNT(*) FROM " + s.table("agreement_deviation") + " WHERE reported_at >= ? AND reported_at < ?"
            + " AND level = 'projectLeader'", start, end),
        // the plan's goals for IP and Brukerplan are over the participants in the service, per municipality: those
        // followed up by a mentor in the period
        grouped(inService + " GROUP BY m.name ORDER BY m.name", end, start),
        grouped(inService + " AND r.has_individual_plan GROUP BY m.name ORDER BY m.name", end, start),
        grouped(inService + " AND r.has_brukerplan GROUP BY m.name ORDER BY m.name", end, start),
        count("SELECT COUNT(*) FROM " + s.table("referral") + " WHERE tsb_outcome = 'completed'"
            + " AND tsb_ended_on >= ? AND tsb_ended_on <= ?", first, last),
        count("SELECT COUNT(*) FROM " + s.table("referral") + " WHERE tsb_outcome = 'brokenOff'"
            + " AND tsb_ended_on >= ? AND tsb_ended_on <= ?", first, last),
        qualityOfLife[0] == null ? 0 : ((Number) qualityOfLife[0]).intValue(),
        qualityOfLife[1] == null ? null : ((Number) qualityOfLife[1]).doubleValue(),
        // mentors' weeks in follow-up, and those with a contact between coordinator and mentor (report 001, ch. 4)
        count("SELECT COUNT(*) FROM " + s.table("mentor_coordinator_week") + " WHERE week_start >= ? AND week_start <= ?",
            first, last),
        count("SELECT COUNT(*) FROM " + s.table("mentor_coordinator_week") + " WHERE had_contact AND week_start >= ?"
            + " AND week_start <= ?", first, last),
        // start-up, evaluation and responsibility group meetings held in the period (report 001)
        grouped("SELECT kind, COUNT(*) FROM " + s.table("journey_meeting") + " WHERE held_on >= ? AND held_on <= ?"
            + " GROUP BY kind ORDER BY kind", first, last),
        count("SELECT COUNT(*) FROM " + s.table("journey_meeting") + " WHERE coordinator_stood_in AND held_on >= ?"
            + " AND held_on <= ?", first, last),
        // inpatient stays (report 001, ch. 4): coupled before the discharge, or admitted again during the follow-up;
        // the discharges of the period, those before the expected day, and those the mentor took part in
        grouped("SELECT admission, COUNT(*) FROM " + s.table("inpatient_stay") + " WHERE admitted_on >= ?"
            + " AND admitted_on <= ? GROUP BY admission ORDER BY admission", first, last),
        count("SELECT COUNT(*) FROM " + s.table("inpatient_stay") + " WHERE discharged_on >= ? AND discharged_on <= ?",
            first, last),
        count("SELECT COUNT(*) FROM " + s.table("inpatient_stay") + " WHERE discharged_early AND discharged_on >= ?"
            + " AND discharged_on <= ?", first, last),
        count("SELECT COUNT(*) FROM " + s.table("inpatient_stay") + " WHERE mentor_part IN ('atDischarge', 'firstDays',"
            + " 'phone') AND discharged_on >= ? AND discharged_on <= ?", first, last),
        // the working group's meetings with the project leader held in the period (plan 000 §12: at least one a
        // month), and the adviser's monthly reports received for the months of the period
        count("SELECT COUNT(*) FROM " + s.table("working_group_month") + " WHERE meeting_held AND meeting_date >= ?"
            + " AND meeting_date <= ?", first, last),
        count("SELECT COUNT(*) FROM " + s.table("working_group_month") + " WHERE adviser_report = 'received'"
            + " AND group_month >= ? AND group_month <= ?", Date.valueOf(from.withDayOfMonth(1)), last),
        // the period month by month, for the report's chart (the Oslo calendar month of each)
        MonthlyCounts.count(jdbc, months, "SELECT received_at FROM " + s.table("referral")
            + " WHERE received_at >= ?"
            + " AND received_at < ?", start, end),
        MonthlyCounts.count(jdbc, months, "SELECT started_at FROM " + s.table("coupling")
            + " WHERE started_at >= ?"
            + " AND started_at < ?", start, end),
        MonthlyCounts.count(jdbc, months, "SELECT ended_at FROM " + s.table("referral")
            + " WHERE closing_reason = 'dropOut'"
            + " AND ended_at >= ? AND ended_at < ?", start, end),
        waits.waiting(), waits.medianDaysToMentor(), waits.firstCouplings());
  }

  /** From referral to the first coupling meeting, for the participants whose first coupling started in the period. */
  private List<Long> daysToFirstCoupling(Timestamp start, Timestamp end, RegionScope s) {
    return new ArrayList<>(jdbc.query("SELECT r.received_at, MIN(c.started_at) FROM "
        + s.table("referral", "r") + " JOIN " + s.table("coupling", "c") + " ON c.referral_reference = r.reference"
        + " WHERE c.started_at IS NOT NULL GROUP BY r.reference, r.received_at"
        + " HAVING MIN(c.started_at) >= ? AND MIN(c.started_at) < ?",
        // days of the Oslo calendar: a coupling counts from the start of its meeting's day
        (rs, i) -> Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(
            rs.getTimestamp(1).toInstant().atZone(no.alarm.likemann.calendar.OsloCalendar.OSLO).toLocalDate(),
            rs.getTimestamp(2).toInstant().atZone(no.alarm.likemann.calendar.OsloCalendar.OSLO).toLocalDate())),
        start, end));
  }

  static Integer median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return (int) Math.round(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0);
  }

  private Map<String, List<Double>> evaluationAverages(Timestamp start, Timestamp end, RegionScope s) {
    StringBuilder sql = new StringBuilder("SELECT respondent");
    for (int q = 1; q <= Evaluations.QUESTIONS; q++) {
      sql.append(", AVG(CAST(q").append(q).append(" AS DOUBLE PRECISION))");
    }
    sql.append(" FROM "
        + s.table("evaluation_answer") + " WHERE answered_at >= ? AND answered_at < ? GROUP BY respondent"
        + " ORDER BY respondent");
    Map<String, List<Double>> result = new LinkedHashMap<>();
    jdbc.query(sql.toString(), rs -> {
      List<Double> averages = new ArrayList<>();
      for (int q = 1; q <= Evaluations.QUESTIONS; q++) {
        averages.add(Math.round(rs.getDouble(q + 1) * 10) / 10.0);
      }
      result.put(rs.getString(1), averages);
    }, start, end);
    return result;
  }

  private int count(String sql, Object... args) {
    Number n = jdbc.queryForObject(sql, Number.class, args);
    return n == null ? 0 : n.intValue();
  }

  private Map<String, Integer> grouped(String sql, Object... args) {
    Map<String, Integer> result = new LinkedHashMap<>();
    jdbc.query(sql, rs -> {
      result.put(rs.getString(1), rs.getInt(2));
    }, args);
    return result;
  }
}
