package no.alarm.likemann.reporting;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import no.alarm.likemann.calendar.OsloCalendar;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the steering group follows (plan 000 §5, §9): counts and shares from the project's own tables, never a name
 * or a health detail. These are the figures as they are; what leaves the case level is {@link PublishedSummary},
 * with the small numbers hidden.
 */
@Component
public class ServiceSummary {

  /** The figures, as the API returns them. */
  public record Summary(
      int referrals,
      int participants,
      int openJourneys,
      int waitingForCapacity,
      Map<String, Integer> referralsByMunicipality,
      Map<String, Integer> referralsByGender,
      Map<String, Integer> referralsByAgeGroup,
      Map<String, Integer> journeysByOutcome,
      Map<String, Integer> closingReasons,
      double individualPlanShare,
      double brukerplanShare,
      int withIndividualPlan,
      int withBrukerplan,
      int activeCouplings,
      Map<String, Integer> mentorsByStatus,
      int activeMentorsWithNavGrant,
      int portalenJoined,
      int portalenStillActive,
      Map<String, Integer> evaluationAnswers,
      DropOut dropOut,
      Contacts contacts,
      WeeklyLogs weeklyLogs,
      TimeToMentor timeToMentor,
      Map<String, RegionCapacity> capacityByRegion,
      Map<String, Costs> mileageAndExpensesByMonth,
      int participantsInService,
      Map<String, Integer> participantsInServiceByMunicipality,
      Map<String, Integer> withIndividualPlanByMunicipality,
      Map<String, Integer> withBrukerplanByMunicipality) {}

  /**
   * Mentors and waiting participants side by side in a region, for recruitment: its active mentors, their free slots,
   * and the participants waiting for a mentor there (wait-listed, or in matching without a coupling meeting yet).
   */
  public record RegionCapacity(int activeMentors, int freeSlots, int waiting) {}

  /**
   * A month's driving and expenses, from the mentors' and the coordinators' monthly reports (yyyy-mm), and how many
   * reports they come from.
   */
  public record Costs(int km, int kr, int reports) {}

  /**
   * Drop-out as plan 000 §7 counts it: from the coupling until treatment in TSB ends (or for as long as it has not
   * ended). A participant closed as drop-out after the treatment ended is shown apart, not counted.
   */
  public record DropOut(int coupledParticipants, int counted, int afterTreatmentEnded, double share) {}

  /**
   * The mentors' weekly logs: contacts by type, those that did not reach the participant, time, and the share
   * outside ordinary working hours (weekdays 08-16; weekends and public holidays all day). {@code perWeekLastFourWeeks}
   * is the service's contact points a week over the four weeks before today (report 001: about 15).
   */
  public record Contacts(int contacts, int reached, int notReached, Map<String, Integer> byType, int minutes,
                         int minutesOutsideHours, double outsideHoursShare, double perWeekLastFourWeeks) {}

  /**
   * The weekly logs the follow-up calendar has opened and how many of them the mentors have sent, over the weeks that
   * ended more than two days ago (a log is due on the Tuesday after its week). A log left when the follow-up closed
   * counts as not sent: it was not.
   */
  public record WeeklyLogs(int opened, int sent, double sentShare) {}

