package no.alarm.likemann.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The service's regions and municipalities (tables {@code region} and {@code municipality}): data the administrator
 * enters through the process "Legg til kommune" ({@link no.alarm.likemann.region.AddMunicipality}), never a migration
 * or an edit of the forms, whose municipality and region choices are filled from here.
 *
 * <p>Read on every form, check and report, so kept in memory: read again after this node has added one (once the
 * addition is committed) and at the latest {@link #REFRESH} after the last read, which is how long another node's
 * addition can take to show on this one.
 */
@Component
public class MunicipalityRegistry {

  /** How long this node may go on using the register it read, when another node adds to it. */
  public static final Duration REFRESH = Duration.ofMinutes(1);

  private record Snapshot(Map<String, Municipality> municipalities, Map<String, String> regions, Instant readAt) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private volatile Snapshot snapshot;

  public MunicipalityRegistry(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<Municipality> find(String code) {
    return Optional.ofNullable(code == null ? null : all().get(code));
  }

  /** Every municipality by code, ordered by name. */
  public Map<String, Municipality> all() {
    return current().municipalities();
  }

  /** Every region's code and name, ordered by name. */
  public Map<String, String> regions() {
    return current().regions();
  }

  /** The region's name as people and reports read it; the code itself for a region the register does not know. */
  public String regionName(String region) {
    return regions().getOrDefault(region, region);
  }

  /** A new region; the caller has checked that neither its code nor its name is taken. */
  public void addRegion(String code, String name, String addedBy) {
    jdbc.update("INSERT INTO region (code, name, added_at, added_by) VALUES (?, ?, ?, ?)", code, name,
        Timestamp.from(clock.instant()), addedBy);
    forgetAfterCommit();
  }

  /** A new municipality in an existing region; the caller has checked that neither its code nor its name is taken. */
  public void addMunicipality(Municipality municipality, String addedBy) {
    jdbc.update("INSERT INTO municipality (code, name, region, added_at, added_by) VALUES (?, ?, ?, ?, ?)",
        municipality.code(), municipality.name(), municipality.region(), Timestamp.from(clock.instant()), addedBy);
    forgetAfterCommit();
  }

  /** Whether a region with this code or (in any case) this name exists, read from the table itself. */
  public boolean regionTaken(String code, String name) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM region WHERE code = ? OR LOWER(name) = LOWER(?)",
        Integer.class, code, name);
    return n != null && n > 0;
  }

  /** Whether a municipality with this code or (in any case) this name exists, read from the table itself. */
  public boolean municipalityTaken(String code, String name) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM municipality WHERE code = ? OR LOWER(name) = LOWER(?)",
        Integer.class, code, name);
    return n != null && n > 0;
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    if (s == null || s.readAt().plus(REFRESH).isBefore(clock.instant())) {
      s = read();
      snapshot = s;
    }
    return s;
  }

  private Snapshot read() {
    Map<String, String> regions = new LinkedHashMap<>();
    jdbc.query("SELECT code, name FROM region ORDER BY name", rs -> {
      regions.put(rs.getString("code"), rs.getString("name"));
    });
    List<Municipality> rows = jdbc.query("SELECT code, name, region FROM municipality ORDER BY name",
        (rs, i) -> new Municipality(rs.getString("code"), rs.getString("name"), rs.getString("region")));
    Map<String, Municipality> byCode = rows.stream().collect(Collectors.toMap(Municipality::code,
        Function.identity(), (a, b) -> a, LinkedHashMap::new));
    return new Snapshot(java.util.Collections.unmodifiableMap(byCode), java.util.Collections.unmodifiableMap(regions),
        clock.instant());
  }

  /**
   * Read again once the addition is committed (not before: another request could read the old rows in between and
   * keep them); outside a transaction at once.
   */
  private void forgetAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          snapshot = null;
        }
      });
    } else {
      snapshot = null;
    }
  }
}
