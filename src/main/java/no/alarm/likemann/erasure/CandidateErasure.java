package no.alarm.likemann.erasure;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import no.alarm.likemann.onboarding.MentorOnboarding;

import org.camunda.bpm.engine.HistoryService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A mentor candidate who did not become a mentor (not eligible, not found suitable, withdrawn) is erased when the
 * retention time after the onboarding ended is over: the onboarding's process instances with their history and
 * decisions (the two-year check's inputs), and in the register the name, login, experience, interests and the date
 * they have been sober since. What stays is what the reports count: a former candidate (status LEFT) of a
 * municipality, gender and birth decade, with the courses' hours.
 */
@Component
public class CandidateErasure {

  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final EngineErasure engine;

  public CandidateErasure(JdbcTemplate jdbc, HistoryService history, EngineErasure engine) {
    this.jdbc = jdbc;
    this.history = history;
    this.engine = engine;
  }

  /** The mentor ids of candidates whose onboarding ended without employment before {@code before}. */
  public List<Long> due(Instant before) {
    return jdbc.queryForList("SELECT c.mentor_id FROM mentor_candidate c WHERE c.outcome IN ('NOT_ELIGIBLE',"
        + " 'REJECTED', 'WITHDRAWN') AND c.ended_at < ? AND c.reference NOT LIKE 'ANON-%'", Long.class,
        Timestamp.from(before));
  }

  /** Erases one former candidate; returns how many process instances went. */
  public int erase(long mentorId) {
    String reference = jdbc.queryForObject("SELECT reference FROM mentor_candidate WHERE mentor_id = ?", String.class,
        mentorId);
    List<String> instances = instancesAbout(reference);
    engine.delete(instances);
    String key = PersonErasure.anonymousKey();
    jdbc.update("UPDATE mentor_candidate SET reference = ?, process_instance_id = ?, sober_since = NULL"
        + " WHERE mentor_id = ?", key, key, mentorId);
    jdbc.update("UPDATE mentor SET display_name = 'Slettet kandidat', username = NULL, experience_summary = NULL,"
        + " interests = NULL, birth_year = birth_year - MOD(birth_year, 10), erased = TRUE WHERE id = ?", mentorId);
    jdbc.update("DELETE FROM case_read WHERE reference = ?", reference);
    return instances.size();
  }

  /** The onboarding (business key the candidate's reference), a withdrawal naming it, and what they called. */
  List<String> instancesAbout(String reference) {
    Set<String> ids = new LinkedHashSet<>();
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).list()
        .forEach(pi -> ids.add(pi.getId()));
    history.createHistoricVariableInstanceQuery()
        .variableValueEquals(MentorOnboarding.Var.CANDIDATE_REFERENCE, reference).list()
        .forEach(v -> ids.add(v.getProcessInstanceId()));
    return engine.withCalled(ids);
  }
}
