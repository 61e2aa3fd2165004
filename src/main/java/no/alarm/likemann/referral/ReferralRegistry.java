package no.alarm.likemann.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.jdbc.core.JdbcTemplate;
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

  public enum Outcome { DECLINED, SAID_NO, CONSENT_REFUSED, CLOSED }

  private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final String nextNumberSql;

  public ReferralRegistry(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.nextNumberSql = isPostgres(jdbc) ? "SELECT nextval('referral_number_seq')"
        : "SELECT NEXT VALUE FOR referral_number_seq";
  }

  /**
   * Registers a referral and gives it its readable reference, e.g. {@code HEN-2026-00042}. Runs in the start
   * transaction of the journey: a refused or failed start leaves no row (a used number may be skipped).
   */
  public String register(String processInstanceId, NewReferral r) {
    Instant now = clock.instant();
    long number = jdbc.queryForObject(nextNumberSql, Long.class);
    String reference = reference(LocalDate.ofInstant(now, OSLO).getYear(), number);
    jdbc.update("""
        INSERT INTO referral (reference, process_instance_id, municipality_code, gender, age, treatment_status,
                              has_individual_plan, has_brukerplan, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        reference, processInstanceId, r.municipality(), r.gender(), r.age(), r.treatmentStatus(),
        r.hasIndividualPlan(), r.hasBrukerplan(), Timestamp.from(now));
    return reference;
  }

  static String reference(int year, long number) {
    return String.format("HEN-%d-%05d", year, number);
  }

  public void recordOutcome(String reference, Outcome outcome, String closingReason) {
    jdbc.update("UPDATE referral SET outcome = ?, closing_reason = ?, ended_at = ? WHERE reference = ?",
        outcome.name(), closingReason, Timestamp.from(clock.instant()), reference);
  }

  private static boolean isPostgres(JdbcTemplate jdbc) {
    return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
        c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
  }
}
