package no.alarm.likemann.erasure;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The erasures (table {@code erasure}): requested, declined or done, with who and when. */
@Component
public class Erasures {

  /** One erasure as the administrator and the project leaders see it: never the reference once it is done. */
  public record Erasure(long id, String status, String reason, String requestedBy, java.time.Instant requestedAt,
                        String decidedBy, java.time.Instant decidedAt, Integer journeys) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public Erasures(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public long request(String reference, String reason, String requestedBy, int journeys) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var ps = c.prepareStatement("INSERT INTO erasure (reference, reason, requested_by, requested_at, status,"
          + " journeys) VALUES (?, ?, ?, ?, 'REQUESTED', ?)", new String[] {"id"});
      ps.setString(1, reference);
      ps.setString(2, reason);
      ps.setString(3, requestedBy);
      ps.setTimestamp(4, Timestamp.from(clock.instant()));
      ps.setInt(5, journeys);
      return ps;
    }, keys);
    return ((Number) keys.getKeys().values().iterator().next()).longValue();
  }

  /** The reference a request waits to erase; empty once it is done. */
  public Optional<String> referenceOf(long id) {
    return jdbc.queryForList("SELECT reference FROM erasure WHERE id = ?", String.class, id).stream()
        .filter(java.util.Objects::nonNull).findFirst();
  }

  public Optional<String> requestedBy(long id) {
    return jdbc.queryForList("SELECT requested_by FROM erasure WHERE id = ?", String.class, id).stream().findFirst();
  }

  /** Done: the reference goes, its hashes stay. */
  public void erased(long id, String decidedBy, int journeys, List<String> hashes) {
    jdbc.update("UPDATE erasure SET status = 'ERASED', reference = NULL, decided_by = ?, decided_at = ?,"
        + " journeys = ? WHERE id = ?", decidedBy, Timestamp.from(clock.instant()), journeys, id);
    jdbc.batchUpdate("INSERT INTO erased_reference (erasure_id, hash) VALUES (?, ?)", hashes, hashes.size(),
        (ps, h) -> {
          ps.setLong(1, id);
          ps.setString(2, h);
        });
  }

  /** Not done: the request stays as part of the person's data, and goes with them if they are erased later. */
  public void declined(long id, String decidedBy) {
    jdbc.update("UPDATE erasure SET status = 'DECLINED', decided_by = ?, decided_at = ? WHERE id = ?", decidedBy,
        Timestamp.from(clock.instant()), id);
  }

  public List<Erasure> all() {
    return jdbc.query("SELECT id, status, reason, requested_by, requested_at, decided_by, decided_at, journeys"
        + " FROM erasure ORDER BY requested_at DESC, id DESC", (rs, n) -> new Erasure(rs.getLong(1), rs.getString(2),
        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
        rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
        (Integer) rs.getObject(8)));
  }
}
