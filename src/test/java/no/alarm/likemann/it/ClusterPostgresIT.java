package no.alarm.likemann.it;

import static no.alarm.likemann.journey.ParticipantJourney.Element.ASSESS_REFERRAL;
import static no.alarm.likemann.journey.ParticipantJourney.Element.BRING_PARTICIPANT_BACK;
import static no.alarm.likemann.journey.ParticipantJourney.Element.HOLD_COUPLING_MEETING;
import static no.alarm.likemann.journey.ParticipantJourney.Element.HOLD_INFORMATION_MEETING;
import static no.alarm.likemann.journey.ParticipantJourney.Element.LOG_WEEKLY_CONTACTS;
import static no.alarm.likemann.journey.ParticipantJourney.Element.MATCH_MENTOR;
import static no.alarm.likemann.journey.ParticipantJourney.Var.INFORMATION_MEETING_DATE;
import static no.alarm.likemann.journey.ParticipantJourney.Var.MENTOR_ID;
import static no.alarm.likemann.journey.ParticipantJourney.Var.MUNICIPALITY_VIEW;
import static no.alarm.likemann.journey.ParticipantJourney.Var.NO_MENTOR_FITS;
import static no.alarm.likemann.journey.ParticipantJourney.Var.PARTICIPANT_WANTS_MENTOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.alarm.likemann.support.Referrals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes on one PostgreSQL database (issue 16): two processes of the packaged application, as docker-compose
 * runs them behind its proxy, with the demo users. The tests run in order, on the same two nodes:
 * <ol>
 *   <li>the first node makes the database, the second starts on it and deploys nothing of its own; a webapp login
 *   on one node is a login on the other;</li>
 *   <li>journeys are driven through the REST API alternately on both nodes into follow-up; both nodes are then
 *   restarted at the same moment, with the follow-up calendar, the silence watch and the task e-mail all due at the
 *   same minute on both: every week is opened once, every warning raised once, every e-mail sent once, and the
 *   login made before the restart still holds;</li>
 *   <li>under a load of referrals taken to their coupling, one node is killed ({@code kill -9}): the other carries
 *   on, no acknowledged referral is lost or doubled, every mentor's load equals their open couplings, and the jobs
 *   the dead node held are done by the other once their lock time is over.</li>
 * </ol>
 * The database is {@code likemann_cluster} beside the other tests' {@code test} (same server, made afresh).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterPostgresIT {

  private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
  private static final String TODAY = ZonedDateTime.now(OSLO).toLocalDate().toString();
  private static final String DATABASE = "likemann_cluster";
  /** The job executor's lock on a job: short here, so that the dead node's jobs are taken over within the test. */
  private static final Duration JOB_LOCK = Duration.ofSeconds(15);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static String url;
  private static Path jar;
  private static FakeSmtp smtp;
  private static Node a;
  private static Node b;
  private static Webapp login;
  private static long mentorId;
  private static final List<String> followed = new ArrayList<>();

  @BeforeAll
  static void database() throws Exception {
    String server = PostgresTestDatabase.URL.substring(0, PostgresTestDatabase.URL.lastIndexOf('/') + 1);
    try (Connection c = DriverManager.getConnection(PostgresTestDatabase.URL, PostgresTestDatabase.USER,
        PostgresTestDatabase.PASSWORD); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + DATABASE);
    } catch (SQLException e) {
      PostgresTestDatabase.prepare();
      throw e;
    }
    url = server + DATABASE;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar = files.filter(p -> p.getFileName().toString().matches("likemann-.*\\.jar")).findFirst().orElseThrow(
          () -> new IllegalStateException("the packaged application is missing: run ./mvnw verify"));
    }
    smtp = new FakeSmtp();
  }

  @AfterAll
  static void stopAll() throws Exception {
    for (Node n : new Node[] {a, b}) {
      if (n != null) {
        n.stop();
      }
    }
    if (smtp != null) {
      smtp.close();
    }
  }

  @Test
  @Order(1)
  void aSecondNodeStartsOnTheFirstsDatabaseAndALoginHoldsOnBoth() throws Exception {
    a = Node.start("a", url, quiet());
    a.awaitReady(Duration.ofSeconds(120));
    long deployments = count("SELECT COUNT(*) FROM act_re_deployment");
    b = Node.start("b", url, quiet());
    b.awaitReady(Duration.ofSeconds(120));
    assertThat(count("SELECT COUNT(*) FROM act_re_deployment")).as("the second node deploys nothing new")
        .isEqualTo(deployments);

    login = Webapp.logIn(a.base(), "koordinator");
    HttpResponse<String> onB = login.at(b.base()).get("/camunda/api/admin/auth/user/default");
    assertThat(onB.statusCode()).as(onB.body()).isEqualTo(200);
    assertThat(JSON.readTree(onB.body()).path("userId").asText()).isEqualTo("koordinator");
    long sessions = count("SELECT COUNT(*) FROM spring_session");
    assertThat(sessions).as("the login lives in the database").isPositive();
    // the REST API's Basic logins make no session
    for (Node n : new Node[] {a, b}) {
      assertThat(get(n, "/engine-rest/task?maxResults=1", "koordinator").statusCode()).isEqualTo(200);
      assertThat(get(n, "/api/referrals", "ruskonsulent").statusCode()).isEqualTo(200);
    }
    assertThat(count("SELECT COUNT(*) FROM spring_session")).as("sessions after REST calls").isEqualTo(sessions);
  }

  @Test
  @Order(2)
  void theMorningsWorkRunsOnceWhenItIsDueOnBothNodesAtTheSameMoment() throws Exception {
    mentorId = count("SELECT id FROM mentor WHERE username = 'likemann'");
    sql("UPDATE mentor SET capacity = 40 WHERE id = " + mentorId);
    for (int i = 0; i < 6; i++) {
      Node first = i % 2 == 0 ? a : b;
      Node second = first == a ? b : a;
      String journey = refer(first);
      drive(journey, first, second);
      followed.add(journey);
    }
    // five weeks pass: the couplings began 35 days ago, and no contact has reached the participants since
    sql("UPDATE coupling SET started_at = started_at - INTERVAL '35 days' WHERE status = 'ACTIVE'");

    // both nodes restart together, and all three schedules fall due at the same minute on both
    a.stop();
    b.stop();
    ZonedDateTime due = ZonedDateTime.now(OSLO).plusSeconds(100).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    String cron = due.getSecond() + " " + due.getMinute() + " " + due.getHour() + " * * *";
    List<String> scheduled = new ArrayList<>(List.of(
        "--likemann.follow-up-calendar.cron=" + cron, "--likemann.silence-watch.cron=" + cron,
        "--likemann.task-digest.enabled=true", "--likemann.task-digest.cron=" + cron,
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port()));
    long deployments = count("SELECT COUNT(*) FROM act_re_deployment");
    a = Node.start("a", url, withQuiet(scheduled));
    b = Node.start("b", url, withQuiet(scheduled));
    a.awaitReady(Duration.ofSeconds(150));
    b.awaitReady(Duration.ofSeconds(150));
    assertThat(Instant.now()).as("both nodes up before the work is due at " + due).isBefore(due.toInstant());
    assertThat(count("SELECT COUNT(*) FROM act_re_deployment")).as("two nodes starting together deploy nothing new")
        .isEqualTo(deployments);
    // the login made before the restart goes on, on either node
    assertThat(login.at(b.base()).get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
    assertThat(login.at(a.base()).get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);

    Thread.sleep(Math.max(0, Duration.between(Instant.now(), due.toInstant()).toMillis()) + 5_000);
    String ids = followed.stream().map(j -> "'" + j + "'").collect(Collectors.joining(","));
    eventually(Duration.ofSeconds(90), () -> count("SELECT COUNT(*) FROM task_digest") > 0
        && count("SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = '" + BRING_PARTICIPANT_BACK
        + "' AND proc_inst_id_ IN (" + ids + ")") == followed.size());
    Thread.sleep(5_000);

    for (String journey : followed) {
      long coupling = count("SELECT c.id FROM coupling c JOIN referral r ON r.reference = c.referral_reference"
          + " WHERE r.process_instance_id = '" + journey + "'");
      long weeks = count("SELECT COUNT(*) FROM contact_week WHERE coupling_id = " + coupling);
      long logTasks = count("SELECT COUNT(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_"
          + " WHERE t.task_def_key_ = '" + LOG_WEEKLY_CONTACTS + "' AND e.super_exec_ IN (SELECT id_ FROM"
          + " act_ru_execution WHERE proc_inst_id_ = '" + journey + "')");
      assertThat(weeks).as("weeks opened for journey " + journey).isEqualTo(4);
      assertThat(logTasks).as("a weekly log task per week opened, journey " + journey).isEqualTo(weeks);
      assertThat(count("SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = '" + BRING_PARTICIPANT_BACK
          + "' AND proc_inst_id_ = '" + journey + "'")).as("one silence warning, journey " + journey).isEqualTo(1);
    }
    Map<String, Long> mails = smtp.recipients().stream().collect(Collectors.groupingBy(r -> r,
        Collectors.counting()));
    assertThat(mails).as("task e-mails").isNotEmpty().allSatisfy((to, n) -> assertThat(n).as(to).isEqualTo(1));
    assertThat(count("SELECT COUNT(*) FROM task_digest WHERE digest_date = CURRENT_DATE"))
        .isEqualTo(mails.size());
    System.out.printf("%nTwo nodes, the morning's work due on both at %s: %d journeys, %d weeks opened, %d"
        + " warnings, %d task e-mails to %d people%n%n", due.toLocalTime(), followed.size(),
        count("SELECT COUNT(*) FROM contact_week"), followed.size(), smtp.recipients().size(), mails.size());
  }

  @Test
  @Order(3)
  void whenANodeIsKilledUnderLoadTheOtherCarriesOnAndNothingIsLostOrDoubled() throws Exception {
    int perWorker = 8;
    List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicInteger cutOff = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(2);
    List<java.util.concurrent.Future<?>> load = new ArrayList<>();
    for (Node home : new Node[] {a, b}) {
      load.add(workers.submit(() -> {
        for (int i = 0; i < perWorker; i++) {
          Node first = home.alive() ? home : a;
          String journey;
          try {
            journey = refer(first);
          } catch (IOException cut) {
            // a referral whose answer never came: the counsellor does not know whether it was made
            cutOff.incrementAndGet();
            continue;
          }
          acknowledged.add(journey);
          drive(journey, first, first == a ? b : a);
        }
        return null;
      }));
    }
    // in the middle of the load, node b goes without a word
    eventually(Duration.ofSeconds(120), () -> acknowledged.size() >= perWorker / 2);
    // node b dies in the middle of jobs: the mentors' month-end timers fall due while node a is paused (SIGSTOP),
    // so that b's job executor takes them; their instances are held (a row lock of this test's), so that b cannot
    // finish them before it is killed
    List<String> heldByTheDead;
    String timers = "SELECT j.id_ FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_"
        + " WHERE d.act_id_ = 'waitForMonthEnd'";
    List<String> monthEnds = ids(timers);
    assertThat(monthEnds).as("the active mentors' month-end timers").isNotEmpty();
    String inList = monthEnds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    long tasksBefore = count("SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = 'recordSupervision'");
    a.pause();
    try (Connection holder = connection()) {
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        s.executeQuery("SELECT id_ FROM act_ru_execution WHERE proc_inst_id_ IN (SELECT process_instance_id_ FROM"
            + " act_ru_job WHERE id_ IN (" + inList + ")) FOR UPDATE").close();
      }
      sql("UPDATE act_ru_job SET duedate_ = now() - INTERVAL '1 second' WHERE id_ IN (" + inList + ")");
      eventually(Duration.ofSeconds(30), () -> count("SELECT COUNT(*) FROM act_ru_job WHERE id_ IN (" + inList
          + ") AND lock_owner_ IS NOT NULL") == monthEnds.size());
      heldByTheDead = ids("SELECT id_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL");
      b.kill();
      holder.rollback();
    } finally {
      a.resume();
    }
    // the dead node's jobs stay locked until their lock runs out
    assertThat(count("SELECT COUNT(*) FROM act_ru_job WHERE id_ IN (" + inList + ") AND lock_owner_ IS NOT NULL"
        + " AND lock_exp_time_ > now()")).as("the dead node's locks, still in force").isEqualTo(monthEnds.size());
    String lockRunsOut = ids("SELECT CAST(MIN(lock_exp_time_) AS VARCHAR) FROM act_ru_job WHERE id_ IN (" + inList
        + ")").get(0);
    for (var worker : load) {
      worker.get(5, TimeUnit.MINUTES);
    }
    workers.shutdown();

    // then the living node does them, and every other job that is due
    eventually(JOB_LOCK.plusSeconds(90), () -> count("SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0"
        + " AND suspension_state_ = 1 AND (duedate_ IS NULL OR duedate_ <= now())") == 0);
    assertThat(count("SELECT COUNT(*) FROM act_hi_job_log WHERE job_id_ IN (" + inList + ") AND job_state_ = 2"))
        .as("each of the dead node's jobs done once").isEqualTo(monthEnds.size());
    assertThat(count("SELECT COUNT(*) FROM act_hi_job_log WHERE job_id_ IN (" + inList + ") AND job_state_ = 2"
        + " AND timestamp_ < CAST('" + lockRunsOut + "' AS TIMESTAMP)")).as("none before its lock ran out").isZero();
    assertThat(count("SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = 'recordSupervision'"))
        .as("a supervision task for each month-end the dead node had taken").isEqualTo(tasksBefore + monthEnds.size());
    assertThat(count("SELECT COUNT(*) FROM act_ru_job WHERE lock_exp_time_ > now() + INTERVAL '"
        + JOB_LOCK.toSeconds() + " seconds'")).as("no job locked for longer than its lock time").isZero();
    assertThat(ids("SELECT id_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL AND lock_exp_time_ < now()"))
        .as("no job still held by a lock that has run out").isEmpty();

    // every acknowledged referral is there once, and has reached its coupling
    for (String journey : acknowledged) {
      assertThat(count("SELECT COUNT(*) FROM referral WHERE process_instance_id = '" + journey + "'"))
          .as("referral of journey " + journey).isEqualTo(1);
      assertThat(count("SELECT COUNT(*) FROM coupling c JOIN referral r ON r.reference = c.referral_reference"
          + " WHERE r.process_instance_id = '" + journey + "' AND c.status = 'ACTIVE'"))
          .as("coupling of journey " + journey).isEqualTo(1);
    }
    long total = count("SELECT COUNT(*) FROM referral") - followed.size();
    assertThat(total).as("referrals: those acknowledged, and at most those cut off in flight")
        .isBetween((long) acknowledged.size(), (long) acknowledged.size() + cutOff.get());
    // every mentor's load is their couplings that hold a place
    Map<Long, Long> loads = pairs("SELECT id, current_load FROM mentor");
    Map<Long, Long> holding = pairs("SELECT m.id, (SELECT COUNT(*) FROM coupling c WHERE c.mentor_id = m.id"
        + " AND c.status IN ('RESERVED', 'ACTIVE')) FROM mentor m");
    assertThat(loads).isEqualTo(holding);
    // the node left serves the login made on the first day
    assertThat(login.at(a.base()).get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
    System.out.printf("%nNode b killed under load (2 workers, %d referrals each, to their coupling): %d"
        + " acknowledged and coupled, %d cut off in flight; %d jobs locked by the dead node, done by the other after"
        + " their lock ran out%n%n", perWorker,
        acknowledged.size(), cutOff.get(), heldByTheDead.size());
  }

  // --- a journey through the REST API -------------------------------------------------------------------------

  /** A counsellor refers through the start form's REST call; returns the journey's process instance id. */
  private static String refer(Node node) throws Exception {
    Map<String, Object> values = Referrals.with(MUNICIPALITY_VIEW, "offer");
    HttpResponse<String> started = post(node, "/engine-rest/process-definition/key/participantJourney/submit-form",
        "ruskonsulent", variables(values));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return JSON.readTree(started.body()).path("id").asText();
  }

  /** The coordinator takes the journey to its coupling, each step on the other node than the one before. */
  private static void drive(String journey, Node first, Node second) throws Exception {
    Node[] turns = {second, first};
    step(journey, ASSESS_REFERRAL, Map.of("assessment", "offer"), turns[0]);
    step(journey, HOLD_INFORMATION_MEETING, Map.of(INFORMATION_MEETING_DATE, TODAY, "participantAttended", true,
        PARTICIPANT_WANTS_MENTOR, "yes"), turns[1]);
    step(journey, MATCH_MENTOR, Map.of(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(mentorId)), turns[0]);
    step(journey, HOLD_COUPLING_MEETING, ApplicationTestSupport.couplingContract(true), turns[1]);
  }

  /**
   * The coordinator claims and completes the journey's task on the node, as Tasklist does. Where the node is
   * gone, the proxy sends the request to the one left: a completion cut off in flight has either happened (the
   * task is gone) or not (it is still there, and is done again).
   */
  private static void step(String journey, String key, Map<String, Object> values, Node preferred) throws Exception {
    boolean sent = false;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Node node = preferred.alive() ? preferred : a;
      try {
        JsonNode found = JSON.readTree(get(node, "/engine-rest/task?processInstanceId=" + journey
            + "&taskDefinitionKey=" + key, "koordinator").body());
        if (found.isEmpty()) {
          if (sent) {
            return;
          }
          Thread.sleep(200);
          continue;
        }
        String task = found.get(0).path("id").asText();
        if (found.get(0).path("assignee").isNull()) {
          post(node, "/engine-rest/task/" + task + "/claim", "koordinator", "{\"userId\":\"koordinator\"}");
        }
        sent = true;
        HttpResponse<String> done = post(node, "/engine-rest/task/" + task + "/submit-form", "koordinator",
            variables(values));
        assertThat(done.statusCode()).as(key + " on node " + node.name + ": " + done.body()).isIn(200, 204);
        return;
      } catch (IOException nodeGone) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError("task " + key + " of journey " + journey + " never came");
  }

  private static String variables(Map<String, Object> values) throws Exception {
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return JSON.writeValueAsString(Map.of("variables", typed));
  }

  private static HttpResponse<String> get(Node node, String path, String user) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", basic(user)).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(Node node, String path, String user, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", basic(user)).header("Content-Type", "application/json")
        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  // --- the database, read directly ----------------------------------------------------------------------------

  private static long count(String query) throws SQLException {
    try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static List<String> ids(String query) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private static Map<Long, Long> pairs(String query) throws SQLException {
    Map<Long, Long> pairs = new HashMap<>();
    try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        pairs.put(rs.getLong(1), rs.getLong(2));
      }
    }
    return pairs;
  }

  private static void sql(String update) throws SQLException {
    try (Connection c = connection(); Statement s = c.createStatement()) {
      s.executeUpdate(update);
    }
  }

  private static Connection connection() throws SQLException {
    return DriverManager.getConnection(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
  }

  interface Check {
    boolean holds() throws Exception;
  }

  private static void eventually(Duration within, Check check) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (!check.holds()) {
      assertThat(System.nanoTime()).as("not within " + within).isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  /** No schedule of its own runs unless a test asks for it. */
  private static List<String> quiet() {
    return withQuiet(List.of());
  }

  private static List<String> withQuiet(List<String> more) {
    Map<String, String> args = new LinkedHashMap<>();
    for (String s : List.of("--likemann.follow-up-calendar.cron=-", "--likemann.follow-up-calendar.on-start=false",
        "--likemann.silence-watch.cron=-", "--likemann.coordinator-contact.cron=-", "--likemann.retention.cron=-",
        "--likemann.read-log.cron=-", "--likemann.wait-list.sweep-initial-delay=PT12H")) {
      args.put(s.substring(0, s.indexOf('=')), s);
    }
    for (String s : more) {
      args.put(s.substring(0, s.indexOf('=')), s);
    }
    return new ArrayList<>(args.values());
  }

  /** One node: the packaged application in a process of its own, on the shared database. */
  static final class Node {
    final String name;
    final int port;
    final Path log;
    private final Process process;

    private Node(String name, int port, Path log, Process process) {
      this.name = name;
      this.port = port;
      this.log = log;
      this.process = process;
    }

    /** A node keeps its port when it restarts, as behind a proxy. */
    private static final Map<String, Integer> PORTS = new HashMap<>();

    static Node start(String name, String url, List<String> args) throws IOException {
      Integer port = PORTS.get(name);
      if (port == null) {
        try (ServerSocket s = new ServerSocket(0)) {
          port = s.getLocalPort();
        }
        PORTS.put(name, port);
      }
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-Xmx512m", "-Duser.timezone=Europe/Oslo", "-jar", jar.toString(),
          "--spring.profiles.active=postgres,demo", "--server.port=" + port,
          "--spring.datasource.url=" + url, "--spring.datasource.username=" + PostgresTestDatabase.USER,
          "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
          "--likemann.admin.password=cluster-it-admin", "--camunda.bpm.job-execution.lock-time-in-millis="
              + JOB_LOCK.toMillis(), "--camunda.bpm.job-execution.max-wait=2000"));
      command.addAll(args);
      Path log = Path.of("target", "cluster-it", "node-" + name + "-" + System.currentTimeMillis() + ".log");
      Files.createDirectories(log.getParent());
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new Node(name, port, log, p);
    }

    String base() {
      return "http://127.0.0.1:" + port;
    }

    boolean alive() {
      return process.isAlive();
    }

    void awaitReady(Duration within) throws Exception {
      long deadline = System.nanoTime() + within.toNanos();
      while (System.nanoTime() < deadline) {
        assertThat(process.isAlive()).as("node " + name + " stopped while starting; see " + log).isTrue();
        try {
          if (get(this, "/engine-rest/task?maxResults=1", "koordinator").statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(250);
      }
      throw new AssertionError("node " + name + " not ready within " + within + "; see " + log);
    }

    /** SIGSTOP: the node stands still (no request answered, no job taken) until {@link #resume()}. */
    void pause() throws Exception {
      signal("-STOP");
    }

    void resume() throws Exception {
      signal("-CONT");
    }

    private void signal(String which) throws Exception {
      Process kill = new ProcessBuilder("kill", which, Long.toString(process.pid())).inheritIO().start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill " + which).isTrue();
    }

    /** {@code kill -9}: no shutdown hook, no closing of the engine or of connections. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
