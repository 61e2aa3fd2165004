package no.alarm.likemann.readlog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The read log ({@code case_read}): written in one batch per request, read per case by who may see it. */
@Component
public class CaseReads {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public CaseReads(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Keeps the reads, each case once per what and path: one batched insert, one round trip. */
  public void record(Collection<CaseRead> reads) {
    List<CaseRead> distinct = reads.stream().distinct().toList();
    if (distinct.isEmpty()) {
      return;
    }
    jdbc.batchUpdate("INSERT INTO case_read (reference, read_by, read_at, what, via) VALUES (?, ?, ?, ?, ?)",
        distinct, distinct.size(), (ps, r) -> {
          ps.setString(1, r.reference());
          ps.setString(2, r.readBy());
          ps.setTimestamp(3, Timestamp.from(r.readAt()));
          ps.setString(4, r.what().length() > 120 ? r.what().substring(0, 120) : r.what());
          ps.setString(5, r.via().name());
        });
  }

  /** Who has read the case, the newest first. */
  public List<CaseRead> of(String reference) {
    return new ArrayList<>(jdbc.query("SELECT reference, read_by, read_at, what, via FROM case_read"
            + " WHERE reference = ? ORDER BY read_at DESC, id DESC",
        (rs, n) -> new CaseRead(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
            CaseRead.Via.valueOf(rs.getString(5))), reference));
  }

  /**
   * The log is kept as long as the case's history: the reads of referrals that ended longer ago than the history's
   * time to live are removed (the engine's history clean-up removes the journey's history at the same age).
   */
  public int removeExpired(Duration historyTimeToLive) {
    Timestamp before = Timestamp.from(clock.instant().minus(historyTimeToLive));
    return jdbc.update("DELETE FROM case_read WHERE reference IN"
        + " (SELECT reference FROM referral WHERE ended_at IS NOT NULL AND ended_at < ?)", before);
  }
}
