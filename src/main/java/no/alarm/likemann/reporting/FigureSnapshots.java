package no.alarm.likemann.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import no.alarm.likemann.operations.ScheduleLocks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The steering group's figures as last computed, kept in table {@code figure_snapshot} per kind of figure and scope
 * of regions, shared by every node (issue 16, ADR 13). A national service's summary counts a million journeys and
 * takes seconds; the figures are the service's month by month, not a case's minute by minute, so Cockpit is given
 * the last computation with its time ({@code Last-Modified}):
 * <ul>
 *   <li>younger than {@code likemann.reports.figures.max-age} (10 minutes): served as it is;</li>
 *   <li>older, but younger than {@code max-stale} (24 hours): served, and one node computes a newer one in the
 *   background (the node that claims the row's {@code refreshing_until}), so the next reader gets that;</li>
 *   <li>none, or older than that: computed for this request (the first look at a scope, or after a day unread).</li>
 * </ul>
 * Each morning at 05:30 (one node: ShedLock) the figures read in the last 30 days are computed afresh, so that the
 * day's first look is quick, and those not read for 30 days are removed. With both ages zero (the tests) every
 * request computes its figures, as before there were snapshots.
 */
@Component
public class FigureSnapshots implements DisposableBean {

  /** Figures as the API gives them (JSON), and the moment they were computed from the tables. */
  public record Served(String json, Instant computedAt) {}

  /** How a kind of figure is computed for a scope (ServiceFigures). */
  @FunctionalInterface
  interface Computation {
    Object compute(String kind, RegionScope scope);
  }

  private static final Logger LOG = LoggerFactory.getLogger(FigureSnapshots.class);
  /** How long a node holds its claim to refresh a row: a node that dies meanwhile leaves it to another after this. */
  static final Duration REFRESH_LEASE = Duration.ofMinutes(10);
  /** A row's last reading is written at most this often (not a write per read). */
  static final Duration READ_MARK = Duration.ofHours(1);
  /** Figures not read for this long are no longer refreshed, and removed. */
  static final Duration UNREAD = Duration.ofDays(30);
  private static final String ALL = "*";

  private record Row(Instant computedAt, Instant readAt, String body) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Computation figures;
  private final ObjectMapper json;
  private final Duration maxAge;
  private final Duration maxStale;
  private final ExecutorService background;
  private final Map<String, Object> computing = new ConcurrentHashMap<>();

  @Autowired
  public FigureSnapshots(JdbcTemplate jdbc, Clock clock, ServiceFigures figures, ObjectMapper json,
                         @Value("${likemann.reports.figures.max-age:PT10M}") Duration maxAge,
                         @Value("${likemann.reports.figures.max-stale:PT24H}") Duration maxStale) {
    this(jdbc, clock, figures::compute, json, maxAge, maxStale, Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "figure-snapshots");
      t.setDaemon(true);
      return t;
    }));
  }

  FigureSnapshots(JdbcTemplate jdbc, Clock clock, Computation figures, ObjectMapper json, Duration maxAge,
                  Duration maxStale, ExecutorService background) {
    if (maxStale.compareTo(maxAge) < 0) {
      throw new IllegalArgumentException("likemann.reports.figures.max-stale (" + maxStale
          + ") is shorter than max-age (" + maxAge + ")");
    }
    this.jdbc = jdbc;
    this.clock = clock;
    this.figures = figures;
    this.json = json;
    this.maxAge = maxAge;
    this.maxStale = maxStale;
    this.background = background;
  }

  /** The figures of a kind for the scope, as fresh as the settings ask. */
  public Served get(String kind, RegionScope scope) {
    String key = key(scope);
    Instant now = clock.instant();
    Row row = read(kind, key);
    if (row != null && youngerThan(row, maxAge, now)) {
      markRead(kind, key, row, now);
      return new Served(row.body(), row.computedAt());
    }
    if (row != null && youngerThan(row, maxStale, now)) {
      if (claim(kind, key, now)) {
        background.execute(() -> refreshInBackground(kind, scope, key));
      }
      markRead(kind, key, row, now);
      return new Served(row.body(), row.computedAt());
    }
    // one computation per kind and scope on this node at a time: those who come meanwhile get its result
    synchronized (computing.computeIfAbsent(kind + "|" + key, k -> new Object())) {
      Row meanwhile = read(kind, key);
      if (meanwhile != null && meanwhile.computedAt().isAfter(now) && youngerThan(meanwhile, maxAge, clock.instant())) {
        return new Served(meanwhile.body(), meanwhile.computedAt());
      }
      return compute(kind, scope, key);
    }
  }

  /**
   * Each morning: the figures read in the last 30 days computed afresh, one after the other, and those unread for
   * longer removed.
   */
  @Scheduled(cron = "${likemann.reports.figures.refresh-cron:0 30 5 * * *}", zone = "Europe/Oslo")
  @SchedulerLock(name = ScheduleLocks.FIGURE_SNAPSHOTS, lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
  public void refreshRead() {
    Instant now = clock.instant();
    int removed = jdbc.update("DELETE FROM figure_snapshot WHERE read_at < ?", Timestamp.from(now.minus(UNREAD)));
    List<String[]> rows = jdbc.query("SELECT kind, scope FROM figure_snapshot ORDER BY kind, scope",
        (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
    int refreshed = 0;
    for (String[] r : rows) {
      if (!ServiceFigures.isKind(r[0])) {
        jdbc.update("DELETE FROM figure_snapshot WHERE kind = ? AND scope = ?", r[0], r[1]);
        continue;
      }
      try {
        compute(r[0], scope(r[1]), r[1]);
        refreshed++;
      } catch (RuntimeException e) {
        LOG.warn("Figures {} of scope {} could not be computed; tried again at the next read: {}", r[0], r[1],
            e.toString());
      }
    }
    LOG.info("Figure snapshots: {} computed afresh, {} unread for {} days removed", refreshed, removed,
        UNREAD.toDays());
  }

  private Served compute(String kind, RegionScope scope, String key) {
    Instant started = clock.instant();
    String body;
    try {
      body = json.writeValueAsString(figures.compute(kind, scope));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Figures " + kind + " could not be written as JSON", e);
    }
    store(kind, key, body, started);
    return new Served(body, started);
  }

  private void refreshInBackground(String kind, RegionScope scope, String key) {
    try {
      compute(kind, scope, key);
    } catch (RuntimeException e) {
      LOG.warn("Figures {} of scope {} could not be computed; tried again at the next read: {}", kind, key,
          e.toString());
      jdbc.update("UPDATE figure_snapshot SET refreshing_until = NULL WHERE kind = ? AND scope = ?", kind, key);
    }
  }

  /** Written unless another node has meanwhile stored figures computed later than these. */
  private void store(String kind, String key, String body, Instant computedAt) {
    Timestamp at = Timestamp.from(computedAt);
    Timestamp read = Timestamp.from(clock.instant());
    String update = "UPDATE figure_snapshot SET computed_at = ?, read_at = ?, refreshing_until = NULL, body = ?"
        + " WHERE kind = ? AND scope = ? AND computed_at <= ?";
    if (jdbc.update(update, at, read, body, kind, key, at) > 0 || read(kind, key) != null) {
      return;
    }
    try {
      jdbc.update("INSERT INTO figure_snapshot (kind, scope, computed_at, read_at, body) VALUES (?, ?, ?, ?, ?)",
          kind, key, at, read, body);
    } catch (DuplicateKeyException e) {
      // another node stored the first figures of this scope at the same moment: the later computation stays
      jdbc.update(update, at, read, body, kind, key, at);
    }
  }

  private Row read(String kind, String key) {
    List<Row> rows = jdbc.query("SELECT computed_at, read_at, body FROM figure_snapshot WHERE kind = ? AND scope = ?",
        (rs, i) -> new Row(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(), rs.getString(3)),
        kind, key);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private boolean claim(String kind, String key, Instant now) {
    return jdbc.update("UPDATE figure_snapshot SET refreshing_until = ? WHERE kind = ? AND scope = ?"
        + " AND (refreshing_until IS NULL OR refreshing_until < ?)", Timestamp.from(now.plus(REFRESH_LEASE)),
        kind, key, Timestamp.from(now)) == 1;
  }

  private void markRead(String kind, String key, Row row, Instant now) {
    if (row.readAt().isBefore(now.minus(READ_MARK))) {
      jdbc.update("UPDATE figure_snapshot SET read_at = ? WHERE kind = ? AND scope = ?", Timestamp.from(now), kind,
          key);
    }
  }

  private static boolean youngerThan(Row row, Duration age, Instant now) {
    return row.computedAt().plus(age).isAfter(now);
  }

  /** A scope as the row's key: {@code *} for every region, else its region codes sorted, comma-separated. */
  static String key(RegionScope scope) {
    if (scope.isAll()) {
      return ALL;
    }
    return scope.regions().stream().sorted().distinct().collect(Collectors.joining(","));
  }

  static RegionScope scope(String key) {
    if (ALL.equals(key)) {
      return RegionScope.ALL;
    }
    return RegionScope.of(key.isEmpty() ? List.of() : Arrays.asList(key.split(",")));
  }

  @Override
  public void destroy() {
    background.shutdownNow();
  }
}
