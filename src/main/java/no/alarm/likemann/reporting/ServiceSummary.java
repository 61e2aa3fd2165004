package no.alarm.likemann.reporting;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the steering group follows (plan 000 §5, §9): counts and shares from the project's own tables, never a name
 * or a health detail.
 */
@Component
public class ServiceSummary {

  /** The figures, as the API returns them. */
  public record Summary(
      int referrals,
      int openJourneys,
      int waitingForCapacity,
      Map<String, Integer> referralsByMunicipality,
      Map<String, Integer> referralsByGender,
      Map<String, Integer> referralsByAgeGroup,
      Map<String, Integer> journeysByOutcome,
      Map<String, Integer> closingReasons,
      double individualPlanShare,
      double brukerplanShare,
      int activeCouplings,
      Map<String, Integer> mentorsByStatus,
      int portalenJoined,
      int portalenStillActive,
      Map<String, Integer> evaluationAnswers) {}

  private final JdbcTemplate jdbc;

  public ServiceSummary(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Summary now() {
    int referrals = count("SELECT COUNT(*) FROM referral");
    return new Summary(
        referrals,
        count("SELECT COUNT(*) FROM referral WHERE outcome IS NULL"),
        count("SELECT COUNT(*) FROM referral WHERE waiting_since IS NOT NULL"),
        grouped("SELECT m.name, COUNT(*) FROM referral r JOIN municipality m ON m.code = r.municipality_code"
            + " GROUP BY m.name ORDER BY m.name"),
        grouped("SELECT gender, COUNT(*) FROM referral GROUP BY gender ORDER BY gender"),
        grouped("SELECT CASE WHEN age <= 30 THEN '18-30' WHEN age <= 50 THEN '31-50' ELSE '51+' END AS age_group,"
            + " COUNT(*) FROM referral GROUP BY CASE WHEN age <= 30 THEN '18-30' WHEN age <= 50 THEN '31-50'"
            + " ELSE '51+' END ORDER BY 1"),
        grouped("SELECT COALESCE(outcome, 'OPEN'), COUNT(*) FROM referral GROUP BY COALESCE(outcome, 'OPEN')"
            + " ORDER BY 1"),
        grouped("SELECT closing_reason, COUNT(*) FROM referral WHERE closing_reason IS NOT NULL"
            + " GROUP BY closing_reason ORDER BY 1"),
        share("SELECT COUNT(*) FROM referral WHERE has_individual_plan", referrals),
        share("SELECT COUNT(*) FROM referral WHERE has_brukerplan", referrals),
        count("SELECT COUNT(*) FROM coupling WHERE status = 'ACTIVE'"),
        grouped("SELECT status, COUNT(*) FROM mentor GROUP BY status ORDER BY status"),
        count("SELECT COUNT(*) FROM work_participant"),
        count("SELECT COUNT(*) FROM work_participant WHERE status <> 'LEFT'"),
        grouped("SELECT respondent, COUNT(*) FROM evaluation_answer GROUP BY respondent ORDER BY respondent"));
  }

  private int count(String sql) {
    Integer n = jdbc.queryForObject(sql, Integer.class);
    return n == null ? 0 : n;
  }

  private double share(String sql, int of) {
    return of == 0 ? 0 : Math.round(1000.0 * count(sql) / of) / 1000.0;
  }

  private Map<String, Integer> grouped(String sql) {
    Map<String, Integer> result = new LinkedHashMap<>();
    jdbc.query(sql, rs -> {
      result.put(rs.getString(1), rs.getInt(2));
    });
    return result;
  }
}