  /**
   * Plan 000 §5 counts the mentors NAV funds through mentor grants: the active ones whose agreement with NAV (a
   * {@code navMentorGrant} case) covers the day given twice as parameters; a mentor with no case registered yet counts
   * by what the employment said.
   */
  public static String activeMentorsWithNavGrant(RegionScope s) {
    return "SELECT COUNT(*) FROM " + s.table("mentor", "m") + " WHERE m.status = 'ACTIVE' AND (EXISTS (SELECT 1"
        + " FROM nav_grant g WHERE g.mentor_id = m.id AND g.decision = 'granted' AND g.granted_from <= ?"
        + " AND g.granted_to >= ?) OR (NOT EXISTS (SELECT 1 FROM nav_grant g WHERE g.mentor_id = m.id)"
        + " AND EXISTS (SELECT 1 FROM mentor_candidate c WHERE c.mentor_id = m.id AND c.nav_grant)))";
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public ServiceSummary(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Every region's figures together (the administrator's). */
  public Summary now() {
    return now(RegionScope.ALL);
  }

  /** The figures of the scope's regions only. */
  public Summary now(RegionScope s) {
    int referrals = count("SELECT COUNT(*) FROM " + s.table("referral"));
    // the plan's goals for IP and Brukerplan (000 §7) are over the participants in the service: the referrals a
    // mentor has followed (a coupling started), not every referral
    String inService = " FROM " + s.table("referral", "r") + " JOIN municipality m ON m.code = r.municipality_code"
        + " WHERE EXISTS (SELECT 1 FROM coupling c WHERE c.referral_reference = r.reference AND c.started_at IS NOT NULL)";
    int participantsInService = count("SELECT COUNT(*)" + inService);
    int withIndividualPlan = count("SELECT COUNT(*)" + inService + " AND r.has_individual_plan");
    int withBrukerplan = count("SELECT COUNT(*)" + inService + " AND r.has_brukerplan");
    return new Summary(
        referrals,
        count("SELECT COUNT(DISTINCT person_id) FROM " + s.table("referral")),
        count("SELECT COUNT(*) FROM " + s.table("referral") + " WHERE outcome IS NULL"),
        count("SELECT COUNT(*) FROM " + s.table("referral") + " WHERE waiting_since IS NOT NULL"),
        grouped("SELECT m.name, COUNT(*) FROM " + s.table("referral", "r")
            + " JOIN municipality m ON m.code = r.municipality_code"
            + " GROUP BY m.name ORDER BY m.name"),
        grouped("SELECT gender, COUNT(*) FROM " + s.table("referral") + " GROUP BY gender ORDER BY gender"),
        grouped("SELECT CASE WHEN age <= 30 THEN '18-30' WHEN age <= 50 THEN '31-50' ELSE '51+' END AS age_group,"
            + " COUNT(*) FROM " + s.table("referral")
            + " GROUP BY CASE WHEN age <= 30 THEN '18-30' WHEN age <= 50 THEN '31-50'"
            + " ELSE '51+' END ORDER BY 1"),
        grouped("SELECT COALESCE(outcome, 'OPEN'), COUNT(*) FROM " + s.table("referral")
            + " GROUP BY COALESCE(outcome, 'OPEN')"
            + " ORDER BY 1"),
        grouped("SELECT closing_reason, COUNT(*) FROM " + s.table("referral") + " WHERE closing_reason IS NOT NULL"
            + " GROUP BY closing_reason ORDER BY 1"),
        share(withIndividualPlan, participantsInService),
        share(withBrukerplan, participantsInService),
        withIndividualPlan,
        withBrukerplan,
        count("SELECT COUNT(*) FROM " + s.table("coupling") + " WHERE status = 'ACTIVE'"),
        grouped("SELECT status, COUNT(*) FROM " + s.table("mentor") + " GROUP BY status ORDER BY status"),
        count(activeMentorsWithNavGrant(s), Date.valueOf(LocalDate.now(clock)), Date.valueOf(LocalDate.now(clock))),
        count("SELECT COUNT(*) FROM " + s.table("work_participant")),
        count("SELECT COUNT(*) FROM " + s.table("work_participant") + " WHERE status <> 'LEFT'"),
        grouped("SELECT respondent, COUNT(*) FROM " + s.table("evaluation_answer")
            + " GROUP BY respondent ORDER BY respondent"),
        dropOut(s),
        contacts(s),
        weeklyLogs(s),
        timeToMentor(s),
        capacityByRegion(s),
        costs(s),
        participantsInService,
        grouped("SELECT m.name, COUNT(*)" + inService + " GROUP BY m.name ORDER BY m.name"),
        grouped("SELECT m.name, COUNT(*)" + inService + " AND r.has_individual_plan GROUP BY m.name ORDER BY m.name"),
        grouped("SELECT m.name, COUNT(*)" + inService + " AND r.has_brukerplan GROUP BY m.name ORDER BY m.name"));
  }

  private WeeklyLogs weeklyLogs(RegionScope s) {
    Date due = Date.valueOf(LocalDate.now(clock).minusDays(2));
    Integer opened = jdbc.queryForObject("SELECT COUNT(*) FROM " + s.table("contact_week") + " WHERE week_end < ?",
        Integer.class, due);
    Integer sent = jdbc.queryForObject("SELECT COUNT(*) FROM " + s.table("contact_week", "w")
        + " WHERE w.week_end < ? AND EXISTS (SELECT 1 FROM " + s.table("weekly_contact_log", "l")
        + " WHERE l.coupling_id = w.coupling_id AND l.week_start = w.week_start)", Integer.class, due);
    int o = opened == null ? 0 : opened;
    int logged = sent == null ? 0 : sent;
    return new WeeklyLogs(o, logged, o == 0 ? 0 : Math.round(1000.0 * logged / o) / 1000.0);
  }

  private TimeToMentor timeToMentor(RegionScope s) {
    LocalDate today = LocalDate.now(clock);
    var coupled = jdbc.query("SELECT r.received_at, r.matching_since, MIN(c.started_at) AS coupled_at"
        + " FROM " + s.table("referral", "r") + " JOIN " + s.table("coupling", "c")
        + " ON c.referral_reference = r.reference WHERE c.started_at IS NOT NULL AND r.matching_since IS NOT NULL"
        + " GROUP BY r.reference, r.received_at, r.matching_since HAVING MIN(c.started_at) >= ?",
        (rs, i) -> new TimeToMentor.Coupled(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
            rs.getTimestamp(3).toInstant()),
        java.sql.Timestamp.from(today.minusYears(1).minusDays(1).atStartOfDay(OsloCalendar.OSLO).toInstant()));
    var waiting = jdbc.query("SELECT r.matching_since FROM " + s.table("referral", "r")
        + " WHERE r.matching_since IS NOT NULL AND r.outcome IS NULL AND NOT EXISTS (SELECT 1 FROM "
        + s.table("coupling", "c") + " WHERE c.referral_reference = r.reference AND c.started_at IS NOT NULL)",
        (rs, i) -> rs.getTimestamp(1).toInstant());
    return TimeToMentor.of(coupled, waiting, today, OsloCalendar.OSLO);
  }

  private Map<String, RegionCapacity> capacityByRegion(RegionScope s) {
    Map<String, int[]> byRegion = new java.util.TreeMap<>();
    jdbc.query("SELECT region, COUNT(*), COALESCE(SUM(capacity - current_load), 0) FROM " + s.table("mentor")
        + " WHERE status = 'ACTIVE' GROUP BY region", rs -> {
          int[] r = byRegion.computeIfAbsent(rs.getString(1), k -> new int[3]);
          r[0] = rs.getInt(2);
          r[1] = rs.getInt(3);
        });
    jdbc.query("SELECT m.region, COUNT(*) FROM " + s.table("referral", "r")
        + " JOIN municipality m ON m.code = r.municipality_code WHERE r.outcome IS NULL"
        + " AND (r.matching_since IS NOT NULL OR r.waiting_since IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM "
        + s.table("coupling", "c") + " WHERE c.referral_reference = r.reference AND c.started_at IS NOT NULL)"
        + " GROUP BY m.region", rs -> {
          byRegion.computeIfAbsent(rs.getString(1), k -> new int[3])[2] = rs.getInt(2);
        });
    Map<String, String> names = new java.util.HashMap<>();
    jdbc.query("SELECT code, name FROM region", rs -> {
      names.put(rs.getString(1), rs.getString(2));
    });
    Map<String, RegionCapacity> result = new LinkedHashMap<>();
    byRegion.forEach((region, r) -> result.put(names.getOrDefault(region, region),
        new RegionCapacity(r[0], r[1], r[2])));
    return result;
  }

  private Map<String, Costs> costs(RegionScope s) {
    Map<String, Costs> byMonth = new LinkedHashMap<>();
    jdbc.query("SELECT report_month, SUM(km) AS km, SUM(kr) AS kr, COUNT(*) AS reports FROM (SELECT report_month,"
        + " COALESCE(mileage_km, 0) AS km, COALESCE(expenses_kr, 0) AS kr FROM " + s.table("monthly_mentor_report")
        + " UNION ALL SELECT report_month, mileage_km, expenses_kr FROM " + s.table("monthly_region_report")
        + ") AS reported GROUP BY report_month ORDER BY report_month", rs -> {
          byMonth.put(java.time.YearMonth.from(rs.getDate("report_month").toLocalDate()).toString(),
              new Costs(rs.getInt("km"), rs.getInt("kr"), rs.getInt("reports")));
        });
    return byMonth;
  }

  private DropOut dropOut(RegionScope s) {
    int coupled = count("SELECT COUNT(DISTINCT referral_reference) FROM " + s.table("coupling")
        + " WHERE started_at IS NOT NULL");
    // the referral's end is the drop-out day; TSB's end is a date in Oslo, so the whole day still counts
    int counted = count("SELECT COUNT(*) FROM " + s.table("referral") + " WHERE closing_reason = 'dropOut'"
        + " AND (tsb_ended_on IS NULL OR CAST(ended_at AS DATE) <= tsb_ended_on)");
    int after = count("SELECT COUNT(*) FROM " + s.table("referral") + " WHERE closing_reason = 'dropOut'"
        + " AND tsb_ended_on IS NOT NULL AND CAST(ended_at AS DATE) > tsb_ended_on");
    return new DropOut(coupled, counted, after, coupled == 0 ? 0 : Math.round(1000.0 * counted / coupled) / 1000.0);
  }

  private Contacts contacts(RegionScope s) {
    Map<String, Object> t = jdbc.queryForMap("SELECT COUNT(*) AS contacts,"
        + " COALESCE(SUM(CASE WHEN reached THEN 1 ELSE 0 END), 0) AS reached,"
        + " COALESCE(SUM(minutes), 0) AS minutes, COALESCE(SUM(minutes_outside_hours), 0) AS outside FROM "
        + s.table("contact_log"));
    int contacts = ((Number) t.get("contacts")).intValue();
    int reached = ((Number) t.get("reached")).intValue();
    int minutes = ((Number) t.get("minutes")).intValue();
    int outside = ((Number) t.get("outside")).intValue();
    LocalDate today = LocalDate.now(clock);
    Integer lastFourWeeks = jdbc.queryForObject("SELECT COUNT(*) FROM " + s.table("contact_log")
        + " WHERE contact_date >= ?"
        + " AND contact_date < ?", Integer.class, Date.valueOf(today.minusDays(28)), Date.valueOf(today));
    return new Contacts(contacts, reached, contacts - reached,
        grouped("SELECT contact_type, COUNT(*) FROM " + s.table("contact_log")
            + " GROUP BY contact_type ORDER BY contact_type"),
        minutes, outside, minutes == 0 ? 0 : Math.round(1000.0 * outside / minutes) / 1000.0,
        lastFourWeeks == null ? 0 : lastFourWeeks / 4.0);
  }

  private int count(String sql, Object... args) {
    Integer n = jdbc.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
  }

  private static double share(int part, int of) {
    return of == 0 ? 0 : Math.round(1000.0 * part / of) / 1000.0;
  }

  private Map<String, Integer> grouped(String sql) {
    Map<String, Integer> result = new LinkedHashMap<>();
    jdbc.query(sql, rs -> {
      result.put(rs.getString(1), rs.getInt(2));
    });
    return result;
  }
}
