package no.alarm.likemann.benchmark;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;

import no.alarm.likemann.benchmark.RoundTripCounter.Stats;
import no.alarm.likemann.followup.ContactWeek;
import no.alarm.likemann.followup.FollowUpCalendar;
import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.journey.ParticipantJourney.Element;
import no.alarm.likemann.mentor.Mentor;
import no.alarm.likemann.mentor.MentorRegister;
import no.alarm.likemann.support.Referrals;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Throughput and database round trips of the participant journey against a baseline of seven plain user tasks, on
 * PostgreSQL, in the real application. A measurement: it fails on functional errors only, never on speed.
 *
 * <p>Run with {@code ./mvnw -B verify -Pbenchmark}. Sizes: {@code -Dbenchmark.journeys=1000},
 * {@code -Dbenchmark.warmup=100}, {@code -Dbenchmark.round=50} (journeys of each kind per round; rounds alternate
 * which kind goes first).
 */
// MOCK: a web application context without a server (the engine's REST auto-configuration needs one), no port.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles({"postgres", "demo"})
class JourneyBenchmark {

  private static final String HOST_URL = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String BENCH_DB = "likemann_bench";
  private static final String BENCH_URL = HOST_URL + BENCH_DB;
  private static final String DB_USER = "postgres";

  private static final int JOURNEYS = Integer.getInteger("benchmark.journeys", 1000);
  private static final int WARMUP = Integer.getInteger("benchmark.warmup", 100);
  private static final int ROUND = Integer.getInteger("benchmark.round", 50);

  private static final String BASELINE_KEY = "baselineJourney";
  private static final String BASELINE_END = "baselineClosed";
  private static final String MODEL_KEY = "journeyModelOnly";
  private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

  /** The happy path: the start, then the seven user tasks in the order they are completed. */
  private static final List<String> STEPS = List.of("start", Element.ASSESS_REFERRAL,
      Element.HOLD_INFORMATION_MEETING, Element.MATCH_MENTOR, Element.HOLD_COUPLING_MEETING, Element.LOG_WEEKLY_CONTACTS,
      Element.CLOSE_FOLLOW_UP, Element.WRITE_CLOSING_REPORT);

  enum Kind {
    JOURNEY(ParticipantJourney.PROCESS_KEY), BASELINE(BASELINE_KEY),
    /** The journey's own model with stand-ins for the application's beans: the engine's cost of the model alone. */
    MODEL(MODEL_KEY);

    final String processKey;

    Kind(String processKey) {
      this.processKey = processKey;
    }
  }

  private static boolean databaseReady;

