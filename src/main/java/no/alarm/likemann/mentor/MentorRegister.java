package no.alarm.likemann.mentor;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import no.alarm.likemann.SqlDialect;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The mentor register and the mentors' slots. A slot is reserved when a coordinator matches, becomes an active
 * coupling at the coupling meeting, and is freed when consent is refused or the follow-up closes. The load changes
 * only by conditional updates, so capacity holds when coordinators match the same mentor at the same moment; the
 * table's check constraint is the last guard.
 */
@Component
public class MentorRegister {

  /** A reserved slot: the coupling it belongs to and who the mentor is. */
  public record Reservation(long couplingId, long mentorId, String username, String displayName) {}

  private static final String COLUMNS = "id, username, display_name, status, region, municipality_code, gender,"
      + " birth_year, experience, experience_summary, interests, capacity, current_load";

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final boolean postgres;

  public MentorRegister(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
    this.postgres = SqlDialect.of(jdbc) == SqlDialect.POSTGRES;
  }

  public long add(NewMentor m) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(c -> {
      PreparedStatement ps = c.prepareStatement("""
          INSERT INTO mentor (username, display_name, status, region, municipality_code, gender, birth_year,
                              experience, experience_summary, interests, capacity)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      ps.setString(1, m.username());
      ps.setString(2, m.displayName());
      ps.setString(3, m.status().name());
      ps.setString(4, m.region());
      ps.setString(5, m.municipality());
      ps.setString(6, m.gender());
      ps.setInt(7, m.birthYear());
      ps.setString(8, m.experience());
      ps.setString(9, m.experienceSummary());
      ps.setString(10, m.interests());
      ps.setInt(11, m.capacity());
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  public Optional<Mentor> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM mentor WHERE id = ?", MentorRegister::map, id).stream().findFirst();
  }

  public Optional<Mentor> findByUsername(String username) {
    return jdbc.query("SELECT " + COLUMNS + " FROM mentor WHERE username = ?", MentorRegister::map, username)
        .stream().findFirst();
  }

  /** Active mentors with at least one free slot. */
  public List<Mentor> findMatchable() {
    return jdbc.query(MATCHABLE + " ORDER BY current_load, display_name", MentorRegister::map);
  }

  private static final String MATCHABLE = "SELECT " + COLUMNS + " FROM mentor WHERE status = 'ACTIVE'"
      + " AND current_load < capacity";

  /**
   * A referral comes to matching: records when it first did ({@code referral.matching_since}, kept on a later return
   * to matching) and returns the mentors it can be offered, the active mentors with a free slot, leaving out the
   * mentor of {@code currentCouplingId} when a new mentor is sought. On PostgreSQL the record and the list are one
   * statement (a data-modifying WITH, which runs once whatever the query reads), so coming to matching costs one
   * round trip; H2 has no data-modifying WITH and takes two.
   */
  public List<Mentor> enterMatching(String referralReference, Long currentCouplingId) {
    Timestamp now = Timestamp.from(clock.instant());
    String record = "UPDATE referral SET matching_since = ? WHERE reference = ? AND matching_since IS NULL";
    String offered = MATCHABLE + " AND id <> COALESCE((SELECT mentor_id FROM coupling WHERE id = CAST(? AS BIGINT)), -1)"
        + " ORDER BY current_load, display_name";
    if (postgres) {
      return jdbc.query("WITH entered AS (" + record + " RETURNING reference) " + offered, MentorRegister::map,
          now, referralReference, currentCouplingId);
    }
    jdbc.update(record, now, referralReference);
    return jdbc.query(offered, MentorRegister::map, currentCouplingId);
  }

  public List<Mentor> findAll() {
    return jdbc.query("SELECT " + COLUMNS + " FROM mentor ORDER BY display_name", MentorRegister::map);
  }

  /** What matching requires of the mentor besides a free slot: the participant's region and wished gender. */
  public record Requirement(String region, String gender) {

    public static final Requirement NONE = new Requirement(null, null);
  }

  /**
   * Takes one slot of the mentor for the referral, or throws {@link MentorUnavailableException}: only an active
   * mentor with a free slot who meets the requirement can be taken. One conditional update, which also returns
   * who the mentor is, so capacity holds when coordinators choose the same mentor at the same moment.
   */
  public Reservation reserve(long mentorId, String referralReference, Requirement requirement) {
    String update = "UPDATE mentor SET current_load = current_load + 1 WHERE id = ? AND status = 'ACTIVE'"
        + " AND current_load < capacity AND (CAST(? AS VARCHAR) IS NULL OR region = ?)"
        + " AND (CAST(? AS VARCHAR) IS NULL OR gender = ?)";
    String sql = postgres ? update + " RETURNING username, display_name"
        : "SELECT username, display_name FROM FINAL TABLE (" + update + ")";
    List<String[]> taken = jdbc.query(sql, (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, mentorId,
        requirement.region(), requirement.region(), requirement.gender(), requirement.gender());
    if (taken.isEmpty()) {
      throw new MentorUnavailableException(mentorId);
    }
    var keys = new GeneratedKeyHolder();
    jdbc.update(c -> {
      PreparedStatement ps = c.prepareStatement("INSERT INTO coupling (referral_reference, mentor_id, status,"
          + " reserved_at) VALUES (?, ?, 'RESERVED', ?)", new String[] {"id"});
      ps.setString(1, referralReference);
      ps.setLong(2, mentorId);
      ps.setTimestamp(3, Timestamp.from(clock.instant()));
      return ps;
    }, keys);
    return new Reservation(keys.getKey().longValue(), mentorId, taken.get(0)[0], taken.get(0)[1]);
  }

  /** A new mentor takes over today: the reserved slot becomes an active coupling from now. */
  public void startCoupling(long couplingId) {
    jdbc.update("UPDATE coupling SET status = 'ACTIVE', started_at = ? WHERE id = ? AND status = 'RESERVED'",
        Timestamp.from(clock.instant()), couplingId);
  }

  /**
   * The coupling meeting was held with consent on {@code meetingDate}: the reserved slot becomes an active coupling
   * from the start of that day (Europe/Oslo), which the weekly logs, the silence watch and the reports count from.
   */
  public void startCoupling(long couplingId, java.time.LocalDate meetingDate) {
    jdbc.update("UPDATE coupling SET status = 'ACTIVE', started_at = ? WHERE id = ? AND status = 'RESERVED'",
        Timestamp.from(meetingDate.atStartOfDay(no.alarm.likemann.calendar.OsloCalendar.OSLO).toInstant()),
        couplingId);
  }

  /** Consent refused: the reservation is given back. Safe to repeat. */
  public void release(long couplingId) {
    freeSlot(couplingId, "RESERVED", "RELEASED", null);
  }

  /** Follow-up closed: the slot is freed. Safe to repeat. */
  public void endCoupling(long couplingId, String reason) {
    freeSlot(couplingId, "ACTIVE", "ENDED", reason);
  }

  /** Frees whatever the coupling holds: a reservation is released, an active coupling ends. Safe to repeat. */
  public void letGo(long couplingId, String reason) {
    release(couplingId);
    endCoupling(couplingId, reason);
  }

  private void freeSlot(long couplingId, String from, String to, String reason) {
    int changed = jdbc.update("UPDATE coupling SET status = ?, ended_at = ?, end_reason = ? WHERE id = ? AND status = ?",
        to, Timestamp.from(clock.instant()), reason, couplingId, from);
    if (changed == 1 && referralsWaitingForFreedSlot(couplingId) > 0) {
      events.publishEvent(CapacityFreed.byCoupling(couplingId));
    }
  }

  /**
   * Gives the coupling's slot back to its mentor and returns how many referrals wait in the mentor's region, in the
   * same statement: the wait-list is offered the slot only when someone there waits, and most closings cost no
   * extra query and no extra transaction. A referral wait-listed at this very moment is caught by the wait-list's
   * sweep, as before.
   */
  private int referralsWaitingForFreedSlot(long couplingId) {
    String update = "UPDATE mentor SET current_load = current_load - 1"
        + " WHERE id = (SELECT mentor_id FROM coupling WHERE id = ?) AND current_load > 0";
    String waitingIn = "(SELECT COUNT(*) FROM referral r JOIN municipality m ON m.code = r.municipality_code"
        + " WHERE r.waiting_since IS NOT NULL AND m.region = %s.region)";
    String sql = postgres ? update + " RETURNING " + waitingIn.formatted("mentor")
        : "SELECT " + waitingIn.formatted("freed") + " FROM FINAL TABLE (" + update + ") freed";
    List<Integer> waiting = jdbc.query(sql, (rs, i) -> rs.getInt(1), couplingId);
    return waiting.isEmpty() ? 0 : waiting.get(0);
  }

  /** Active couplings (reserved or started) of a mentor, with the journeys they belong to. */
  public List<String> activeCouplingReferrals(long mentorId) {
    return jdbc.queryForList("SELECT referral_reference FROM coupling WHERE mentor_id = ?"
        + " AND status IN ('RESERVED', 'ACTIVE') ORDER BY id", String.class, mentorId);
  }

  /** Changes the mentor's status; a mentor who becomes active frees capacity for the wait-list. */
  public void setStatus(long mentorId, MentorStatus status) {
    // when a mentor leaves is kept: the retention time of a former mentor's entry counts from it
    jdbc.update("UPDATE mentor SET status = ?, left_at = ? WHERE id = ?", status.name(),
        status == MentorStatus.LEFT ? Timestamp.from(clock.instant()) : null, mentorId);
    if (status == MentorStatus.ACTIVE) {
      events.publishEvent(CapacityFreed.byMentor(mentorId));
    }
  }

  public void setCapacity(long mentorId, int capacity) {
    jdbc.update("UPDATE mentor SET capacity = ? WHERE id = ?", capacity, mentorId);
  }

  private static Mentor map(ResultSet rs, int row) throws SQLException {
    return new Mentor(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
        MentorStatus.valueOf(rs.getString("status")), rs.getString("region"), rs.getString("municipality_code"),
        rs.getString("gender"), rs.getInt("birth_year"), rs.getString("experience"),
        rs.getString("experience_summary"), rs.getString("interests"), rs.getInt("capacity"), rs.getInt("current_load"));
  }
}
