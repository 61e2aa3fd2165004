package no.alarm.likemann.erasure;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.reporting.MonthlyReportPdf;
import no.alarm.likemann.reporting.MonthlyReports;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Erases a person (GDPR art. 17): every journey of theirs, in the engine and in the register. What remains is an
 * anonymous record per journey that the reports count as before (municipality, gender, the age as the lower bound of
 * its age group, treatment status, IP and Brukerplan, outcome, the dates its durations and periods are counted by,
 * its couplings' and contacts' counts and minutes, the evaluation's scores), under a random key, linked to a new,
 * empty person so that the count of distinct participants stays. Gone: the reference, the referral's words, the
 * notes, the agreement, the closing report, the evaluation's comments, the monthly report lines (the month's PDFs
 * are made again without them), the read log, and every process instance about the person with its history,
 * decisions, operation log, comments, attachments and jobs.
 *
 * <p>Runs in one transaction with the engine's (a delegate's): all of it, or nothing. Only journeys that have
 * ended are erased: an open one is first ended as consent withdrawn, which frees its mentor.
 */
@Component
public class PersonErasure {

  private static final Logger LOG = LoggerFactory.getLogger(PersonErasure.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What was erased: how many journeys, how many process instances, and the references' hashes. */
  public record Erased(int journeys, int processInstances, List<String> hashes) {}

  /** Why a person cannot be erased now, in Norwegian for the form and English for the log and the API. */
  public static final class NotErasable extends RuntimeException {
    private final String norwegian;

    NotErasable(String norwegian, String english) {
      super(english);
      this.norwegian = norwegian;
    }

    public String norwegian() {
      return norwegian;
    }
  }

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final MonthlyReports monthlyReports;
  private final EngineErasure engine;
  private final Clock clock;

  public PersonErasure(JdbcTemplate jdbc, RuntimeService runtime, HistoryService history,
                       MonthlyReports monthlyReports, EngineErasure engine, Clock clock) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.history = history;
    this.monthlyReports = monthlyReports;
    this.engine = engine;
    this.clock = clock;
  }

  /** The references of the person one of whose referrals this is, oldest first; empty when there is none. */
  public List<String> referencesOfPerson(String reference) {
    return jdbc.queryForList("SELECT r.reference FROM referral r WHERE NOT r.anonymous AND r.person_id ="
        + " (SELECT p.person_id FROM referral p WHERE p.reference = ? AND NOT p.anonymous)"
        + " ORDER BY r.received_at, r.reference", String.class, reference);
  }

  /** Refuses a person who cannot be erased now: unknown, or with a journey that has not ended. */
  public List<String> checkErasable(String reference) {
    List<String> references = referencesOfPerson(reference);
    if (references.isEmpty()) {
      throw new NotErasable("Det finnes ingen henvisning med referansen «" + reference + "».",
          "there is no referral with this reference");
    }
    List<String> open = jdbc.queryForList("SELECT reference FROM referral WHERE outcome IS NULL AND person_id ="
        + " (SELECT person_id FROM referral WHERE reference = ?)", String.class, reference);
    if (!open.isEmpty()) {
      throw new NotErasable("Forløpet " + String.join(", ", open) + " er ikke avsluttet. Avslutt det først"
          + " (samtykke trukket), så kan personen slettes.", "a journey of the person has not ended");
    }
    List<String> running = monthlyReportingNaming(references).stream()
        .filter(id -> runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0).toList();
    if (!running.isEmpty()) {
      throw new NotErasable("En månedsrapportering som nevner deltakeren, pågår ennå. Personen kan slettes når den"
          + " er ferdig.", "a monthly reporting that names the person is still running");
    }
    return references;
  }

