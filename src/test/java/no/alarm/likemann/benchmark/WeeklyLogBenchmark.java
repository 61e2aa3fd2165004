package no.alarm.likemann.benchmark;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.followup.FollowUpCalendar;
import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.journey.ParticipantJourney.Element;
import no.alarm.likemann.security.Roles;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 4's scale target, on PostgreSQL in the real application: with 5,000 journeys in follow-up, Monday morning's
 * pass of the follow-up calendar opens every journey's weekly log without a backlog; and listing one
 * mentor's open tasks (Tasklist's filter "Mine oppgaver", as the mentor, with authorization checks) stays under
 * 50 ms. A measurement: it fails on functional errors only, never on speed.
 *
 * <p>Run with {@code ./mvnw -B verify -Pbenchmark -Dit.test=WeeklyLogBenchmark}. Sizes:
 * {@code -Dbenchmark.activeJourneys=5000}, {@code -Dbenchmark.journeysPerMentor=5}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "likemann.wait-list.sweep-initial-delay=PT12H", "likemann.silence-watch.cron=-",
    "likemann.follow-up-calendar.cron=-"})
@ActiveProfiles({"postgres", "demo"})
class WeeklyLogBenchmark {

  private static final String HOST_URL = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String BENCH_DB = "likemann_bench_weekly";
  private static final String BENCH_URL = HOST_URL + BENCH_DB;
  private static final int JOURNEYS = Integer.getInteger("benchmark.activeJourneys", 5000);
  private static final int PER_MENTOR = Integer.getInteger("benchmark.journeysPerMentor", 5);
  private static final int LISTINGS = 300;
  private static final long COUPLING_IDS = 10_000_000L;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    DriverManager.setLoginTimeout(5);
    try (Connection c = DriverManager.getConnection(HOST_URL + "postgres", "postgres", "");
         Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + BENCH_DB + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + BENCH_DB);
    } catch (SQLException e) {
      fail("PostgreSQL is not reachable at 127.0.0.1:5432 as user postgres (trust auth): " + e.getMessage(), e);
    }
    registry.add("LIKEMANN_DB_URL", () -> BENCH_URL);
    registry.add("spring.datasource.url", () -> BENCH_URL);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("likemann.admin.password", () -> "bench");
  }

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired FollowUpCalendar calendar;

  @Test
  void oneWeekOfWeeklyLogsAndTheMentorsTaskList() throws Exception {
    StringBuilder out = new StringBuilder();
    LocalDate today = LocalDate.now(OsloCalendar.OSLO);
    int mentors = (JOURNEYS + PER_MENTOR - 1) / PER_MENTOR;

    long t0 = System.nanoTime();
    List<String> usernames = addMentors(mentors);
    startJourneysInFollowUp(usernames, today);
    double setupSeconds = (System.nanoTime() - t0) / 1e9;
    long timers = management.createJobQuery().processDefinitionKey(ParticipantJourney.PROCESS_KEY).count();
    assertEquals(0, timers, "no journey in follow-up holds a job: the follow-up calendar keeps the time");

    // Monday 06:00 comes: the follow-up calendar's morning pass opens last week's log in every journey
    LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    long passStart = System.nanoTime();
    FollowUpCalendar.Pass pass = calendar.openDue(monday);
    double passSeconds = (System.nanoTime() - passStart) / 1e9;
    long opened = tasks.createTaskQuery().taskDefinitionKey(Element.LOG_WEEKLY_CONTACTS).count();
    long weekRows = jdbc.queryForObject("SELECT COUNT(*) FROM contact_week", Long.class);
    assertEquals(JOURNEYS, pass.weeksOpened(), "the pass opened one week per journey");
    assertEquals(0, pass.failed(), "no week failed to open");
    assertEquals(JOURNEYS, opened, "one weekly log per journey");
    assertEquals(JOURNEYS, weekRows, "one contact_week row per journey");
    // a second pass (another node, or the same morning again) opens nothing
    long againStart = System.nanoTime();
    FollowUpCalendar.Pass again = calendar.openDue(monday);
    double againSeconds = (System.nanoTime() - againStart) / 1e9;
    assertEquals(0, again.weeksOpened() + again.failed(), "the second pass opened nothing");
    assertEquals(JOURNEYS, tasks.createTaskQuery().taskDefinitionKey(Element.LOG_WEEKLY_CONTACTS).count());

    // Listing one mentor's open tasks as Tasklist does: the filter "Mine oppgaver", count and first page, as the
    // mentor, with the engine's authorization checks
    Filter mine = filters.createFilterQuery().filterName("Mine oppgaver").singleResult();
    // right after the pass, with the table statistics PostgreSQL had then; and again once they are up to date, as
    // autovacuum leaves them a little later (ANALYZE does now what it would do then)
    Listing fresh = listTasks(mine, usernames, new Random(42));
    long analyzeStart = System.nanoTime();
    jdbc.execute("ANALYZE");
    double analyzeSeconds = (System.nanoTime() - analyzeStart) / 1e9;
    Listing analyzed = listTasks(mine, usernames, new Random(43));

    out.append(String.format("%n=== Weekly-log benchmark (PostgreSQL, the application's follow-up calendar) ===%n"));
    out.append(String.format("Active journeys in follow-up: %d, mentors: %d (%d participants each)%n", JOURNEYS,
        mentors, PER_MENTOR));
    out.append(String.format("Set-up (mentors, journeys started in follow-up, register rows): %.1f s%n",
        setupSeconds));
    out.append(String.format("Monday 06:00: the follow-up calendar's pass (one thread, each week its own"
        + " transaction); jobs held by journeys in follow-up: %d%n", timers));
    out.append(String.format("Opened %d weekly logs in %.1f s (%.0f per second); failed: %d; logs still to open"
        + " after the pass: %d%n", pass.weeksOpened(), passSeconds, pass.weeksOpened() / passSeconds, pass.failed(),
        JOURNEYS - opened));
    out.append(String.format("A second pass the same morning (nothing left to open): %.2f s%n", againSeconds));
    out.append(String.format("A week is 604,800 s: the pass took %.4f %% of it. No backlog: %s%n",
        100 * passSeconds / 604_800, opened == JOURNEYS && pass.failed() == 0 ? "MET" : "NOT MET"));
    out.append(String.format("Listing one mentor's open tasks (filter 'Mine oppgaver': count + first page, as the"
        + " mentor with authorization checks, %d mentors at random, %.1f tasks each):%n", LISTINGS, fresh.tasksEach()));
    out.append(String.format("  right after the pass:              %s%n", fresh));
    out.append(String.format("  after ANALYZE (%.1f s), as autovacuum leaves the statistics: %s%n", analyzeSeconds,
        analyzed));
    BenchmarkReport.printAndKeep(out.toString(), "weekly-log-benchmark.txt");
  }

  /** Listing figures in milliseconds, sorted. */
  record Listing(List<Double> millis, double tasksEach) {
    @Override
    public String toString() {
      double p99 = pct(millis, 99);
      return String.format("median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms. Under 50 ms: %s", pct(millis, 50),
          pct(millis, 95), p99, millis.get(millis.size() - 1), p99 < 50 ? "MET (p99)" : "NOT MET (p99)");
    }
  }

  /** Lists the tasks of {@link #LISTINGS} mentors at random as Tasklist does, after 50 not counted. */
  private Listing listTasks(Filter mine, List<String> usernames, Random random) {
    List<Double> millis = new ArrayList<>();
    int listed = 0;
    for (int i = -50; i < LISTINGS; i++) {
      String user = usernames.get(random.nextInt(usernames.size()));
      identity.setAuthentication(user, List.of(Roles.MENTOR), List.of("grenland"));
      try {
        long s0 = System.nanoTime();
        long count = filters.count(mine.getId());
        List<?> page = filters.listPage(mine.getId(), 0, 15);
        double ms = (System.nanoTime() - s0) / 1e6;
        if (i >= 0) {
          millis.add(ms);
          listed += page.size();
          assertEquals(count, page.size(), "the page holds the mentor's tasks");
        }
      } finally {
        identity.clearAuthentication();
      }
    }
    Collections.sort(millis);
    return new Listing(millis, listed / (double) LISTINGS);
  }

  private static double pct(List<Double> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private List<String> addMentors(int n) {
    List<String> usernames = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String username = "bench-mentor-" + i;
      usernames.add(username);
      rows.add(new Object[] {username, "Likemann " + i, i % 2 == 0 ? "female" : "male", PER_MENTOR, PER_MENTOR});
    }
    jdbc.batchUpdate("INSERT INTO mentor (username, display_name, status, region, municipality_code, gender,"
        + " birth_year, experience, capacity, current_load) VALUES (?, ?, 'ACTIVE', 'grenland', 'skien', ?, 1980,"
        + " 'own', ?, ?)", rows);
    return usernames;
  }

  /**
   * Journeys in follow-up, started at {@code followUp} itself (the earlier steps are the journey benchmark's); the
   * register rows a follow-up has (referral, active coupling) are written beside them.
   */
  private void startJourneysInFollowUp(List<String> usernames, LocalDate today) {
    Map<String, Long> mentorIds = new HashMap<>();
    jdbc.query("SELECT id, username FROM mentor WHERE username LIKE 'bench-mentor-%'",
        rs -> {
          mentorIds.put(rs.getString("username"), rs.getLong("id"));
        });
    List<Object[]> referrals = new ArrayList<>();
    List<Object[]> couplings = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    for (int i = 0; i < JOURNEYS; i++) {
      String reference = String.format("BEN-%05d", i);
      String mentor = usernames.get(i / PER_MENTOR);
      long couplingId = COUPLING_IDS + i;
      Map<String, Object> v = new HashMap<>();
      v.put(REFERRAL_REFERENCE, reference);
      v.put(MUNICIPALITY, "skien");
      v.put(PRIORITY, 1);
      v.put(COUPLING_ID, couplingId);
      v.put(MENTOR_USERNAME, mentor);
      v.put(MENTOR_NAME, "Likemann");
      v.put(COUPLED_ON, today.toString());
      v.put("homeVisitsAllowed", "no");
      v.put("contactRelativesAllowed", "no");
      String pid = runtime.createProcessInstanceByKey(ParticipantJourney.PROCESS_KEY).businessKey(reference)
          .setVariables(v).startBeforeActivity(Element.FOLLOW_UP).execute().getId();
      referrals.add(new Object[] {reference, pid, now});
      couplings.add(new Object[] {couplingId, reference, mentorIds.get(mentor), now, now});
      if (referrals.size() == 500 || i == JOURNEYS - 1) {
        // the benchmark's journeys are one person's: who they are does not matter to the weekly logs
        if (jdbc.queryForObject("SELECT COUNT(*) FROM person", Integer.class) == 0) {
          jdbc.update("INSERT INTO person (created_at) VALUES (CURRENT_TIMESTAMP)");
        }
        jdbc.batchUpdate("INSERT INTO referral (reference, process_instance_id, municipality_code, gender, age,"
            + " treatment_status, has_individual_plan, has_brukerplan, received_at, person_id)"
            + " VALUES (?, ?, 'skien', 'female', 30, 'during', true, true, ?, (SELECT MAX(id) FROM person))",
            referrals);
        jdbc.batchUpdate("INSERT INTO coupling (id, referral_reference, mentor_id, status, reserved_at, started_at)"
            + " VALUES (?, ?, ?, 'ACTIVE', ?, ?)", couplings);
        referrals.clear();
        couplings.clear();
      }
    }
  }
}
