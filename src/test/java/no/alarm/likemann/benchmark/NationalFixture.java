package no.alarm.likemann.benchmark;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import no.alarm.likemann.followup.ContactWeek;
import no.alarm.likemann.followup.FollowUpCalendar;
import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.journey.ParticipantJourney.Element;
import no.alarm.likemann.region.AddMunicipality;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A national service in the database, built in bulk (issue 16): 11 regions, 356 municipalities, 2,000 mentors,
 * 20,000 journeys in follow-up, 100,000 open tasks and 1,000,000 ended journeys. PostgreSQL only.
 *
 * <p>How: real journeys are first taken through the engine to every state the fixture needs (templates: each
 * municipality's journeys waiting for assessment, the information meeting and matching, and an ended one; each
 * active mentor's participant at the coupling meeting or in follow-up), so that every row is one the application
 * itself wrote. Each template is then copied in SQL as many times as the size needs, every table at once (the
 * engine's runtime and history, its authorizations and byte arrays, and the project's own tables): the copies' ids
 * get a suffix ({@code .n}), their references, couplings, people and weekly logs new numbers, and the copies of an
 * ended journey are spread over the last five years, so that each day's copies expire from the history on their own
 * day. What a copy differs in from its template is only what makes it another case.
 */
final class NationalFixture {

  private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

  /** Larger than any template's coupling, person or weekly-log id, and than any template's number of copies. */
  static final long STRIDE = 10_000;
  /** The references of the copies start here (9 digits at most, as {@code REFERENCE_PATTERN} allows). */
  static final long REFERENCE_BASE = 10_000_000;
  /** After the fixture, new referrals are numbered from here. */
  static final long NEXT_REFERENCE = 100_000_000;
  /** Ended copies are spread over this many days back (the journey's history time to live, five years). */
  static final int SPREAD_DAYS = 1825;

  /** The variables that hold a coupling's id: a copy's are its own coupling's. */
  static final Set<String> COUPLING_VARIABLES = Set.of(COUPLING_ID, WEEK_COUPLING_ID, OPENED_WEEK_COUPLING_ID);

  /** The size of the national service, from {@code -Dnational.*} properties. */
  record Size(int regions, int municipalities, int mentors, int followUp, int couplingMeeting, int openTasks,
              int ended, int endedHistory) {

    static Size fromProperties() {
      return new Size(Integer.getInteger("national.regions", 11),
          Integer.getInteger("national.municipalities", 356),
          Integer.getInteger("national.mentors", 2_000),
          Integer.getInteger("national.followUp", 20_000),
          Integer.getInteger("national.couplingMeeting", 10_000),
          Integer.getInteger("national.openTasks", 100_000),
          Integer.getInteger("national.ended", 1_000_000),
          Integer.getInteger("national.endedHistory", 100_000));
    }
  }

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FollowUpCalendar calendar;
  private final JdbcTemplate jdbc;
  private final Size size;
  /** What was built and how long it took, for the benchmark's report. */
  final Map<String, String> built = new LinkedHashMap<>();

  NationalFixture(RuntimeService runtime, TaskService tasks, FollowUpCalendar calendar, JdbcTemplate jdbc,
                  Size size) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.size = size;
  }

  /** True when the database holds a complete fixture of this size already ({@code -Dnational.reuse=true}). */
  boolean present() {
    return Boolean.TRUE.equals(jdbc.queryForObject("SELECT count(*) > 0 FROM information_schema.tables"
        + " WHERE table_name = 'fixture_done'", Boolean.class))
        && size.toString().equals(jdbc.queryForObject("SELECT size FROM fixture_done", String.class));
  }

  void build() {
    timed("regions and municipalities", this::regionsAndMunicipalities);
    timed("mentors", this::mentors);
    jdbc.execute("DROP TABLE IF EXISTS fixture_template");
    jdbc.execute("CREATE TABLE fixture_template (root VARCHAR(64) PRIMARY KEY, kind VARCHAR(40) NOT NULL,"
        + " ref VARCHAR(20) NOT NULL, idx INT NOT NULL, copies INT NOT NULL DEFAULT 0, history_every INT NOT NULL"
        + " DEFAULT 1)");
    timed("templates through the engine", this::templates);
    timed("copies in SQL", this::copies);
    timed("sequences, loads and statistics", this::finish);
    jdbc.execute("DROP TABLE IF EXISTS fixture_done");
    jdbc.execute("CREATE TABLE fixture_done (size VARCHAR(400))");
    jdbc.update("INSERT INTO fixture_done VALUES (?)", size.toString());
  }

  private void timed(String what, Supplier<String> step) {
    long t0 = System.nanoTime();
    String result = step.get();
    built.put(what, String.format(Locale.ROOT, "%s (%.1f s)", result, (System.nanoTime() - t0) / 1e9));
    System.out.printf(Locale.ROOT, "[national fixture] %s: %s%n", what, built.get(what));
  }

  // ------------------------------------------------------------------ regions, municipalities, mentors

  /** Through the administrator's process, as the service grows: new regions, then municipalities spread over all. */
  private String regionsAndMunicipalities() {
    int regions = count("region");
    for (int r = regions; r < size.regions(); r++) {
      start("Kommune R" + r, null, "Region " + letters(r));
    }
    List<String> codes = jdbc.queryForList("SELECT code FROM region ORDER BY code", String.class);
    for (int m = count("municipality"), i = 0; m < size.municipalities(); m++, i++) {
      start("Kommune " + letters(m), codes.get(i % codes.size()), null);
    }
    return count("region") + " regions, " + count("municipality") + " municipalities";
  }

  private void start(String municipality, String region, String newRegion) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(AddMunicipality.MUNICIPALITY_NAME, municipality);
    v.put(AddMunicipality.REGION, region == null ? "" : region);
    v.put(AddMunicipality.NEW_REGION_NAME, newRegion == null ? "" : newRegion);
    runtime.startProcessInstanceByKey(AddMunicipality.PROCESS_KEY, v);
  }

  private static String letters(int n) {
    StringBuilder s = new StringBuilder();
    int x = n;
    do {
      s.insert(0, (char) ('a' + x % 26));
      x = x / 26 - 1;
    } while (x >= 0);
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The register's mentors, spread over the municipalities; a tenth on a pause. */
  private String mentors() {
    int missing = size.mentors() - count("mentor");
    // each active mentor carries the participants of the journeys copied from "their" template (see templates())
    int capacity = (int) Math.ceil((double) (size.followUp() + size.couplingMeeting()) / (size.mentors() * 0.9)) + 1;
    jdbc.update("INSERT INTO mentor (username, display_name, status, region, municipality_code, gender, birth_year,"
        + " experience, experience_summary, interests, capacity, current_load)"
        + " SELECT NULL, 'Likemann ' || g, CASE WHEN g % 10 = 0 THEN 'PAUSED' ELSE 'ACTIVE' END, m.region, m.code,"
        + " CASE WHEN g % 2 = 0 THEN 'female' ELSE 'male' END, 1955 + g % 45, 'own',"
        + " (ARRAY['alkohol og piller', 'amfetamin og hasj', 'heroin, senere metadon', 'kokain og alkohol'])[1 + g % 4],"
        + " (ARRAY['fiske, friluftsliv, jobb', 'trening, musikk', 'snekring, båt', 'familie, turer'])[1 + g % 4],"
        + " ?, 0"
        + " FROM generate_series(1, ?) g"
        + " JOIN (SELECT code, region, row_number() OVER (ORDER BY code) - 1 AS i FROM municipality) m"
        + " ON m.i = g % (SELECT count(*) FROM municipality)", capacity, missing);
    return count("mentor") + " mentors (capacity " + capacity + " each)";
  }

  // ------------------------------------------------------------------ templates

  private String templates() {
    String today = LocalDate.now(OSLO).toString();
    List<Map<String, Object>> municipalities = jdbc.queryForList("SELECT code, region FROM municipality ORDER BY code");
    Map<String, List<Long>> mentorsByRegion = new LinkedHashMap<>();
    jdbc.queryForList("SELECT id, region FROM mentor WHERE status = 'ACTIVE' AND username IS NULL ORDER BY id")
        .forEach(r -> mentorsByRegion.computeIfAbsent((String) r.get("region"), k -> new ArrayList<>())
            .add(((Number) r.get("id")).longValue()));
    int idx = 0;
    // each municipality's journey waiting for each of the first three steps, and one that has ended
    List<String> early = List.of(Element.ASSESS_REFERRAL, Element.HOLD_INFORMATION_MEETING, Element.MATCH_MENTOR);
    int m = 0;
    for (Map<String, Object> row : municipalities) {
      String code = (String) row.get("code");
      List<Long> inRegion = mentorsByRegion.getOrDefault((String) row.get("region"), List.of());
      for (int s = 0; s < early.size(); s++) {
        template("waiting:" + early.get(s), idx++, code, s, null, today);
      }
      if (!inRegion.isEmpty()) {
        template("ended", idx++, code, Integer.MAX_VALUE, inRegion.get(m++ % inRegion.size()), today);
      }
    }
    // each active mentor's participant: one in three at the coupling meeting, the others in follow-up
    int coupled = 0;
    for (Map<String, Object> mentor : jdbc.queryForList("SELECT id, municipality_code FROM mentor"
        + " WHERE status = 'ACTIVE' AND username IS NULL ORDER BY id")) {
      boolean meeting = coupled++ % 3 == 0;
      template(meeting ? "couplingMeeting" : "followUp", idx++, (String) mentor.get("municipality_code"),
          meeting ? 3 : 4, ((Number) mentor.get("id")).longValue(), today);
    }
    return jdbc.queryForList("SELECT kind || ' ' || count(*) FROM fixture_template GROUP BY kind ORDER BY kind",
        String.class).stream().collect(Collectors.joining(", "));
  }

  /** One journey from the municipality taken through {@code steps} tasks of the happy path (all: to its end). */
  private void template(String kind, int idx, String municipality, int steps, Long mentor, String today) {
    String pid = runtime.startProcessInstanceByKey(ParticipantJourney.PROCESS_KEY, HappyPath.referral(municipality))
        .getId();
    List<String> path = List.of(Element.ASSESS_REFERRAL, Element.HOLD_INFORMATION_MEETING, Element.MATCH_MENTOR,
        Element.HOLD_COUPLING_MEETING, Element.LOG_WEEKLY_CONTACTS, Element.CLOSE_FOLLOW_UP,
        Element.WRITE_CLOSING_REPORT);
    String mentorId = mentor == null ? null : Long.toString(mentor);
    for (int s = 0; s < Math.min(steps, path.size()); s++) {
      String key = path.get(s);
      String in = pid;
      if (Element.LOG_WEEKLY_CONTACTS.equals(key)) {
        long coupling = jdbc.queryForObject("SELECT c.id FROM coupling c JOIN referral r ON r.reference ="
            + " c.referral_reference WHERE r.process_instance_id = ? AND c.status = 'ACTIVE'", Long.class, pid);
        LocalDate day = LocalDate.parse(today);
        calendar.openWeek(coupling, pid, ContactWeek.before(day, day));
        in = runtime.createProcessInstanceQuery().superProcessInstanceId(pid).singleResult().getId();
      }
      Task task = tasks.createTaskQuery().processInstanceId(in).taskDefinitionKey(key).singleResult();
      if (task == null) {
        throw new AssertionError("template " + kind + " " + pid + ": no open task " + key);
      }
      tasks.complete(task.getId(), HappyPath.completion(key, today, mentorId));
    }
    String ref = jdbc.queryForObject("SELECT reference FROM referral WHERE process_instance_id = ?", String.class, pid);
    jdbc.update("INSERT INTO fixture_template (root, kind, ref, idx) VALUES (?, ?, ?, ?)", pid, kind, ref, idx);
  }

  // ------------------------------------------------------------------ copies

  private String copies() {
    // how many journeys of each kind: follow-up and coupling meeting as the size says, the rest of the open tasks
    // shared by the three first steps, the ended ones as the size says
    int followUpTasks = openTasksPerJourney("followUp");
    int meetingTasks = openTasksPerJourney("couplingMeeting");
    int waitingTasks = size.openTasks() - size.followUp() * followUpTasks - size.couplingMeeting() * meetingTasks;
    int waiting = Math.max(0, waitingTasks);
    spread("followUp", size.followUp());
    spread("couplingMeeting", size.couplingMeeting());
    spread("waiting:" + Element.ASSESS_REFERRAL, waiting / 3);
    spread("waiting:" + Element.HOLD_INFORMATION_MEETING, waiting / 3);
    spread("waiting:" + Element.MATCH_MENTOR, waiting - 2 * (waiting / 3));
    spread("ended", size.ended());
    // of the ended journeys' copies, every k-th keeps its engine history (the rest: the project's rows only)
    int endedCopies = jdbc.queryForObject("SELECT coalesce(max(copies), 0) FROM fixture_template WHERE kind = 'ended'",
        Integer.class);
    int every = Math.max(1, (int) Math.round((double) size.ended() / Math.max(1, size.endedHistory())));
    jdbc.update("UPDATE fixture_template SET history_every = ? WHERE kind = 'ended'", every);
    int maxCopies = jdbc.queryForObject("SELECT coalesce(max(copies), 0) FROM fixture_template", Integer.class);
    if (maxCopies >= STRIDE) {
      throw new IllegalStateException("a template would be copied " + maxCopies + " times; at most " + (STRIDE - 1));
    }
    jdbc.execute("DROP TABLE IF EXISTS fixture_n");
    jdbc.execute("CREATE TABLE fixture_n (n INT PRIMARY KEY)");
    jdbc.update("INSERT INTO fixture_n SELECT generate_series(1, ?)", maxCopies);

    collectObjects();
    long rows = 0;
    for (String table : engineTables()) {
      rows += copyEngineTable(table);
    }
    for (String table : projectTables()) {
      rows += copyProjectTable(table);
    }
    return String.format(Locale.ROOT, "%,d rows (ended: %d copies of each, engine history for every %d-th)", rows,
        endedCopies, every);
  }

  private int openTasksPerJourney(String kind) {
    return jdbc.queryForObject("SELECT count(*) / greatest(1, count(DISTINCT t.root)) FROM act_ru_task k"
        + " JOIN act_ru_execution e ON e.id_ = k.proc_inst_id_ JOIN fixture_template t"
        + " ON t.root = e.root_proc_inst_id_ WHERE t.kind = ?", Integer.class, kind);
  }

  /** Spreads {@code total} journeys over the kind's templates: each template is one of them, its copies the rest. */
  private void spread(String kind, int total) {
    int templates = jdbc.queryForObject("SELECT count(*) FROM fixture_template WHERE kind = ?", Integer.class, kind);
    if (templates == 0) {
      return;
    }
    int extra = Math.max(0, total - templates);
    jdbc.update("UPDATE fixture_template t SET copies = ? / ? + CASE WHEN o.i < ? % ? THEN 1 ELSE 0 END"
        + " FROM (SELECT root, row_number() OVER (ORDER BY idx) - 1 AS i FROM fixture_template WHERE kind = ?) o"
        + " WHERE o.root = t.root", extra, templates, extra, templates, kind);
  }

  /**
   * Every id of the templates' rows that another table refers to, with its template: process instances, tasks and
   * byte arrays in {@code fixture_object}; couplings, people and weekly logs in {@code fixture_number}.
   */
  private void collectObjects() {
    jdbc.execute("DROP TABLE IF EXISTS fixture_object");
    jdbc.execute("CREATE TABLE fixture_object (id VARCHAR(64) PRIMARY KEY, root VARCHAR(64) NOT NULL)");
    String onConflict = " ON CONFLICT (id) DO NOTHING";
    jdbc.update("INSERT INTO fixture_object SELECT DISTINCT p.id_, t.root FROM act_hi_procinst p JOIN fixture_template t"
        + " ON t.root = p.root_proc_inst_id_" + onConflict);
    jdbc.update("INSERT INTO fixture_object SELECT DISTINCT k.id_, t.root FROM act_hi_taskinst k JOIN fixture_template t"
        + " ON t.root = k.root_proc_inst_id_" + onConflict);
    // the byte arrays any of the templates' rows refer to (variables, job exceptions, decision inputs, ...)
    for (String table : engineTables()) {
      Map<String, String> cols = columns(table);
      String link = link(table, cols);
      for (String col : BYTE_ARRAY_COLUMNS) {
        if (link != null && cols.containsKey(col) && !table.equals("act_ge_bytearray")) {
          jdbc.update("INSERT INTO fixture_object SELECT DISTINCT x." + col + ", t.root FROM " + table + " x " + link
              + " WHERE x." + col + " IS NOT NULL" + onConflict);
        }
      }
    }
    jdbc.update("INSERT INTO fixture_object SELECT b.id_, t.root FROM act_ge_bytearray b JOIN fixture_template t"
        + " ON t.root = b.root_proc_inst_id_" + onConflict);

    jdbc.execute("DROP TABLE IF EXISTS fixture_number");
    jdbc.execute("CREATE TABLE fixture_number (kind VARCHAR(20), id BIGINT, root VARCHAR(64), PRIMARY KEY (kind, id))");
    jdbc.update("INSERT INTO fixture_number SELECT 'coupling', c.id, t.root FROM coupling c JOIN fixture_template t"
        + " ON t.ref = c.referral_reference");
    jdbc.update("INSERT INTO fixture_number SELECT 'person', r.person_id, t.root FROM referral r JOIN fixture_template t"
        + " ON t.ref = r.reference WHERE r.person_id IS NOT NULL");
    long tooLarge = jdbc.queryForObject("SELECT count(*) FROM fixture_number WHERE id >= ?", Long.class, STRIDE)
        + jdbc.queryForObject("SELECT count(*) FROM weekly_contact_log WHERE id >= ?", Long.class, STRIDE);
    if (tooLarge > 0) {
      throw new IllegalStateException(tooLarge + " template ids are " + STRIDE + " or more: raise STRIDE");
    }
  }

  /** Columns that hold an id of the template's own rows: the copy's get the copy's suffix. */
  private static final Set<String> ID_COLUMNS = Set.of("id_", "proc_inst_id_", "process_instance_id_",
      "root_proc_inst_id_", "execution_id_", "parent_id_", "super_exec_", "super_process_instance_id_", "task_id_",
      "parent_task_id_", "bytearray_id_", "var_scope_", "act_inst_id_", "parent_act_inst_id_", "call_proc_inst_id_",
      "exception_stack_id_", "job_id_", "var_inst_id_", "dec_inst_id_", "root_dec_inst_id_", "operation_id_",
      "error_details_id_", "cause_incident_id_", "root_cause_incident_id_", "ext_task_id_", "resource_id_",
      "scope_activity_instance_id_", "job_exception_stack_id_", "last_failure_log_id_", "restarted_proc_inst_id_",
      "content_id_");
  /** Columns that name a byte array (ACT_GE_BYTEARRAY) of the row. */
  private static final List<String> BYTE_ARRAY_COLUMNS = List.of("bytearray_id_", "exception_stack_id_",
      "job_exception_stack_id_", "error_details_id_", "content_id_");
  /** Text columns that may carry the template's reference (business key, string variables, task names). */
  private static final Set<String> REFERENCE_TEXT = Set.of("business_key_", "text_", "text2_");
  private static final Set<String> TASK_TABLES = Set.of("act_ru_task", "act_hi_taskinst");
  private static final Set<String> SKIPPED = Set.of("act_ru_jobdef", "act_ru_meter_log", "act_ru_task_meter_log",
      "act_ru_filter", "act_ru_batch", "act_hi_batch", "act_ru_case_execution", "act_ru_case_sentry_part",
      "act_hi_caseinst", "act_hi_caseactinst");
  private static final Set<String> HISTORY_PREFIXES = Set.of("act_hi_", "act_ge_bytearray");

  private List<String> engineTables() {
    List<String> all = jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema ="
        + " current_schema() AND (table_name LIKE 'act\\_ru\\_%' OR table_name LIKE 'act\\_hi\\_%'"
        + " OR table_name = 'act_ge_bytearray') ORDER BY table_name", String.class);
    // parents before the rows whose foreign keys point at them
    List<String> first = List.of("act_ge_bytearray", "act_ru_execution", "act_ru_task", "act_ru_variable",
        "act_ru_event_subscr", "act_ru_identitylink", "act_ru_job", "act_ru_ext_task", "act_ru_incident");
    List<String> ordered = new ArrayList<>(first.stream().filter(all::contains).toList());
    all.stream().filter(t -> !SKIPPED.contains(t) && !ordered.contains(t)).forEach(ordered::add);
    return ordered;
  }

  private Map<String, String> columns(String table) {
    Map<String, String> c = new LinkedHashMap<>();
    jdbc.queryForList("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema ="
        + " current_schema() AND table_name = ? ORDER BY ordinal_position", table)
        .forEach(r -> c.put((String) r.get("column_name"), (String) r.get("data_type")));
    return c;
  }

  /** The new reference of copy {@code c.n} of template {@code t}: HEN, the template's year, a number of its own. */
  private static final String NEW_REFERENCE = "('HEN-' || substr(t.ref, 5, 4) || '-' || (" + REFERENCE_BASE
      + " + t.idx * " + STRIDE + "::bigint + c.n))";
  /** How far back a copy is moved: ended journeys spread over five years, the others not at all. */
  private static final String SHIFT = "(CASE WHEN t.kind = 'ended' THEN make_interval(days => (c.n * " + (SPREAD_DAYS + 1)
      + " / greatest(1, t.copies))::int) ELSE make_interval() END)";

  /** How a row of the engine's table is found to be a template's: by its root instance, instance, task or id. */
  private static String link(String table, Map<String, String> cols) {
    String via;
    if (table.equals("act_ru_authorization")) {
      via = "resource_id_"; // a task's or an instance's: its root is not always set
    } else if (table.equals("act_ge_bytearray")) {
      via = "id_"; // a runtime variable's byte array has no root instance
    } else if (cols.containsKey("root_proc_inst_id_") && !table.startsWith("act_ru_")) {
      // the history's rows all carry their root instance (the runtime's not always: an execution's may be null)
      return "JOIN fixture_template t ON t.root = x.root_proc_inst_id_";
    } else {
      via = List.of("proc_inst_id_", "process_instance_id_", "task_id_").stream().filter(cols::containsKey)
          .findFirst().orElse(null);
    }
    return via == null ? null
        : "JOIN fixture_object o ON o.id = x." + via + " JOIN fixture_template t ON t.root = o.root";
  }

  private long copyEngineTable(String table) {
    Map<String, String> cols = columns(table);
    String link = link(table, cols);
    if (link == null) {
      return 0;
    }
    StringJoiner names = new StringJoiner(", ");
    StringJoiner values = new StringJoiner(", ");
    for (var col : cols.entrySet()) {
      String name = col.getKey();
      names.add(name);
      String x = "x." + name;
      if (ID_COLUMNS.contains(name)) {
        values.add("CASE WHEN " + x + " IS NULL THEN NULL ELSE " + x + " || '.' || c.n END");
      } else if (REFERENCE_TEXT.contains(name) || (TASK_TABLES.contains(table) && name.equals("name_"))) {
        values.add("replace(" + x + ", t.ref, " + NEW_REFERENCE + ")");
      } else if (name.equals("long_") && cols.containsKey("name_")) {
        values.add("CASE WHEN x.name_ IN (" + COUPLING_VARIABLES.stream().map(v -> "'" + v + "'")
            .collect(Collectors.joining(", ")) + ") THEN " + x + " + c.n * " + STRIDE + " ELSE " + x + " END");
      } else if (col.getValue().startsWith("timestamp")) {
        values.add(x + " - " + SHIFT);
      } else {
        values.add(x);
      }
    }
    boolean history = HISTORY_PREFIXES.stream().anyMatch(table::startsWith);
    // an ended journey's copy keeps its engine history only every history_every-th copy, counted from the oldest
    // (the last copy, a day more than five years back), so that the oldest day's copies are there to be cleaned up
    String which = history ? " AND (t.kind <> 'ended' OR (t.copies - c.n) % t.history_every = 0)" : "";
    String sql = "INSERT INTO " + table + " (" + names + ") SELECT " + values + " FROM " + table + " x " + link
        + " JOIN fixture_n c ON c.n <= t.copies" + which;
    return timedUpdate(table, sql);
  }

  /** The project's tables with a referral's rows: by reference, by coupling, the person. */
  private List<String> projectTables() {
    List<String> byReference = jdbc.queryForList("SELECT DISTINCT table_name FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND column_name IN ('reference', 'referral_reference')"
        + " AND table_name NOT LIKE 'fixture%' AND table_name NOT IN ('referral', 'referral_detail', 'coupling')"
        + " ORDER BY table_name", String.class);
    List<String> all = new ArrayList<>(List.of("person", "referral", "referral_detail", "coupling", "contact_week",
        "weekly_contact_log", "contact_log"));
    byReference.stream().filter(t -> !all.contains(t)).forEach(all::add);
    return all;
  }

  private long copyProjectTable(String table) {
    Map<String, String> cols = columns(table);
    String link;
    if (table.equals("person")) {
      link = "JOIN fixture_number f ON f.kind = 'person' AND f.id = x.id JOIN fixture_template t ON t.root = f.root";
    } else if (cols.containsKey("reference")) {
      link = "JOIN fixture_template t ON t.ref = x.reference";
    } else if (cols.containsKey("referral_reference")) {
      link = "JOIN fixture_template t ON t.ref = x.referral_reference";
    } else if (cols.containsKey("coupling_id")) {
      link = "JOIN fixture_number f ON f.kind = 'coupling' AND f.id = x.coupling_id"
          + " JOIN fixture_template t ON t.root = f.root";
    } else {
      return 0;
    }
    boolean ownIdReferred = Set.of("person", "coupling", "weekly_contact_log").contains(table);
    StringJoiner names = new StringJoiner(", ");
    StringJoiner values = new StringJoiner(", ");
    for (var col : cols.entrySet()) {
      String name = col.getKey();
      String x = "x." + name;
      String type = col.getValue();
      if (name.equals("id") && !ownIdReferred) {
        continue; // the table's own numbering gives it
      }
      names.add(name);
      if (name.equals("reference") || name.equals("referral_reference")) {
        values.add("CASE WHEN " + x + " = t.ref THEN " + NEW_REFERENCE + " ELSE " + x + " END");
      } else if (name.equals("process_instance_id") || name.equals("activity_instance_id")) {
        values.add(x + " || '.' || c.n");
      } else if (name.equals("id") || name.equals("coupling_id") || name.equals("weekly_log_id")
          || name.equals("person_id")) {
        values.add(x + " + c.n * " + STRIDE);
      } else if (type.startsWith("timestamp") || type.equals("date")) {
        values.add("(" + x + " - " + SHIFT + ")" + (type.equals("date") ? "::date" : ""));
      } else {
        values.add(x);
      }
    }
    String sql = "INSERT INTO " + table + " (" + names + ") SELECT " + values + " FROM " + table + " x " + link
        + " JOIN fixture_n c ON c.n <= t.copies";
    return timedUpdate(table, sql);
  }

  private long timedUpdate(String table, String sql) {
    long t0 = System.nanoTime();
    int rows = jdbc.update(sql);
    if (rows > 0) {
      System.out.printf(Locale.ROOT, "[national fixture]   %-28s %,12d rows %7.1f s%n", table, rows,
          (System.nanoTime() - t0) / 1e9);
    }
    return rows;
  }

  // ------------------------------------------------------------------ finish

  private String finish() {
    for (String table : List.of("person", "coupling", "weekly_contact_log", "contact_log", "mentor")) {
      jdbc.queryForObject("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT coalesce(max(id), 1)"
          + " FROM " + table + "))", Long.class);
    }
    jdbc.queryForObject("SELECT setval('referral_number_seq', ?)", Long.class, NEXT_REFERENCE);
    // every mentor's load is their open couplings (a slot to spare, so that each can still be matched)
    jdbc.update("UPDATE mentor m SET capacity = greatest(m.capacity, l.open + 1), current_load = l.open"
        + " FROM (SELECT m2.id, (SELECT count(*) FROM coupling c WHERE c.mentor_id = m2.id"
        + " AND c.status IN ('RESERVED', 'ACTIVE')) AS open FROM mentor m2) l WHERE l.id = m.id");
    jdbc.execute("ANALYZE");
    return String.format(Locale.ROOT, "%,d referrals, %,d journeys running, %,d open tasks, %,d ended in history",
        count("referral"), jdbc.queryForObject("SELECT count(*) FROM act_ru_execution WHERE id_ = proc_inst_id_"
            + " AND proc_def_id_ LIKE 'participantJourney:%'", Long.class), count("act_ru_task"),
        jdbc.queryForObject("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = ? AND end_time_ IS NOT NULL",
            Long.class, ParticipantJourney.PROCESS_KEY));
  }

  private int count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
  }
}
