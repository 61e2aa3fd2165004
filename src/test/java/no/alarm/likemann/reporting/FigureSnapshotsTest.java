package no.alarm.likemann.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

import no.alarm.likemann.support.MovingClock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * The figures' snapshots on their own table, in an H2 database of the test's own (the application's migration), with
 * a clock the test moves, a computation that counts its calls, and a background the test runs when it chooses.
 */
class FigureSnapshotsTest {

  /** What was given to the background, run when the test says. */
  static final class Later extends AbstractExecutorService {
    final List<Runnable> waiting = new ArrayList<>();

    void runAll() {
      List<Runnable> now = new ArrayList<>(waiting);
      waiting.clear();
      now.forEach(Runnable::run);
    }

    @Override
    public void execute(Runnable command) {
      waiting.add(command);
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return false;
    }

    @Override
    public boolean isTerminated() {
      return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }

  final MovingClock clock = new MovingClock("2026-12-07T08:00:00Z");
  final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
      .generateUniqueName(true).addScript("db/migration/V40__figure_snapshot.sql").build();
  final JdbcTemplate jdbc = new JdbcTemplate(database);
  final AtomicInteger computed = new AtomicInteger();
  final List<String> scopes = new ArrayList<>();
  final AtomicBoolean failing = new AtomicBoolean();
  final Later later = new Later();
  final FigureSnapshots.Computation figures = (kind, scope) -> {
    if (failing.get()) {
      throw new IllegalStateException("the database went away");
    }
    scopes.add(kind + " " + FigureSnapshots.key(scope));
    return Map.of("n", computed.incrementAndGet());
  };
  final FigureSnapshots snapshots = node(later);

  FigureSnapshots node(Later background) {
    return new FigureSnapshots(jdbc, clock, figures, new ObjectMapper(), Duration.ofMinutes(10),
        Duration.ofHours(24), background);
  }

  @AfterEach
  void closeDatabase() {
    database.shutdown();
  }

  @Test
  void shouldComputeTheFirstLookAndServeItAgainForTenMinutes() {
    RegionScope grenland = RegionScope.of(List.of("grenland"));
    FigureSnapshots.Served first = snapshots.get("summary", grenland);
    clock.pass(Duration.ofMinutes(9));
    FigureSnapshots.Served again = snapshots.get("summary", grenland);

    assertThat(first.json()).isEqualTo("{\"n\":1}");
    assertThat(first.computedAt()).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
    assertThat(again).isEqualTo(first);
    assertThat(computed).hasValue(1);
    assertThat(later.waiting).isEmpty();
  }

  @Test
  void shouldServeOlderFiguresAtOnceAndComputeNewerOnesInTheBackgroundOnce() {
    snapshots.get("summary", RegionScope.ALL);
    clock.pass(Duration.ofMinutes(11));

    FigureSnapshots.Served stale = snapshots.get("summary", RegionScope.ALL);
    FigureSnapshots.Served stillStale = snapshots.get("summary", RegionScope.ALL);
    // a second node that reads them meanwhile finds the refresh claimed
    Later otherBackground = new Later();
    FigureSnapshots.Served onTheOtherNode = node(otherBackground).get("summary", RegionScope.ALL);

    assertThat(List.of(stale.json(), stillStale.json(), onTheOtherNode.json())).containsOnly("{\"n\":1}");
    assertThat(later.waiting).hasSize(1);
    assertThat(otherBackground.waiting).isEmpty();
    later.runAll();
    FigureSnapshots.Served fresh = snapshots.get("summary", RegionScope.ALL);
    assertThat(fresh.json()).isEqualTo("{\"n\":2}");
    assertThat(fresh.computedAt()).isEqualTo(clock.instant());
    assertThat(computed).hasValue(2);
  }

  @Test
  void shouldComputeOnRequestFiguresADayOld() {
    snapshots.get("trends", RegionScope.ALL);
    clock.pass(Duration.ofHours(24));

    assertThat(snapshots.get("trends", RegionScope.ALL).json()).isEqualTo("{\"n\":2}");
    assertThat(later.waiting).isEmpty();
  }

  @Test
  void shouldKeepEachKindAndScopeApartWhateverOrderTheRegionsComeIn() {
    snapshots.get("summary", RegionScope.of(List.of("vestfold", "grenland")));
    snapshots.get("summary", RegionScope.of(List.of("grenland", "vestfold")));
    snapshots.get("summary", RegionScope.of(List.of("grenland")));
    snapshots.get("summary", RegionScope.ALL);
    snapshots.get("trends", RegionScope.ALL);
    snapshots.get("summary", RegionScope.of(List.of()));

    assertThat(scopes).containsExactly("summary grenland,vestfold", "summary grenland", "summary *", "trends *",
        "summary ");
    assertThat(FigureSnapshots.key(FigureSnapshots.scope("grenland,vestfold"))).isEqualTo("grenland,vestfold");
    assertThat(FigureSnapshots.scope("*").isAll()).isTrue();
    assertThat(FigureSnapshots.scope("").regions()).isEmpty();
  }

  @Test
  void shouldKeepServingTheLastFiguresWhenANewerComputationFailsAndTryAgainAtTheNextRead() {
    snapshots.get("summary", RegionScope.ALL);
    clock.pass(Duration.ofMinutes(11));
    failing.set(true);
    snapshots.get("summary", RegionScope.ALL);
    later.runAll();

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM figure_snapshot WHERE refreshing_until IS NOT NULL",
        Integer.class)).isZero();
    failing.set(false);
    assertThat(snapshots.get("summary", RegionScope.ALL).json()).isEqualTo("{\"n\":1}");
    later.runAll();
    assertThat(snapshots.get("summary", RegionScope.ALL).json()).isEqualTo("{\"n\":2}");
  }

  @Test
  void shouldTakeOverTheRefreshOfANodeThatDiedWithItsClaimAfterTheLease() {
    snapshots.get("summary", RegionScope.ALL);
    clock.pass(Duration.ofMinutes(11));
    snapshots.get("summary", RegionScope.ALL);
    later.waiting.clear(); // the node is gone before it ran

    Later otherBackground = new Later();
    FigureSnapshots other = node(otherBackground);
    other.get("summary", RegionScope.ALL);
    assertThat(otherBackground.waiting).isEmpty();
    clock.pass(FigureSnapshots.REFRESH_LEASE.plusSeconds(1));
    other.get("summary", RegionScope.ALL);
    otherBackground.runAll();

    assertThat(other.get("summary", RegionScope.ALL).json()).isEqualTo("{\"n\":2}");
  }

  @Test
  void shouldNotLetAnEarlierComputationOverwriteALaterOne() {
    snapshots.get("summary", RegionScope.ALL);
    clock.pass(Duration.ofMinutes(11));
    snapshots.get("summary", RegionScope.ALL); // background refresh claimed, computed later
    clock.pass(Duration.ofHours(24));
    FigureSnapshots.Served onRequest = snapshots.get("summary", RegionScope.ALL); // n=2, computed now
    clock.pass(Duration.ofHours(-1));
    later.runAll(); // n=3, but as of an hour before n=2

    clock.pass(Duration.ofHours(1));
    assertThat(snapshots.get("summary", RegionScope.ALL)).isEqualTo(onRequest);
  }

  @Test
  void shouldComputeEveryRequestWhenBothAgesAreZero() {
    FigureSnapshots always = new FigureSnapshots(jdbc, clock, figures, new ObjectMapper(), Duration.ZERO,
        Duration.ZERO, later);
    always.get("summary", RegionScope.ALL);
    always.get("summary", RegionScope.ALL);

    assertThat(always.get("summary", RegionScope.ALL).json()).isEqualTo("{\"n\":3}");
    assertThatThrownBy(() -> new FigureSnapshots(jdbc, clock, figures, new ObjectMapper(), Duration.ofHours(1),
        Duration.ofMinutes(1), later)).hasMessageContaining("max-stale");
  }

  @Test
  void shouldEachMorningComputeAfreshWhatWasReadInTheLastThirtyDaysAndRemoveTheRest() {
    snapshots.get("summary", RegionScope.of(List.of("grenland")));
    snapshots.get("summary", RegionScope.ALL);
    jdbc.update("INSERT INTO figure_snapshot (kind, scope, computed_at, read_at, body) VALUES"
        + " ('a model no longer followed', '*', ?, ?, '{}')", Timestamp.from(clock.instant()), Timestamp.from(clock.instant()));
    clock.pass(Duration.ofDays(20));
    snapshots.get("summary", RegionScope.ALL); // computed on request: read today
    clock.pass(Duration.ofDays(11));
    scopes.clear();

    snapshots.refreshRead();

    assertThat(scopes).containsExactly("summary *");
    assertThat(jdbc.queryForList("SELECT kind || ' ' || scope FROM figure_snapshot", String.class))
        .containsExactly("summary *");
  }
}
