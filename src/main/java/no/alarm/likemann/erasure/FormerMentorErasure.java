package no.alarm.likemann.erasure;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import no.alarm.likemann.mentor.ActiveMentor;
import no.alarm.likemann.security.Roles;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A mentor who left the service is erased when the retention time after leaving is over (the accounts keep the
 * driving and expenses of a mentor for five years, and so does the service). What goes: the mentor's own processes
 * with their history (the onboarding with the two-year check's inputs, the active year with its supervision and the
 * relapse routine, the relapse reports), the name, the login and its link to the register, experience, interests, the
 * date they have been sober since, the words of their expense claims, and the read log of their own entry. What
 * stays is what the reports count: a former mentor (status LEFT) of a region and municipality, gender and birth
 * decade, with their courses' hours, supervision months, pauses, couplings and the kilometres and kroner of each month.
 *
 * <p>A participant's journey keeps the name of the mentor who followed them as part of that participant's case: it
 * goes with the case, by the participant's own erasure or retention.
 */
@Component
public class FormerMentorErasure {

  /** The name a former mentor's entry has after the erasure. */
  public static final String ERASED_NAME = "Tidligere likemann";

  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final IdentityService identity;
  private final EngineErasure engine;
  private final CandidateErasure candidates;

  public FormerMentorErasure(JdbcTemplate jdbc, HistoryService history, IdentityService identity,
                             EngineErasure engine, CandidateErasure candidates) {
    this.jdbc = jdbc;
    this.history = history;
    this.identity = identity;
    this.engine = engine;
    this.candidates = candidates;
  }

  /** The ids of the mentors who left before {@code before} and have not been erased. */
  public List<Long> due(Instant before) {
    return jdbc.queryForList("SELECT m.id FROM mentor m WHERE m.status = 'LEFT' AND NOT m.erased"
        + " AND m.left_at < ? ORDER BY m.id", Long.class, Timestamp.from(before));
  }

  /** Erases one former mentor; returns how many process instances went. */
  public int erase(long mentorId) {
    String status = jdbc.queryForObject("SELECT status FROM mentor WHERE id = ?", String.class, mentorId);
    if (!"LEFT".equals(status)) {
      throw new IllegalStateException("Mentor " + mentorId + " is " + status + ", not a former mentor");
    }
    String reference = ActiveMentor.reference(mentorId);
    String username = jdbc.queryForObject("SELECT username FROM mentor WHERE id = ?", String.class, mentorId);
    List<String> candidateReference = jdbc.queryForList("SELECT reference FROM mentor_candidate WHERE mentor_id = ?",
        String.class, mentorId);

    Set<String> instances = new LinkedHashSet<>();
    history.createHistoricProcessInstanceQuery().processDefinitionKey(ActiveMentor.PROCESS_KEY)
        .processInstanceBusinessKey(reference).list().forEach(pi -> instances.add(pi.getId()));
    history.createHistoricVariableInstanceQuery().processDefinitionKey(ActiveMentor.RELAPSE_REPORT_KEY)
        .variableValueEquals(ActiveMentor.Var.MENTOR_REFERENCE, reference).list()
        .forEach(v -> instances.add(v.getProcessInstanceId()));
    if (username != null) {
      // a mentor's report about himself names no reference: its starter is the mentor
      history.createHistoricProcessInstanceQuery().processDefinitionKey(ActiveMentor.RELAPSE_REPORT_KEY)
          .startedBy(username).list().forEach(pi -> instances.add(pi.getId()));
    }
    candidateReference.forEach(c -> instances.addAll(candidates.instancesAbout(c)));
    // NAV's mentor grants for the mentor: their processes carry the grant's reference
    jdbc.queryForList("SELECT id FROM nav_grant WHERE mentor_id = ?", Long.class, mentorId).forEach(g -> history
        .createHistoricProcessInstanceQuery().processDefinitionKey(no.alarm.likemann.navgrant.NavMentorGrant.PROCESS_KEY)
        .processInstanceBusinessKey(no.alarm.likemann.navgrant.NavGrants.reference(g)).list()
        .forEach(pi -> instances.add(pi.getId())));
    List<String> all = engine.withCalled(instances);
    engine.delete(all);

    jdbc.update("UPDATE mentor SET display_name = ?, username = NULL, experience_summary = NULL, interests = NULL,"
        + " birth_year = birth_year - MOD(birth_year, 10), erased = TRUE WHERE id = ?", ERASED_NAME, mentorId);
    String key = PersonErasure.anonymousKey();
    jdbc.update("UPDATE mentor_candidate SET reference = ?, process_instance_id = ?, sober_since = NULL"
        + " WHERE mentor_id = ?", key, key, mentorId);
    jdbc.update("UPDATE mentor_pause SET sober_since = NULL, followed_up_by = NULL WHERE mentor_id = ?", mentorId);
    jdbc.update("UPDATE nav_grant SET process_instance_id = ? || '-g' || CAST(id AS VARCHAR(20)), nav_reference = NULL,"
        + " application_note = NULL, decision_note = NULL, report_note = NULL WHERE mentor_id = ?", key, mentorId);
    jdbc.update("UPDATE mentor_coordinator_week SET followed_up_by = NULL, follow_up_note = NULL WHERE mentor_id = ?",
        mentorId);
    jdbc.update("UPDATE monthly_mentor_report SET expenses_for = NULL, recorded_by = CASE WHEN recorded_by = ?"
        + " THEN NULL ELSE recorded_by END WHERE mentor_id = ?", username, mentorId);
    jdbc.update("DELETE FROM case_read WHERE reference = ?", reference);
    candidateReference.forEach(c -> jdbc.update("DELETE FROM case_read WHERE reference = ?", c));
    if (username != null) {
      forgetLogin(username);
    }
    return all.size();
  }

  /**
   * The login of a former mentor goes with the entry; a login that also has another role (a mentor who became a
   * coordinator) stays, without the mentors' group.
   */
  private void forgetLogin(String username) {
    if (identity.createUserQuery().userId(username).count() == 0) {
      return;
    }
    boolean otherRole = identity.createGroupQuery().groupMember(username).list().stream()
        .anyMatch(g -> !Roles.MENTOR.equals(g.getId()));
    if (otherRole) {
      identity.deleteMembership(username, Roles.MENTOR);
    } else {
      identity.deleteUser(username);
    }
  }
}