  /**
   * The months' reporting processes whose variables name one of these referrals (the mentors' figures and status
   * lines, the region's summary and goals, the list of participants): their history holds the reference.
   */
  public List<String> monthlyReportingNaming(List<String> references) {
    List<String> naming = new ArrayList<>();
    for (var pi : history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(no.alarm.likemann.reporting.MonthlyReporting.PROCESS_KEY).list()) {
      boolean names = history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
          .disableCustomObjectDeserialization().list().stream()
          .map(v -> v.getValue() == null ? "" : String.valueOf(v.getValue()))
          .anyMatch(text -> references.stream().anyMatch(text::contains));
      if (names) {
        naming.add(pi.getId());
      }
    }
    return naming;
  }

  /** Erases the person of this referral, all their journeys. */
  public Erased erase(String reference) {
    return erase(reference, Set.of());
  }

  /** Erases the person of this referral, all their journeys; the instances in {@code spared} (the erasure's own). */
  public Erased erase(String reference, Set<String> spared) {
    List<String> references = checkErasable(reference);
    long person = jdbc.queryForObject("SELECT person_id FROM referral WHERE reference = ?", Long.class, reference);

    // the engine: every instance about the person, running or not, with everything that hangs on them
    List<String> instances = instancesAbout(references);
    instances.removeAll(spared);
    engine.delete(instances);
    // the months' reporting, which named the person among the region's participants: its variables' history goes
    // (what it reported is in the register, and goes below)
    monthlyReportingNaming(references).forEach(history::deleteHistoricVariableInstancesByProcessInstanceId);

    // the register: an anonymous record per journey, and nothing else
    Set<MonthOf> monthsToRemake = monthsReported(references);
    long anonymousPerson = newPerson();
    List<String> hashes = new ArrayList<>();
    for (String r : references) {
      String key = anonymousKey();
      jdbc.update("INSERT INTO referral (reference, process_instance_id, municipality_code, gender, age,"
          + " treatment_status, has_individual_plan, has_brukerplan, outcome, closing_reason, received_at, ended_at,"
          + " priority, waiting_since, check_ins_opened, matching_since, tsb_started_on, tsb_ended_on, person_id,"
          + " municipality_view, municipality_view_at, assessment, assessed_at, tsb_outcome, anonymous)"
          + " SELECT ?, ?, municipality_code, gender, CASE WHEN age <= 30 THEN 18 WHEN age <= 50 THEN 31 ELSE 51 END,"
          + " treatment_status, has_individual_plan, has_brukerplan, outcome, closing_reason, received_at, ended_at,"
          + " priority, waiting_since, check_ins_opened, matching_since, tsb_started_on, tsb_ended_on, ?,"
          + " municipality_view, municipality_view_at, assessment, assessed_at, tsb_outcome, TRUE"
          + " FROM referral WHERE reference = ?", key, key, anonymousPerson, r);
      jdbc.update("UPDATE coupling SET referral_reference = ? WHERE referral_reference = ?", key, r);
      // a meeting in the journey stays counted, without its note
      jdbc.update("UPDATE journey_meeting SET reference = ?, process_instance_id = ? || '-m' || CAST(id AS"
          + " VARCHAR(20)), note = NULL WHERE reference = ?", key, key, r);
      // an inpatient stay stays counted (how it came, the days, early or not, the mentor's part), without its words
      jdbc.update("UPDATE inpatient_stay SET reference = ?, process_instance_id = ? || '-s' || CAST(id AS"
          + " VARCHAR(20)), note = NULL, mentor_note = NULL WHERE reference = ?", key, key, r);
      // a deviation from the agreement stays counted, without its words
      jdbc.update("UPDATE agreement_deviation SET reference = ?, process_instance_id = ? || '-' || CAST(id AS"
          + " VARCHAR(20)), description = NULL, coordinator_note = NULL, project_leader_note = NULL"
          + " WHERE reference = ?", key, key, r);
      String couplings = "coupling_id IN (SELECT id FROM coupling WHERE referral_reference = ?)";
      jdbc.update("UPDATE contact_log SET activity_instance_id = NULL WHERE " + couplings, key);
      jdbc.update("UPDATE weekly_contact_log SET activity_instance_id = ? || '-' || CAST(id AS VARCHAR(20))"
          + " WHERE " + couplings, key, key);
      jdbc.update("UPDATE evaluation_answer SET referral_reference = ?, answer_comment = NULL"
          + " WHERE referral_reference = ?", key, r);
      for (String table : List.of("case_note", "referral_detail", "referral_agreement", "case_read")) {
        jdbc.update("DELETE FROM " + table + " WHERE reference = ?", r);
      }
      for (String table : List.of("closing_report", "monthly_participant_status", "monthly_participant_goal")) {
        jdbc.update("DELETE FROM " + table + " WHERE referral_reference = ?", r);
      }
      jdbc.update("DELETE FROM erasure WHERE reference = ? AND status = 'DECLINED'", r);
      jdbc.update("DELETE FROM referral WHERE reference = ?", r);
      hashes.add(ReferenceHash.of(r));
    }
    jdbc.update("DELETE FROM person WHERE id = ?", person);
    // the month's reports to the municipalities, made again without the person's lines
    for (MonthOf m : monthsToRemake) {
      jdbc.update("UPDATE monthly_report SET pdf = ? WHERE region = ? AND report_month = ? AND municipality_code = ?",
          MonthlyReportPdf.render(monthlyReports.municipalityReport(m.month(), m.region(), m.municipality())),
          m.region(), java.sql.Date.valueOf(m.month().atDay(1)), m.municipality());
    }
    LOG.info("Erased a person: {} journeys, {} process instances, {} monthly reports made again", references.size(),
        instances.size(), monthsToRemake.size());
    return new Erased(references.size(), instances.size(), hashes);
  }