  /** Wraps the application's DataSource so that every round trip is counted. */
  @TestConfiguration(proxyBeanMethods = false)
  static class CountingDataSource {
    @Bean
    static BeanPostProcessor countingDataSourcePostProcessor() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          if (bean instanceof DataSource ds && !RoundTripCounter.isCounting(bean)) {
            return RoundTripCounter.INSTANCE.wrap(ds);
          }
          return bean;
        }
      };
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    prepareDatabase();
    registry.add("LIKEMANN_DB_URL", () -> BENCH_URL);
    registry.add("spring.datasource.url", () -> BENCH_URL);
    registry.add("spring.datasource.username", () -> DB_USER);
    registry.add("spring.datasource.password", () -> "");
    registry.add("likemann.admin.password", () -> "bench");
  }

  @BeforeAll
  static void createDatabase() {
    prepareDatabase();
  }

  /** A fresh database likemann_bench, made through database postgres before the application starts. */
  static synchronized void prepareDatabase() {
    if (databaseReady) {
      return;
    }
    DriverManager.setLoginTimeout(5);
    try (Connection c = DriverManager.getConnection(HOST_URL + "postgres", DB_USER, "");
         Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + BENCH_DB + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + BENCH_DB);
    } catch (SQLException e) {
      fail("PostgreSQL is not reachable at 127.0.0.1:5432 as user postgres without a password (trust auth),"
          + " or database " + BENCH_DB + " could not be recreated. Start PostgreSQL and check with"
          + " `pg_isready -h 127.0.0.1`. Cause: " + e.getMessage(), e);
    }
    databaseReady = true;
  }

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired MentorRegister mentors;
  @Autowired FollowUpCalendar calendar;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  private final ObjectMapper json = new ObjectMapper();
  private String mentorId;
  private final Map<Kind, Integer> started = new java.util.EnumMap<>(Kind.class);

  @Test
  void journeyAgainstBaseline() throws Exception {
    assertTrue(RoundTripCounter.isCounting(dataSource), "the application's DataSource is not wrapped for counting");
    repository.createDeployment().name("benchmark-baseline")
        .addClasspathResource("benchmark/baseline-journey.bpmn").deploy();
    deployModelOnly();
    Mentor mentor = mentors.findByUsername("likemann")
        .orElseThrow(() -> new AssertionError("demo mentor 'likemann' is missing: is the demo profile active?"));
    assertTrue(mentor.freeSlots() > 0, "demo mentor 'likemann' has no free slot");
    mentorId = Long.toString(mentor.id());

    // Warm-up: not timed, not counted. The journey checks that the chosen mentor is among the offered options.
    for (int i = 0; i < WARMUP; i++) {
      run(Kind.JOURNEY, null, true);
      run(Kind.BASELINE, null, false);
      run(Kind.MODEL, null, false);
    }

    if (Boolean.getBoolean("benchmark.trace")) {
      trace();
    }

    Map<Kind, Stats[]> stats = new LinkedHashMap<>();
    Map<Kind, long[]> nanos = new LinkedHashMap<>();
    Map<Kind, List<Double>> roundRates = new LinkedHashMap<>();
    for (Kind k : Kind.values()) {
      Stats[] perStep = new Stats[STEPS.size()];
      Arrays.setAll(perStep, i -> new Stats());
      stats.put(k, perStep);
      nanos.put(k, new long[2]);
      roundRates.put(k, new ArrayList<>());
    }

    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    // -Dbenchmark.jfr=file.jfr: a Flight Recorder profile of the measured phase, for finding where CPU time goes.
    String jfrFile = System.getProperty("benchmark.jfr");
    jdk.jfr.Recording recording = null;
    if (jfrFile != null) {
      recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
      recording.start();
    }
    long otherThreadsBefore = RoundTripCounter.INSTANCE.otherThreads.get();
    long wallStart = System.nanoTime();
    int done = 0;
    int round = 0;
    while (done < JOURNEYS) {
      int n = Math.min(ROUND, JOURNEYS - done);
      List<Kind> order = List.of(Kind.values()[round % 3], Kind.values()[(round + 1) % 3],
          Kind.values()[(round + 2) % 3]);
      for (Kind k : order) {
        long blockNanos = 0;
        long cpu0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
          long t0 = System.nanoTime();
          run(k, stats.get(k), false);
          blockNanos += System.nanoTime() - t0;
        }
        nanos.get(k)[0] += blockNanos;
        nanos.get(k)[1] += threads.getCurrentThreadCpuTime() - cpu0;
        roundRates.get(k).add(n / (blockNanos / 1e9));
      }
      done += n;
      round++;
    }
    long wallNanos = System.nanoTime() - wallStart;
    long otherThreads = RoundTripCounter.INSTANCE.otherThreads.get() - otherThreadsBefore;
    if (recording != null) {
      recording.stop();
      recording.dump(Path.of(jfrFile));
      recording.close();
    }

    verifyAllEnded();

    BenchmarkReport.printAndKeep(report(stats, nanos, roundRates, round, wallNanos, otherThreads),
        "journey-benchmark.txt");
  }

  /** -Dbenchmark.trace=true: writes every round trip of one journey of each kind to target/benchmark/trace-*.txt. */
  private void trace() throws IOException {
    for (Kind k : Kind.values()) {
      List<String> lines = new ArrayList<>();
      Stats[] perStep = new Stats[STEPS.size()];
      Arrays.setAll(perStep, i -> new Stats());
      List<String> trace = new ArrayList<>();
      RoundTripCounter.INSTANCE.trace = trace;
      try {
        run(k, perStep, false, step -> {
          // called when a step is done: its name heads the round trips it made
          lines.add("---- " + step);
          lines.addAll(trace);
          trace.clear();
        });
      } finally {
        RoundTripCounter.INSTANCE.trace = null;
      }
      lines.addAll(trace);
      Path file = Path.of("target", "benchmark", "trace-" + k.processKey + ".txt");
      Files.createDirectories(file.getParent());
      Files.write(file, lines, StandardCharsets.UTF_8);
    }
  }

  // ------------------------------------------------------------------ one journey

  /** Runs one journey of the kind end to end; counts its round trips per step into {@code perStep} if given. */
  private void run(Kind kind, Stats[] perStep, boolean checkOptions) {
    run(kind, perStep, checkOptions, step -> { });
  }

  private void run(Kind kind, Stats[] perStep, boolean checkOptions, java.util.function.Consumer<String> stepDone) {
    LocalDate today = LocalDate.now(OSLO);
    String date = today.toString();
    RoundTripCounter counter = RoundTripCounter.INSTANCE;
    try {
      counter.measure(perStep == null ? null : perStep[0]);
      String pid = runtime.startProcessInstanceByKey(kind.processKey, referral()).getId();
      started.merge(kind, 1, Integer::sum);
      stepDone.accept(STEPS.get(0));
      for (int s = 1; s < STEPS.size(); s++) {
        String key = STEPS.get(s);
        counter.measure(perStep == null ? null : perStep[s]);
        if (kind != Kind.BASELINE && Element.LOG_WEEKLY_CONTACTS.equals(key)) {
          // the week's log opens on Monday morning, as the follow-up calendar opens it. Not counted: the calendar's
          // look-up of the coupling, one query per pass for all journeys in follow-up
          ContactWeek week = ContactWeek.before(today, today);
          if (kind == Kind.JOURNEY) {
            counter.measure(null);
            long coupling = jdbc.queryForObject("SELECT c.id FROM coupling c JOIN referral r"
                + " ON r.reference = c.referral_reference WHERE r.process_instance_id = ? AND c.status = 'ACTIVE'",
                Long.class, pid);
            counter.measure(perStep == null ? null : perStep[s]);
            assertEquals(FollowUpCalendar.Outcome.OPENED, calendar.openWeek(coupling, pid, week));
          } else {
            runtime.createMessageCorrelation(ParticipantJourney.MESSAGE_CONTACT_WEEK_ENDED).processInstanceId(pid)
                .setVariablesLocal(Variables.createVariables()
                    .putValueTyped(OPENED_WEEK_START, Variables.stringValue(week.start().toString(), true))
                    .putValueTyped(OPENED_WEEK_END, Variables.stringValue(week.end().toString(), true))
                    .putValueTyped(OPENED_WEEK_COUPLING_ID, Variables.longValue(0L, true)))
                .correlate();
          }
        }
        String in = pid;
        if (kind != Kind.BASELINE && Element.LOG_WEEKLY_CONTACTS.equals(key)) {
          // the week's log is a process of its own, called by the journey
          in = runtime.createProcessInstanceQuery().superProcessInstanceId(pid).singleResult().getId();
        }
        Task task = tasks.createTaskQuery().processInstanceId(in).taskDefinitionKey(key).singleResult();
        if (task == null) {
          throw new AssertionError(kind + " " + pid + ": no open task " + key);
        }
        if (checkOptions && Element.MATCH_MENTOR.equals(key)) {
          counter.measure(null);
          checkMentorOffered(task.getId());
          counter.measure(perStep == null ? null : perStep[s]);
        }
        tasks.complete(task.getId(), completion(key, date));
        stepDone.accept(key);
      }
    } finally {
      counter.measure(null);
    }
  }

  private void checkMentorOffered(String taskId) {
    Object options = tasks.getVariable(taskId, MENTOR_OPTIONS);
    assertNotNull(options, "matchMentor sees no mentorOptions");
    Set<String> values = new HashSet<>();
    try {
      json.readTree(options.toString()).forEach(o -> values.add(o.path("value").asText()));
    } catch (IOException e) {
      throw new AssertionError("mentorOptions is not a JSON list: " + options, e);
    }
    assertTrue(values.contains(mentorId), "mentor " + mentorId + " is not offered in mentorOptions " + values);
  }

  /** The referral, as a counsellor sends it (forms/referralReceived.form). */
  private static Map<String, Object> referral() {
    return HappyPath.referral("skien");
  }

  /** What each task's form submits on the happy path (the baseline gets the very same variables). */
  private Map<String, Object> completion(String taskKey, String date) {
    return HappyPath.completion(taskKey, date, mentorId);
  }

  /**
   * The journey's BPMN under another key, every application bean replaced by one stand-in that sets only the variables
   * the model itself reads (references, the reserved mentor, the week) and touches no table: the engine's cost of the
   * model, so that journey minus model is what the application's code costs.
   */
  private void deployModelOnly() throws IOException {
    String xml = new String(new org.springframework.core.io.ClassPathResource("processes/participant-journey.bpmn")
        .getInputStream().readAllBytes(), StandardCharsets.UTF_8)
        .replace("id=\"" + ParticipantJourney.PROCESS_KEY + "\"", "id=\"" + MODEL_KEY + "\"")
        .replace("bpmnElement=\"" + ParticipantJourney.PROCESS_KEY + "\"", "bpmnElement=\"" + MODEL_KEY + "\"")
        .replaceAll("delegateExpression=\"\\$\\{[A-Za-z]+\\}\"", "delegateExpression=\"\\${benchmarkStandIn}\"");
    String week = new String(new org.springframework.core.io.ClassPathResource("processes/contact-week.bpmn")
        .getInputStream().readAllBytes(), StandardCharsets.UTF_8)
        .replaceAll("delegateExpression=\"\\$\\{[A-Za-z]+\\}\"", "delegateExpression=\"\\${benchmarkStandIn}\"");
    var deployment = repository.createDeployment().name("benchmark-model-only")
        .addString("journey-model-only.bpmn", xml)
        .addString("contact-week-model-only.bpmn", week)
        .addClasspathResource("processes/referral-priority.dmn");
    for (var form : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
        .getResources("classpath:forms/*.form")) {
      deployment.addInputStream(form.getFilename(), form.getInputStream());
    }
    deployment.deploy();
  }

  /** The stand-in for every application bean in {@link #MODEL_KEY}. */
  @TestConfiguration(proxyBeanMethods = false)
  static class StandIn {
    @Bean
    static Object benchmarkStandIn() {
      return new StandInBean();
    }
  }

  static final class StandInBean implements org.camunda.bpm.engine.delegate.JavaDelegate,
      org.camunda.bpm.engine.delegate.ExecutionListener, org.camunda.bpm.engine.delegate.TaskListener {

    private final java.util.concurrent.atomic.AtomicLong numbers = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public void execute(org.camunda.bpm.engine.delegate.DelegateExecution e) {
      switch (e.getCurrentActivityId()) {
        case Element.REGISTER_REFERRAL -> {
          String reference = "MOD-" + numbers.incrementAndGet();
          e.setVariable(REFERRAL_REFERENCE, reference);
          e.setProcessBusinessKey(reference);
          // as the register: whether the municipality's view came with the referral, which the model routes on;
          // the referral's words and the view go to the project's tables, so they leave the process here too
          e.setVariable(MUNICIPALITY_VIEW_GIVEN, e.getVariable(MUNICIPALITY_VIEW) != null);
          e.removeVariable(SUBSTANCE_HISTORY);
          e.removeVariable(FUTURE_WISHES);
          e.removeVariable(MUNICIPALITY_VIEW);
          e.removeVariable(MUNICIPALITY_VIEW_NOTE);
          e.removeVariable(EARLIER_REFERENCE);
        }
        case Element.RESERVE_MENTOR -> {
          e.setVariable(COUPLING_ID, numbers.incrementAndGet());
          e.setVariable(MENTOR_USERNAME, "likemann");
          e.setVariable(MENTOR_NAME, "Lars Likemann");
        }
        case Element.START_COUPLING -> e.setVariable(COUPLED_ON, LocalDate.now(OSLO).toString());
        case Element.RECORD_WEEKLY_CONTACTS -> {
          e.removeVariable(CONTACT_COUNT);
          for (int i = 1; i <= MAX_CONTACTS; i++) {
            e.removeVariable(contact(i));
          }
        }
        default -> { }
      }
    }

    @Override
    public void notify(org.camunda.bpm.engine.delegate.DelegateExecution e) {
      if (Element.WEEKLY_CONTACTS.equals(e.getCurrentActivityId())
          && org.camunda.bpm.engine.delegate.ExecutionListener.EVENTNAME_START.equals(e.getEventName())) {
        // the week as the calendar sent it (transient), kept as the week's own variables
        var week = new ContactWeek(LocalDate.parse((String) e.getVariable(OPENED_WEEK_START)),
            LocalDate.parse((String) e.getVariable(OPENED_WEEK_END)));
        e.setVariableLocal(WEEK_START, week.start().toString());
        e.setVariableLocal(WEEK_END, week.end().toString());
        e.setVariableLocal(WEEK_LABEL, week.label());
        e.setVariableLocal(WEEK_COUPLING_ID, e.getVariable(COUPLING_ID));
      }
    }

    @Override
    public void notify(org.camunda.bpm.engine.delegate.DelegateTask t) {
      if (Element.MATCH_MENTOR.equals(t.getTaskDefinitionKey())
          && org.camunda.bpm.engine.delegate.TaskListener.EVENTNAME_CREATE.equals(t.getEventName())) {
        t.setVariable(MENTOR_OPTIONS, SpinValues.jsonValue("[{\"label\":\"Lars Likemann\",\"value\":\"1\"}]")
            .create());
      }
    }
  }

  // ------------------------------------------------------------------ checks

  private void verifyAllEnded() {
    for (Kind k : Kind.values()) {
      int expected = started.getOrDefault(k, 0);
      String end = k == Kind.BASELINE ? BASELINE_END : Element.JOURNEY_CLOSED;
      List<HistoricProcessInstance> all = history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(k.processKey).list();
      assertEquals(expected, all.size(), k.processKey + ": instances started");
      List<String> notEnded = all.stream()
          .filter(h -> !"COMPLETED".equals(h.getState()) || !end.equals(h.getEndActivityId()))
          .map(h -> h.getId() + " " + h.getState() + " " + h.getEndActivityId()).limit(5).toList();
      assertTrue(notEnded.isEmpty(), k.processKey + ": instances that did not end in " + end + ": " + notEnded);
      assertEquals(0, runtime.createProcessInstanceQuery().processDefinitionKey(k.processKey).count(),
          k.processKey + ": instances still running");
    }
    int expected = started.getOrDefault(Kind.JOURNEY, 0);
    assertEquals(expected, jdbc.queryForObject("SELECT count(*) FROM referral WHERE outcome = 'CLOSED'"
        + " AND closing_reason = 'goalsReached'", Integer.class), "referrals closed");
    assertEquals(expected, jdbc.queryForObject("SELECT count(*) FROM coupling WHERE status = 'ENDED'", Integer.class),
        "couplings ended");
    assertEquals(expected, jdbc.queryForObject("SELECT count(*) FROM weekly_contact_log", Integer.class),
        "weeks logged");
    assertEquals(2 * expected, jdbc.queryForObject("SELECT count(*) FROM contact_log", Integer.class),
        "contacts logged (two a week)");
    assertEquals(0, jdbc.queryForObject("SELECT coalesce(sum(current_load), 0) FROM mentor", Integer.class),
        "mentor slots still taken");
  }

  // ------------------------------------------------------------------ report

  private String report(Map<Kind, Stats[]> stats, Map<Kind, long[]> nanos, Map<Kind, List<Double>> roundRates,
                        int rounds, long wallNanos, long otherThreads) {
    Map<Kind, Stats> total = new LinkedHashMap<>();
    for (Kind k : Kind.values()) {
      Stats t = new Stats();
      for (Stats s : stats.get(k)) {
        t.addAll(s);
      }
      total.put(k, t);
    }
    Stats j = total.get(Kind.JOURNEY);
    Stats b = total.get(Kind.BASELINE);
    double n = JOURNEYS;
    double jSec = nanos.get(Kind.JOURNEY)[0] / 1e9;
    double bSec = nanos.get(Kind.BASELINE)[0] / 1e9;
    double jRate = JOURNEYS / jSec;
    double bRate = JOURNEYS / bSec;
    double ratio = jRate / bRate;
    double addedRoundTrips = (j.roundTrips - b.roundTrips) / n;
    double projectWrites = j.projectWrites / n;
    double beyondWrites = addedRoundTrips - projectWrites;

    StringBuilder o = new StringBuilder();
    String line = "=".repeat(100);
    o.append('\n').append(line).append('\n');
    o.append("LIKEMANN JOURNEY BENCHMARK  (participantJourney against baselineJourney, same JVM, same database)\n");
    o.append(line).append('\n');
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    o.append(String.format("JVM:        %s %s (%s), %d CPUs, max heap %d MB%n", System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024)));
    o.append(String.format("Database:   %s%n", jdbc.queryForObject("SELECT version()", String.class)));
    o.append(String.format("            %s, JDBC driver %s, pool max %s%n", BENCH_URL, driverVersion(), poolSize()));
    o.append(String.format("Software:   Camunda %s, Spring Boot %s; history level %s, JDBC batch processing %s,"
            + " authorization %s (no authenticated user)%n", ProcessEngine.class.getPackage().getImplementationVersion(),
        SpringBootVersion.getVersion(), cfg.getHistory(), cfg.isJdbcBatchProcessing(),
        cfg.isAuthorizationEnabled() ? "enabled" : "disabled"));
    o.append(String.format("Run:        warm-up %d + %d; measured %d + %d in %d rounds of up to %d, alternating"
        + " which kind goes first; wall %.1f s%n", WARMUP, WARMUP, JOURNEYS, JOURNEYS, rounds, ROUND, wallNanos / 1e9));
    o.append("Round trip: one execute/executeQuery/executeUpdate/executeBatch call, or one commit/rollback, on the\n"
        + "            benchmark thread (a JDBC batch counts once; its statements count as statements). Includes\n"
        + "            the client's task query before each completion (identical for both kinds).\n");
    o.append('\n');
    o.append(String.format("%-20s %8s %9s %11s %26s %12s %12s%n", "", "journeys", "seconds", "journeys/s",
        "per round min/median/max", "round trips", "statements"));
    o.append(String.format("%-20s %8s %9s %11s %26s %12s %12s%n", "", "", "", "", "(journeys/s)", "per journey",
        "per journey"));
    for (Kind k : Kind.values()) {
      Stats t = total.get(k);
      List<Double> r = new ArrayList<>(roundRates.get(k));
      r.sort(Double::compare);
      double sec = nanos.get(k)[0] / 1e9;
      o.append(String.format("%-20s %8d %9.2f %11.1f %26s %12.1f %12.1f%n", k.processKey, JOURNEYS, sec,
          JOURNEYS / sec, String.format("%.1f / %.1f / %.1f", r.get(0), r.get(r.size() / 2), r.get(r.size() - 1)),
          t.roundTrips / n, t.statements / n));
    }
    o.append('\n');
    for (Kind k : Kind.values()) {
      Stats t = total.get(k);
      o.append(String.format("%-20s per journey: engine (ACT_*) %.1f | project tables %.1f (writes %.1f, reads %.1f)"
              + " | commits %.1f | rollbacks %.1f | other %.1f%n", k.processKey, t.engine / n, t.project / n,
          t.projectWrites / n, t.projectReads / n, t.commits / n, t.rollbacks / n, t.other / n));
    }
    for (Kind k : Kind.values()) {
      double wallMs = nanos.get(k)[0] / 1e6 / n;
      double cpuMs = nanos.get(k)[1] / 1e6 / n;
      o.append(String.format("%-20s per journey: %.2f ms wall = %.2f ms CPU on the benchmark thread"
          + " + %.2f ms waiting (database, I/O, other processes); %.3f ms wall per round trip%n", k.processKey,
          wallMs, cpuMs, wallMs - cpuMs, wallMs / (total.get(k).roundTrips / n)));
    }
    o.append(String.format("Round trips on other threads (job executor, pool) during the measured phase: %d%n",
        otherThreads));
    o.append('\n');
    o.append(String.format("Throughput ratio journey/baseline: %.3f  (%.1f vs %.1f journeys/s; %.2f vs %.2f ms"
        + " per journey)%n", ratio, jRate, bRate, 1000 * jSec / n, 1000 * bSec / n));
    o.append(String.format("Round trips per journey: journey %.1f, baseline %.1f, difference %+.1f"
            + " (engine %+.1f, project tables %+.1f, commits %+.1f, other %+.1f)%n",
        j.roundTrips / n, b.roundTrips / n, addedRoundTrips, (j.engine - b.engine) / n,
        (j.project - b.project) / n, (j.commits - b.commits) / n, (j.other - b.other) / n));
    Stats m = total.get(Kind.MODEL);
    double mSec = nanos.get(Kind.MODEL)[0] / 1e9;
    o.append(String.format("The application's own cost (journey against %s, the same model with stand-ins for the"
            + " application's beans): ratio %.3f (%.2f vs %.2f ms per journey); round trips %+.1f per journey"
            + " (project tables %+.1f, engine %+.1f, commits %+.1f)%n", MODEL_KEY, (JOURNEYS / jSec) / (JOURNEYS / mSec),
        1000 * jSec / n, 1000 * mSec / n, (j.roundTrips - m.roundTrips) / n, (j.project - m.project) / n,
        (j.engine - m.engine) / n, (j.commits - m.commits) / n));
    o.append(String.format("TARGET journey at least as fast as baseline (ratio >= 1.00): %s (ratio %.3f)%n",
        ratio >= 1.0 ? "MET" : "NOT MET", ratio));
    o.append(String.format("TARGET no round trips added beyond the project's own table writes, against the plain"
            + " baseline (difference %.1f <= project writes %.1f): %s (%+.1f round trips per journey beyond the writes)%n",
        addedRoundTrips, projectWrites, beyondWrites <= 0.0 ? "MET" : "NOT MET", beyondWrites));
    double byCode = (j.roundTrips - m.roundTrips) / n;
    double byCodeBeyond = byCode - projectWrites;
    o.append(String.format("TARGET the same, against the journey's own model without application code (%s)"
            + " (difference %.1f <= project writes %.1f): %s (%+.1f beyond the writes: project reads %.1f, engine %+.1f,"
            + " commits %+.1f)%n", MODEL_KEY, byCode, projectWrites, byCodeBeyond <= 0.0 ? "MET" : "NOT MET",
        byCodeBeyond, j.projectReads / n, (j.engine - m.engine) / n, (j.commits - m.commits) / n));

    o.append('\n').append("Round trips per journey by step (the step's task query + completion; start = start call)\n");
    o.append(String.format("  %-24s %9s %9s %7s   %s%n", "step", "journey", "baseline", "diff",
        "journey: engine / project writes / project reads / commits"));
    for (int s = 0; s < STEPS.size(); s++) {
      Stats js = stats.get(Kind.JOURNEY)[s];
      Stats bs = stats.get(Kind.BASELINE)[s];
      o.append(String.format("  %-24s %9.1f %9.1f %+7.1f   %.1f / %.1f / %.1f / %.1f%n", STEPS.get(s),
          js.roundTrips / n, bs.roundTrips / n, (js.roundTrips - bs.roundTrips) / n, js.engine / n,
          js.projectWrites / n, js.projectReads / n, js.commits / n));
    }

    o.append('\n').append("Round trips per journey by statement kind (verb + first table), largest differences first\n");
    appendDiff(o, j.byTable, b.byTable, n, 40, 28);
    o.append('\n').append("Round trips per journey by SQL (first 60 characters), largest differences first\n");
    appendDiff(o, j.bySql, b.bySql, n, 50, 60);
    o.append('\n').append("Per step: SQL (first 60 characters) whose round trips per journey differ from the baseline's\n");
    for (int s = 0; s < STEPS.size(); s++) {
      Stats js = stats.get(Kind.JOURNEY)[s];
      Stats bs = stats.get(Kind.BASELINE)[s];
      o.append(String.format("  [%s] %+.1f round trips, %+.1f statements%n", STEPS.get(s),
          (js.roundTrips - bs.roundTrips) / n, (js.statements - bs.statements) / n));
      appendChanged(o, js.bySql, bs.bySql, n);
    }
    o.append(line).append('\n');
    return o.toString();
  }

  private static void appendDiff(StringBuilder o, Map<String, long[]> j, Map<String, long[]> b, double n, int max,
                                 int width) {
    Set<String> keys = new TreeSet<>(j.keySet());
    keys.addAll(b.keySet());
    List<String> sorted = new ArrayList<>(keys);
    sorted.sort((x, y) -> {
      double dx = Math.abs(get(j, x, 0) - get(b, x, 0));
      double dy = Math.abs(get(j, y, 0) - get(b, y, 0));
      int c = Double.compare(dy, dx);
      return c != 0 ? c : Long.compare(get(j, y, 0), get(j, x, 0));
    });
    o.append(String.format("  %-" + width + "s %8s %8s %7s %10s %10s%n", "", "journey", "baseline", "diff",
        "stmts j", "stmts b"));
    int shown = 0;
    for (String k : sorted) {
      if (shown++ >= max) {
        o.append(String.format("  ... %d more kinds%n", sorted.size() - max));
        break;
      }
      o.append(String.format("  %-" + width + "s %8.2f %8.2f %+7.2f %10.2f %10.2f%n", k, get(j, k, 0) / n,
          get(b, k, 0) / n, (get(j, k, 0) - get(b, k, 0)) / n, get(j, k, 1) / n, get(b, k, 1) / n));
    }
  }

  /** Only the keys whose round trips or statements differ, largest round-trip differences first. */
  private static void appendChanged(StringBuilder o, Map<String, long[]> j, Map<String, long[]> b, double n) {
    Set<String> keys = new TreeSet<>(j.keySet());
    keys.addAll(b.keySet());
    keys.stream()
        .filter(k -> get(j, k, 0) != get(b, k, 0) || get(j, k, 1) != get(b, k, 1))
        .sorted((x, y) -> Long.compare(Math.abs(get(j, y, 0) - get(b, y, 0)), Math.abs(get(j, x, 0) - get(b, x, 0))))
        .forEach(k -> o.append(String.format("      %-60s rt %+6.2f  stmts %+6.2f%n", k,
            (get(j, k, 0) - get(b, k, 0)) / n, (get(j, k, 1) - get(b, k, 1)) / n)));
  }

  private static long get(Map<String, long[]> m, String k, int i) {
    long[] v = m.get(k);
    return v == null ? 0 : v[i];
  }

  private String driverVersion() {
    return jdbc.execute((Connection c) -> c.getMetaData().getDriverVersion());
  }

  private String poolSize() {
    try {
      return Integer.toString(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize());
    } catch (SQLException e) {
      return "?";
    }
  }
}
