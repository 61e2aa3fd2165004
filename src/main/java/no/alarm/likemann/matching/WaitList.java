package no.alarm.likemann.matching;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.journey.ParticipantJourney;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The wait-list: referrals waiting for capacity (at {@code awaitCapacity} or {@code awaitMentor}). When slots come
 * free in a region, that many waiting referrals of the region are offered, in priority order; among equal priority
 * the municipality with the fewest participants in follow-up goes first (a fair distribution between municipalities,
 * report 001 ch. 4), then the longest waiting. A waiting referral is never dropped: it waits until offered or until
 * a coordinator takes it up by hand.
 */
@Component
public class WaitList {

  private static final Logger LOG = LoggerFactory.getLogger(WaitList.class);

  /** A referral on the wait-list. */
  public record Waiting(String reference, String processInstanceId, String municipality, String region,
                        int priority, Instant since) {}

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final Clock clock;

  public WaitList(JdbcTemplate jdbc, RuntimeService runtime, Clock clock) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.clock = clock;
  }

  public void markWaiting(String reference, int priority) {
    jdbc.update("UPDATE referral SET waiting_since = ?, priority = ? WHERE reference = ?",
        Timestamp.from(clock.instant()), priority, reference);
  }

  public void clearWaiting(String reference) {
    jdbc.update("UPDATE referral SET waiting_since = NULL WHERE reference = ? AND waiting_since IS NOT NULL",
        reference);
  }

  public List<Waiting> waiting() {
    return jdbc.query("""
        SELECT r.reference, r.process_instance_id, r.municipality_code, m.region, r.priority, r.waiting_since
        FROM referral r JOIN municipality m ON m.code = r.municipality_code
        WHERE r.waiting_since IS NOT NULL""",
        (rs, i) -> new Waiting(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getInt(5), rs.getTimestamp(6).toInstant()));
  }

  /** Offers freed capacity to waiting referrals; returns how many were offered. Safe to repeat. */
  public int offerFreedCapacity() {
    List<Waiting> waiting = waiting();
    if (waiting.isEmpty()) {
      return 0;
    }
    Map<String, Integer> free = new HashMap<>();
    jdbc.query("SELECT region, SUM(capacity - current_load) FROM mentor WHERE status = 'ACTIVE'"
        + " AND current_load < capacity GROUP BY region", rs -> {
          free.put(rs.getString(1), rs.getInt(2));
        });
    Map<String, Integer> served = new HashMap<>();
    jdbc.query("SELECT r.municipality_code, COUNT(*) FROM coupling c JOIN referral r"
        + " ON r.reference = c.referral_reference WHERE c.status IN ('RESERVED', 'ACTIVE')"
        + " GROUP BY r.municipality_code", rs -> {
          served.put(rs.getString(1), rs.getInt(2));
        });
    int offered = 0;
    for (Waiting w : choose(waiting, free, served)) {
      try {
        runtime.createMessageCorrelation(ParticipantJourney.MESSAGE_CAPACITY_FREED)
            .processInstanceId(w.processInstanceId()).correlate();
        offered++;
        LOG.info("Offered freed capacity to referral {}", w.reference());
      } catch (MismatchingMessageCorrelationException e) {
        // no longer waiting (taken up by hand a moment ago): the next one gets it on the next offer
        clearWaiting(w.reference());
      }
    }
    return offered;
  }

  /**
   * Which waiting referrals get the free slots: per region as many as there are slots; by priority, then the
   * municipality with the fewest served so far (counting those just offered), then the longest waiting.
   */
  static List<Waiting> choose(List<Waiting> waiting, Map<String, Integer> freeByRegion,
                              Map<String, Integer> servedByMunicipality) {
    Map<String, Integer> free = new HashMap<>(freeByRegion);
    Map<String, Integer> served = new HashMap<>(servedByMunicipality);
    List<Waiting> candidates = new ArrayList<>(waiting);
    List<Waiting> chosen = new ArrayList<>();
    while (!candidates.isEmpty()) {
      Waiting best = candidates.stream()
          .filter(w -> free.getOrDefault(w.region(), 0) > 0)
          .min(Comparator.comparingInt((Waiting w) -> -w.priority())
              .thenComparingInt(w -> served.getOrDefault(w.municipality(), 0))
              .thenComparing(Waiting::since)
              .thenComparing(Waiting::reference))
          .orElse(null);
      if (best == null) {
        break;
      }
      chosen.add(best);
      candidates.remove(best);
      free.merge(best.region(), -1, Integer::sum);
      served.merge(best.municipality(), 1, Integer::sum);
    }
    return chosen;
  }
}