  /**
   * The process instances about these referrals: those with one as business key (the journey, its weeks, a change,
   * a treatment update, the evaluation), those that carry one as the referral's reference or as a declined
   * erasure's, and the instances they called.
   */
  List<String> instancesAbout(List<String> references) {
    Set<String> ids = new LinkedHashSet<>();
    for (String r : references) {
      history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(r).list()
          .forEach(pi -> ids.add(pi.getId()));
      for (String name : List.of(ParticipantJourney.Var.REFERRAL_REFERENCE, ErasePerson.Var.ERASURE_REFERENCE)) {
        history.createHistoricVariableInstanceQuery().variableValueEquals(name, r).list()
            .forEach(v -> ids.add(v.getProcessInstanceId()));
      }
    }
    return engine.withCalled(ids);
  }

  private record MonthOf(YearMonth month, String region, String municipality) {}

  private Set<MonthOf> monthsReported(List<String> references) {
    Set<MonthOf> months = new LinkedHashSet<>();
    for (String r : references) {
      jdbc.query("SELECT DISTINCT mr.report_month, mr.region, mr.municipality_code FROM monthly_report mr"
          + " JOIN referral f ON f.municipality_code = mr.municipality_code AND f.reference = ?"
          + " WHERE mr.report_month IN (SELECT report_month FROM monthly_participant_status WHERE referral_reference = ?"
          + " UNION SELECT report_month FROM monthly_participant_goal WHERE referral_reference = ?)", rs -> {
            months.add(new MonthOf(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getString(2), rs.getString(3)));
          }, r, r, r);
    }
    return months;
  }

  private long newPerson() {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.update(c -> {
      var ps = c.prepareStatement("INSERT INTO person (created_at) VALUES (?)", new String[] {"id"});
      ps.setTimestamp(1, Timestamp.from(clock.instant()));
      return ps;
    }, keys);
    return ((Number) keys.getKeys().values().iterator().next()).longValue();
  }

  /** A key of its own for the anonymous record: random, so that nothing leads from it back to the reference. */
  static String anonymousKey() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return "ANON-" + HexFormat.of().formatHex(bytes);
  }

  /** The erasure a reference was erased by, if it was (the hashes are checked one by one: slow by design). */
  public Optional<Long> erasureOf(String reference) {
    List<Object[]> all = jdbc.query("SELECT erasure_id, hash FROM erased_reference",
        (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)});
    return all.stream().filter(row -> ReferenceHash.matches(reference, (String) row[1]))
        .map(row -> (Long) row[0]).findFirst();
  }
}
