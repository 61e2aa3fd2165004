package no.alarm.likemann.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import no.alarm.likemann.calendar.OsloCalendar;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A month's figures from the project's own tables: which mentors had a coupling active at some point in the month
 * (per region of the participant's municipality), and per participant the contacts in the contact log. Months are
 * Oslo months. Counts only: no names, no health details.
 */
@Component
public class MonthlyFigures {

  /**
   * One participant's month with one mentor: contacts logged, contacts that reached the participant, minutes, and
   * the minutes outside ordinary working hours (weekdays 08-16; weekends and public holidays all day).
   */
  public record ParticipantFigures(long mentorId, String reference, String municipality, int contacts, int reached,
                                   int minutes, int minutesOutsideHours) {}

  private final JdbcTemplate jdbc;

  public MonthlyFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Every region of the service (sorted) with the ids of the mentors who had a coupling active at some point in the
   * month with a participant of the region. A region without any is listed with an empty list: its coordinator
   * still reports and its municipalities still get the month's report.
   */
  public Map<String, List<Long>> mentorsByRegion(YearMonth month) {
    Map<String, List<Long>> byRegion = new TreeMap<>();
    jdbc.queryForList("SELECT DISTINCT region FROM municipality", String.class)
        .forEach(region -> byRegion.put(region, new ArrayList<>()));
    jdbc.query("""
        SELECT DISTINCT m.region, c.mentor_id
        FROM coupling c
        JOIN referral r ON r.reference = c.referral_reference
        JOIN municipality m ON m.code = r.municipality_code
        WHERE c.started_at IS NOT NULL AND c.started_at < ? AND (c.ended_at IS NULL OR c.ended_at >= ?)
        ORDER BY c.mentor_id""",
        rs -> {
          byRegion.computeIfAbsent(rs.getString(1), r -> new ArrayList<>()).add(rs.getLong(2));
        }, start(month.plusMonths(1)), start(month));
    return byRegion;
  }

  /** Per mentor and participant of the region whose coupling was active in the month: the month's contacts. */
  public List<ParticipantFigures> figures(YearMonth month, String region) {
    return jdbc.query("""
        SELECT c.mentor_id, r.reference, r.municipality_code,
               COUNT(l.id) AS contacts,
               COALESCE(SUM(CASE WHEN l.reached THEN 1 ELSE 0 END), 0) AS reached,
               COALESCE(SUM(l.minutes), 0) AS minutes,
               COALESCE(SUM(l.minutes_outside_hours), 0) AS minutes_outside_hours
        FROM coupling c
        JOIN referral r ON r.reference = c.referral_reference
        JOIN municipality m ON m.code = r.municipality_code
        LEFT JOIN contact_log l ON l.coupling_id = c.id AND l.contact_date >= ? AND l.contact_date < ?
        WHERE m.region = ? AND c.started_at IS NOT NULL AND c.started_at < ? AND (c.ended_at IS NULL OR c.ended_at >= ?)
        GROUP BY c.mentor_id, r.reference, r.municipality_code
        ORDER BY c.mentor_id, r.reference""",
        (rs, i) -> new ParticipantFigures(rs.getLong("mentor_id"), rs.getString("reference"),
            rs.getString("municipality_code"), rs.getInt("contacts"), rs.getInt("reached"), rs.getInt("minutes"),
            rs.getInt("minutes_outside_hours")),
        Date.valueOf(month.atDay(1)), Date.valueOf(month.plusMonths(1).atDay(1)), region,
        start(month.plusMonths(1)), start(month));
  }

  /** The figures of one mentor, by referral reference, in order. */
  public static Map<String, ParticipantFigures> ofMentor(List<ParticipantFigures> figures, long mentorId) {
    Map<String, ParticipantFigures> mine = new LinkedHashMap<>();
    figures.stream().filter(f -> f.mentorId() == mentorId).forEach(f -> mine.put(f.reference(), f));
    return mine;
  }

  /** Midnight at the start of the month, Oslo time. */
  static Timestamp start(YearMonth month) {
    return Timestamp.from(month.atDay(1).atStartOfDay(OsloCalendar.OSLO).toInstant());
  }
}
