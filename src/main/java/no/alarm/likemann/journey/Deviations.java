package no.alarm.likemann.journey;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The register's deviations from journeys' agreements: what was not kept, whose obligation, when, who reported it
 * (by role), at which level it was followed up and how it ended, and the words of the report and the follow-ups.
 */
@Component
public class Deviations {

  public record Deviation(long id, String reference, String kind, String by, LocalDate occurredOn, String reportedAs,
                          String level, String outcome, String description, String coordinatorNote) {}

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public Deviations(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public long register(String reference, String processInstanceId, String kind, String by, LocalDate occurredOn,
                       String reportedAs, String description) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(c -> {
      PreparedStatement ps = c.prepareStatement("INSERT INTO agreement_deviation (reference, process_instance_id,"
          + " kind, deviation_by, occurred_on, reported_as, reported_at, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          new String[] {"id"});
      ps.setString(1, reference);
      ps.setString(2, processInstanceId);
      ps.setString(3, kind);
      ps.setString(4, by);
      ps.setDate(5, Date.valueOf(occurredOn));
      ps.setString(6, reportedAs);
      ps.setTimestamp(7, Timestamp.from(clock.instant()));
      ps.setString(8, description);
      return ps;
    }, keys);
    return ((Number) keys.getKeys().values().iterator().next()).longValue();
  }

  /** The coordinator's follow-up: resolved (closed), or escalated to the project leader. */
  public void coordinatorFollowedUp(long id, String outcome, String note) {
    boolean resolved = !"escalate".equals(outcome);
    jdbc.update("UPDATE agreement_deviation SET coordinator_note = ?, level = ?, outcome = ?, closed_at = ?"
        + " WHERE id = ? AND closed_at IS NULL", note, resolved ? "coordinator" : "projectLeader",
        resolved ? outcome : null, resolved ? Timestamp.from(clock.instant()) : null, id);
  }

  /** The project leader's follow-up: resolved, or the cooperation ends. */
  public void projectLeaderFollowedUp(long id, String outcome, String note) {
    jdbc.update("UPDATE agreement_deviation SET project_leader_note = ?, outcome = ?, closed_at = ?"
        + " WHERE id = ? AND closed_at IS NULL", note, outcome, Timestamp.from(clock.instant()), id);
  }

  public Optional<Deviation> find(long id) {
    return jdbc.query("SELECT id, reference, kind, deviation_by, occurred_on, reported_as, level, outcome,"
        + " description, coordinator_note FROM agreement_deviation WHERE id = ?", (rs, n) -> new Deviation(
        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)), id).stream()
        .findFirst();
  }

  /** The deviation in words for its follow-up: what, whose, when, reported by whom (role), and the words so far. */
  public static String text(Deviation d) {
    StringBuilder text = new StringBuilder()
        .append(AgreementDeviation.KINDS.getOrDefault(d.kind(), d.kind())).append(" – ")
        .append(AgreementDeviation.PARTIES.getOrDefault(d.by(), d.by()).toLowerCase()).append("s forpliktelse, ")
        .append(DAY.format(d.occurredOn())).append(". Meldt av ")
        .append(AgreementDeviation.PARTIES.getOrDefault(d.reportedAs(), "en annen").toLowerCase()).append(".");
    if (d.description() != null && !d.description().isBlank()) {
      text.append("\n\n").append(d.description().strip());
    }
    if (d.coordinatorNote() != null && !d.coordinatorNote().isBlank()) {
      text.append("\n\nKoordinatorens oppfølging: ").append(d.coordinatorNote().strip());
    }
    return text.toString();
  }

  /** Counts of the deviations reported in [from, to): reported, escalated to the project leader, still open. */
  public record Counts(int reported, int escalated, int open) {}

  public Counts counts(Timestamp from, Timestamp to, String table) {
    return jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(CASE WHEN level = 'projectLeader' THEN 1 ELSE 0 END), 0),"
        + " COALESCE(SUM(CASE WHEN closed_at IS NULL THEN 1 ELSE 0 END), 0) FROM " + table
        + " WHERE reported_at >= ? AND reported_at < ?", (rs, n) -> new Counts(rs.getInt(1), rs.getInt(2),
        rs.getInt(3)), from, to);
  }
}
