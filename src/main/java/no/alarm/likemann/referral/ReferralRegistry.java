package no.alarm.likemann.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import java.sql.PreparedStatement;

import no.alarm.likemann.SqlDialect;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The referral table: one row per referral with what reports count (municipality, gender, age, treatment status,
 * IP, Brukerplan, outcome). Health details stay in the process, never here.
 */
@Component
public class ReferralRegistry {

  /** What the referral row needs from the start form. */
  public record NewReferral(String municipality, String gender, int age, String treatmentStatus,
                            boolean hasIndividualPlan, boolean hasBrukerplan) {}

  public enum Outcome { DECLINED, SAID_NO, CONSENT_REFUSED, CLOSED, WITHDRAWN }

  private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final String insertSql;

  public ReferralRegistry(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    // the reference is made by the database in the insert itself: one round trip, numbers never given twice
    String nextNumber = SqlDialect.of(jdbc) == SqlDialect.POSTGRES ? "CAST(nextval('referral_number_seq') AS VARCHAR)"
        : "CAST(NEXT VALUE FOR referral_number_seq AS VARCHAR)";
    this.insertSql = "INSERT INTO referral (reference, process_instance_id, municipality_code, gender, age,"
        + " treatment_status, has_individual_plan, has_brukerplan, received_at)"
        + " VALUES ('HEN-' || ? || '-' || LPAD(" + nextNumber + ", 5, '0'), ?, ?, ?, ?, ?, ?, ?, ?)";
  }

  /**
   * Registers a referral and gives it its readable reference, e.g. {@code HEN-2026-00042}. Runs in the start
   * transaction of the journey: a refused or failed start leaves no row (a used number may be skipped).
   */
  public String register(String processInstanceId, NewReferral r) {
    Instant now = clock.instant();
    var keys = new GeneratedKeyHolder();
    jdbc.update(c -> {
      PreparedStatement ps = c.prepareStatement(insertSql, new String[] {"reference"});
      ps.setString(1, Integer.toString(LocalDate.ofInstant(now, OSLO).getYear()));
      ps.setString(2, processInstanceId);
      ps.setString(3, r.municipality());
      ps.setString(4, r.gender());
      ps.setInt(5, r.age());
      ps.setString(6, r.treatmentStatus());
      ps.setBoolean(7, r.hasIndividualPlan());
      ps.setBoolean(8, r.hasBrukerplan());
      ps.setTimestamp(9, Timestamp.from(now));
      return ps;
    }, keys);
    return (String) keys.getKeys().get(keys.getKeys().keySet().iterator().next());
  }

  /** The referral's own words and who referred: shown on the coordinators' tasks, never a process variable. */
  public record Details(String substanceHistory, String futureWishes, String counsellorName,
                        String counsellorContact) {}

  /** Keeps the referral's details, in the start transaction. */
  public void keepDetails(String reference, Details d) {
    jdbc.update("INSERT INTO referral_detail (reference, substance_history, future_wishes, counsellor_name,"
        + " counsellor_contact) VALUES (?, ?, ?, ?, ?)", reference, d.substanceHistory(), d.futureWishes(),
        d.counsellorName(), d.counsellorContact());
  }

  /** The referral's details, or empty for a referral from before they were kept here (its journey has them). */
  public Optional<Details> details(String reference) {
    return jdbc.query("SELECT substance_history, future_wishes, counsellor_name, counsellor_contact"
        + " FROM referral_detail WHERE reference = ?", (rs, n) -> new Details(rs.getString(1), rs.getString(2),
        rs.getString(3), rs.getString(4)), reference).stream().findFirst();
  }

  /** The code of the municipality the referral came from, or empty when there is no such referral. */
  public Optional<String> municipalityOf(String reference) {
    return jdbc.queryForList("SELECT municipality_code FROM referral WHERE reference = ?", String.class, reference)
        .stream().findFirst();
  }

  /** The day (Oslo) the referral came, or empty when there is no such referral. */
  public Optional<java.time.LocalDate> receivedOn(String reference) {
    return jdbc.queryForList("SELECT received_at FROM referral WHERE reference = ?", Timestamp.class, reference)
        .stream().findFirst().map(t -> t.toInstant().atZone(OSLO).toLocalDate());
  }

  /** The journey (process instance id) of a referral, or empty when no referral has the reference. */
  public Optional<String> journeyOf(String reference) {
    return jdbc.queryForList("SELECT process_instance_id FROM referral WHERE reference = ?", String.class, reference)
        .stream().findFirst();
  }

  public void recordOutcome(String reference, Outcome outcome, String closingReason) {
    jdbc.update("UPDATE referral SET outcome = ?, closing_reason = ?, ended_at = ? WHERE reference = ?",
        outcome.name(), closingReason, Timestamp.from(clock.instant()), reference);
  }
}
