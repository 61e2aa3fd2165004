package no.alarm.likemann.benchmark;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.journey.ParticipantJourney.Element;
import no.alarm.likemann.security.Roles;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 4's scale target, on PostgreSQL in the real application: with 5,000 journeys in follow-up, one week of
 * weekly-log timers fires on Monday morning and the job executor works them off without a backlog; and listing one
 * mentor's open tasks (Tasklist's filter "Mine oppgaver", as the mentor, with authorization checks) stays under
 * 50 ms. A measurement: it fails on functional errors only, never on speed.
 *
 * <p>Run with {@code ./mvnw -B verify -Pbenchmark -Dit.test=WeeklyLogBenchmark}. Sizes:
 * {@code -Dbenchmark.activeJourneys=5000}, {@code -Dbenchmark.journeysPerMentor=5}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "likemann.wait-list.sweep-initial-delay=PT12H", "likemann.silence-watch.cron=-"})
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

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void oneWeekOfWeeklyLogsAndTheMentorsTaskList() throws Exception {
    StringBuilder out = new StringBuilder();
    LocalDate today = LocalDate.now(OsloCalendar.OSLO);
    int mentors = (JOURNEYS + PER_MENTOR - 1) / PER_MENTOR;

    long t0 = System.nanoTime();
    List<String> usernames = addMentors(mentors);
    startJourneysInFollowUp(usernames, today);
    double setupSeconds = (System.nanoTime() - t0) / 1e9;
    long timers = management.createJobQuery().timers().activityId(Element.WEEK_ENDED).count();
    assertEquals(JOURNEYS, timers, "every journey in follow-up waits for Monday's timer");

    // Monday 06:00 comes: the engine's clock moves, the job executor (the application's own, as configured) fires
    Date monday = Date.from(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(LocalTime.of(6, 0))
        .atZone(OsloCalendar.OSLO).toInstant());
    ClockUtil.setCurrentTime(new Date(monday.getTime() + 60_000));
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!cfg.getJobExecutor().isActive()) {
      fail("the job executor is not running: the benchmark measures the application's own");
    }
    long fireStart = System.nanoTime();
    cfg.getJobExecutor().jobWasAdded();
    long due;
    long maxBacklog = 0;
    List<String> backlogSamples = new ArrayList<>();
    int second = 0;
    do {
      Thread.sleep(1000);
      second++;
      due = management.createJobQuery().timers().activityId(Element.WEEK_ENDED).duedateLowerThan(
          ClockUtil.getCurrentTime()).count();
      maxBacklog = Math.max(maxBacklog, due);
      if (second % 10 == 0) {
        backlogSamples.add(second + " s: " + due);
      }
      if (second > 1800) {
        fail("the weekly timers were not worked off in 30 minutes; " + due + " still due");
      }
    } while (due > 0);
    double drainSeconds = (System.nanoTime() - fireStart) / 1e9;
    long opened = tasks.createTaskQuery().taskDefinitionKey(Element.LOG_WEEKLY_CONTACTS).count();
    long failed = management.createJobQuery().withException().count();
    long nextWeek = management.createJobQuery().timers().activityId(Element.WEEK_ENDED).duedateHigherThan(
        ClockUtil.getCurrentTime()).count();
    assertEquals(JOURNEYS, opened, "one weekly log per journey");
    assertEquals(0, failed, "no job failed");
    assertEquals(JOURNEYS, nextWeek, "each journey waits for the next Monday");

    // Listing one mentor's open tasks as Tasklist does: the filter "Mine oppgaver", count and first page, as the
    // mentor, with the engine's authorization checks
    Filter mine = filters.createFilterQuery().filterName("Mine oppgaver").singleResult();
    Random random = new Random(42);
    List<Double> millis = new ArrayList<>();
    int listed = 0;
    for (int i = -50; i < LISTINGS; i++) {
      String user = usernames.get(random.nextInt(usernames.size()));
      identity.setAuthentication(user, List.of(Roles.MENTOR));
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

    out.append(String.format("%n=== Weekly-log benchmark (PostgreSQL, job executor of the application) ===%n"));
    out.append(String.format("Active journeys in follow-up: %d, mentors: %d (%d participants each)%n", JOURNEYS,
        mentors, PER_MENTOR));
    out.append(String.format("Set-up (mentors, journeys started in follow-up, register rows): %.1f s%n",
        setupSeconds));
    out.append(String.format("Job executor: core pool %d, max pool %d, jobs per acquisition %d%n",
        threadPool(cfg, "core"), threadPool(cfg, "max"), cfg.getJobExecutor().getMaxJobsPerAcquisition()));
    out.append(String.format("Monday 06:00: %d weekly-log timers due%n", timers));
    out.append(String.format("Worked off in %.1f s (%.0f timers/s); largest backlog %d; backlog after: %d;"
        + " failed jobs: %d%n", drainSeconds, timers / drainSeconds, maxBacklog, due, failed));
    out.append(String.format("Backlog every 10 s: %s%n", String.join(", ", backlogSamples)));
    out.append(String.format("A week is 604,800 s: the week's timers took %.4f %% of it. No backlog: %s%n",
        100 * drainSeconds / 604_800, due == 0 ? "MET" : "NOT MET"));
    out.append(String.format("Weekly logs opened: %d; next week's timers set: %d%n", opened, nextWeek));
    out.append(String.format("Listing one mentor's open tasks (filter 'Mine oppgaver': count + first page, %d"
        + " mentors at random, %.1f tasks each): median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms."
        + " Under 50 ms: %s%n", LISTINGS, listed / (double) LISTINGS, pct(millis, 50), pct(millis, 95),
        pct(millis, 99), millis.get(millis.size() - 1), pct(millis, 99) < 50 ? "MET (p99)" : "NOT MET (p99)"));
    System.out.println(out);
    Path file = Path.of("target", "benchmark", "weekly-log-benchmark.txt");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.out.println("(could not write " + file + ": " + e.getMessage() + ")");
    }
  }

  private static int threadPool(ProcessEngineConfigurationImpl cfg, String which) {
    if (cfg.getJobExecutor() instanceof org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor s
        && s.getTaskExecutor() instanceof org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor pool) {
      return "core".equals(which) ? pool.getCorePoolSize() : pool.getMaxPoolSize();
    }
    return -1;
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
        jdbc.batchUpdate("INSERT INTO referral (reference, process_instance_id, municipality_code, gender, age,"
            + " treatment_status, has_individual_plan, has_brukerplan, received_at)"
            + " VALUES (?, ?, 'skien', 'female', 30, 'during', true, true, ?)", referrals);
        jdbc.batchUpdate("INSERT INTO coupling (id, referral_reference, mentor_id, status, reserved_at, started_at)"
            + " VALUES (?, ?, ?, 'ACTIVE', ?, ?)", couplings);
        referrals.clear();
        couplings.clear();
      }
    }
  }
}
