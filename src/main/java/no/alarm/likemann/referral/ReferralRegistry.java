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
 * IP, Brukerplan, outcome), and the person it is about ({@code person}: nothing but an id, so that a participant who
 * comes back is counted once). The referral's own words are in {@code referral_detail}.
 */
@Component
public class ReferralRegistry implements ReturningParticipants {

  /** What the referral row needs from the start form. */
  public record NewReferral(String municipality, String gender, int age, String treatmentStatus,
                            boolean hasIndividualPlan, boolean hasBrukerplan) {}

  public enum Outcome { DECLINED, SAID_NO, CONSENT_REFUSED, CLOSED, WITHDRAWN }

  /** The shape of a reference the register gives: HEN, the year, the number. */
  public static final String REFERENCE_PATTERN = "HEN-[0-9]{4}-[0-9]{5,9}";

  private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final String insertSql;

  public ReferralRegistry(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    // the reference is made by the database in the insert itself: one round trip, numbers never given twice. At
    // least five digits, more when the service has had more referrals (LPAD alone would cut 100000 to 10000: a
    // national service reaches that, and the reference would be given twice)
    String nextNumber = SqlDialect.of(jdbc) == SqlDialect.POSTGRES ? "CAST(nextval('referral_number_seq') AS VARCHAR)"
        : "CAST(NEXT VALUE FOR referral_number_seq AS VARCHAR)";
    this.insertSql = "INSERT INTO referral (reference, process_instance_id, municipality_code, gender, age,"
        + " treatment_status, has_individual_plan, has_brukerplan, received_at, person_id)"
        + " VALUES ('HEN-' || ? || '-' || (SELECT CASE WHEN LENGTH(n) < 5 THEN LPAD(n, 5, '0') ELSE n END"
        + " FROM (SELECT " + nextNumber + " AS n) next_number), ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  }

  /**
   * Registers a referral and gives it its readable reference, e.g. {@code HEN-2026-00000}. Runs in the start
   * transaction of the journey: a refused or failed start leaves no row (a used number may be skipped).
   */
  public String register(String processInstanceId, NewReferral r) {
    return register(processInstanceId, r, null);
  }

  /**
   * Registers a referral of {@code person} (the person of an earlier referral the counsellor recognised), or of a
   * new person when null.
   */
  public String register(String processInstanceId, NewReferral r, Long person) {
    Instant now = clock.instant();
    long personId = person != null ? person : newPerson(now);
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
      ps.setLong(10, personId);
      return ps;
    }, keys);
    return (String) keys.getKeys().get(keys.getKeys().keySet().iterator().next());
  }

  private long newPerson(Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(c -> {
      PreparedStatement ps = c.prepareStatement("INSERT INTO person (created_at) VALUES (?)", new String[] {"id"});
      ps.setTimestamp(1, Timestamp.from(now));
      return ps;
    }, keys);
    return ((Number) keys.getKeys().get(keys.getKeys().keySet().iterator().next())).longValue();
  }

  /** An earlier referral as the referral form offers it: the counsellor recognises the participant by it. */
  public record Known(String reference, long person, String municipality, String gender, int age,
                      LocalDate receivedOn, boolean open) {}

  /** The referral with this reference, as an earlier referral of a returning participant; empty when none. */
  public Optional<Known> known(String reference) {
    return jdbc.query("SELECT r.reference, r.person_id, r.municipality_code, r.gender, r.age, r.received_at,"
        + " (SELECT COUNT(*) FROM referral o WHERE o.person_id = r.person_id AND o.outcome IS NULL)"
        + " FROM referral r WHERE r.reference = ?", (rs, n) -> known(rs), reference).stream().findFirst();
  }

  /**
   * Each person's latest referral from these municipalities, for participants with no journey open now (one who is
   * in a journey cannot be referred again): what the referral form offers as "referred before", newest first.
   */
  @Override
  public java.util.List<Known> returning(java.util.Collection<String> municipalities) {
    if (municipalities.isEmpty()) {
      return java.util.List.of();
    }
    String in = String.join(", ", java.util.Collections.nCopies(municipalities.size(), "?"));
    return jdbc.query("SELECT r.reference, r.person_id, r.municipality_code, r.gender, r.age, r.received_at, 0"
        + " FROM referral r WHERE r.municipality_code IN (" + in + ") AND NOT r.anonymous"
        + " AND r.received_at = (SELECT MAX(l.received_at) FROM referral l WHERE l.person_id = r.person_id)"
        + " AND NOT EXISTS (SELECT 1 FROM referral o WHERE o.person_id = r.person_id AND o.outcome IS NULL)"
        + " ORDER BY r.received_at DESC, r.reference DESC", (rs, n) -> known(rs), municipalities.toArray());
  }

  private static Known known(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Known(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
        rs.getTimestamp(6).toInstant().atZone(OSLO).toLocalDate(), rs.getInt(7) > 0);
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

  /** The municipality's view in the joint assessment: what it recommends, its words and who gave it, and when. */
  public record MunicipalityView(String view, String note, String by, java.time.Instant at) {}

  /** Keeps the municipality's view ({@code none} when it did not answer in time); a later view replaces it. */
  public void keepMunicipalityView(String reference, String view, String note, String by) {
    jdbc.update("UPDATE referral SET municipality_view = ?, municipality_view_at = ? WHERE reference = ?", view,
        java.sql.Timestamp.from(clock.instant()), reference);
    jdbc.update("UPDATE referral_detail SET municipality_view_note = ?, municipality_view_by = ? WHERE reference = ?",
        note, by, reference);
  }

  /** The municipality's view of the referral, when it has been given (or timed out). */
  public Optional<MunicipalityView> municipalityView(String reference) {
    return jdbc.query("SELECT r.municipality_view, d.municipality_view_note, d.municipality_view_by,"
        + " r.municipality_view_at FROM referral r LEFT JOIN referral_detail d ON d.reference = r.reference"
        + " WHERE r.reference = ? AND r.municipality_view IS NOT NULL", (rs, n) -> new MunicipalityView(
            rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()), reference)
        .stream().findFirst();
  }

  /** Keeps the coordinator's decision in the joint assessment (each round: the latest stands). */
  public void keepAssessment(String reference, String assessment) {
    jdbc.update("UPDATE referral SET assessment = ?, assessed_at = ? WHERE reference = ?", assessment,
        java.sql.Timestamp.from(clock.instant()), reference);
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
