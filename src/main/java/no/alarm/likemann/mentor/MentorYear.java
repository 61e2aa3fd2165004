package no.alarm.likemann.mentor;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.journey.ParticipantJourney;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An active mentor's year: the active-mentor process, monthly supervision, and the relapse routine (pause, rematch
 * of every participant, back to active or leaving). Logs carry ids only.
 */
@Component
public class MentorYear {

  private static final Logger LOG = LoggerFactory.getLogger(MentorYear.class);

  private final JdbcTemplate jdbc;
  private final MentorRegister mentors;
  private final RuntimeService runtime;
  private final Clock clock;

  public MentorYear(JdbcTemplate jdbc, MentorRegister mentors, RuntimeService runtime, Clock clock) {
    this.jdbc = jdbc;
    this.mentors = mentors;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** Starts the active mentor's year (once per mentor). */
  public void start(long mentorId) {
    String reference = ActiveMentor.reference(mentorId);
    if (runtime.createProcessInstanceQuery().processDefinitionKey(ActiveMentor.PROCESS_KEY)
        .processInstanceBusinessKey(reference).active().count() > 0) {
      return;
    }
    Mentor mentor = mentors.find(mentorId).orElseThrow();
    runtime.startProcessInstanceByKey(ActiveMentor.PROCESS_KEY, reference, Map.of(
        ActiveMentor.Var.MENTOR_ID, mentorId,
        ActiveMentor.Var.MENTOR_REFERENCE, reference,
        ActiveMentor.Var.MENTOR_NAME, mentor.displayName()));
  }

  /** Records whether the mentor attended supervision in the month; returns the months missed in a row since. */
  public int recordSupervision(long mentorId, YearMonth month, boolean attended) {
    Date first = Date.valueOf(month.atDay(1));
    int updated = jdbc.update("UPDATE supervision SET attended = ?, recorded_at = ? WHERE mentor_id = ?"
        + " AND supervision_month = ?", attended, Timestamp.from(clock.instant()), mentorId, first);
    if (updated == 0) {
      jdbc.update("INSERT INTO supervision (mentor_id, supervision_month, attended, recorded_at) VALUES (?, ?, ?, ?)",
          mentorId, first, attended, Timestamp.from(clock.instant()));
    }
    List<Boolean> latestFirst = jdbc.queryForList("SELECT attended FROM supervision WHERE mentor_id = ?"
        + " ORDER BY supervision_month DESC", Boolean.class, mentorId);
    return missedInARow(latestFirst);
  }

  /** Months missed in a row, counting back from the latest. */
  static int missedInARow(List<Boolean> attendedLatestFirst) {
    int missed = 0;
    for (Boolean attended : attendedLatestFirst) {
      if (Boolean.TRUE.equals(attended)) {
        break;
      }
      missed++;
    }
    return missed;
  }

  /**
   * Relapse: the mentor is paused at once and cannot be matched; every participant the mentor follows gets a
   * rematch task in their own journey (which does not say why). Returns how many journeys were asked.
   */
  public int pause(long mentorId) {
    mentors.setStatus(mentorId, MentorStatus.PAUSED);
    jdbc.update("INSERT INTO mentor_pause (mentor_id, paused_at) VALUES (?, ?)", mentorId,
        Timestamp.from(clock.instant()));
    List<String> journeys = jdbc.queryForList("SELECT r.process_instance_id FROM coupling c JOIN referral r"
        + " ON r.reference = c.referral_reference WHERE c.mentor_id = ? AND c.status IN ('RESERVED', 'ACTIVE')",
        String.class,
        mentorId);
    int asked = 0;
    for (String journey : journeys) {
      try {
        runtime.createMessageCorrelation(ParticipantJourney.MESSAGE_REMATCH_NEEDED).processInstanceId(journey)
            .correlate();
        asked++;
      } catch (MismatchingMessageCorrelationException e) {
        LOG.warn("Journey {} of paused mentor {} waits for no new mentor; no rematch asked", journey, mentorId);
      }
    }
    LOG.info("Mentor {} paused; rematch asked in {} journeys", mentorId, asked);
    return asked;
  }

  /**
   * The day since which the mentor has been sober, as last recorded: the latest relapse follow-up's, else the
   * onboarding's; empty for a mentor registered without one.
   */
  public java.util.Optional<java.time.LocalDate> soberSince(long mentorId) {
    List<Date> dates = jdbc.queryForList("SELECT sober_since FROM mentor_pause WHERE mentor_id = ? AND sober_since"
        + " IS NOT NULL ORDER BY paused_at DESC, id DESC", Date.class, mentorId);
    if (dates.isEmpty()) {
      dates = jdbc.queryForList("SELECT sober_since FROM mentor_candidate WHERE mentor_id = ? AND sober_since IS NOT"
          + " NULL", Date.class, mentorId);
    }
    return dates.stream().findFirst().map(Date::toLocalDate);
  }

  /**
   * The adviser's follow-up of the open pause (after the relapse, or again after the wait): since when the mentor is
   * sober again, when and by whom it was decided, and whether A-larm's internal routine for relapses was followed.
   * The onboarding's record of the sober-since date follows, so that the register has one current date.
   */
  public void recordFollowUp(long mentorId, java.time.LocalDate soberSince, java.time.LocalDate followedUpOn,
                             boolean internalRoutineFollowed, String by) {
    int updated = jdbc.update("UPDATE mentor_pause SET sober_since = ?, followed_up_on = ?, followed_up_by = ?,"
        + " internal_routine_followed = ? WHERE mentor_id = ? AND ended_at IS NULL", Date.valueOf(soberSince),
        Date.valueOf(followedUpOn), by, internalRoutineFollowed, mentorId);
    if (updated == 0) {
      throw new IllegalStateException("Mentor " + mentorId + " has no open pause to follow up");
    }
    jdbc.update("UPDATE mentor_candidate SET sober_since = ? WHERE mentor_id = ?", Date.valueOf(soberSince), mentorId);
  }

  /**
   * Back to active after a relapse, only when the criteria that always apply are met again (plan 000 app. 2): the
   * adviser followed the internal routine, and the mentor has been sober for two years on the recorded date. The
   * model checks the same before it gets here; the register refuses whatever reaches it otherwise.
   */
  public void resume(long mentorId) {
    List<Map<String, Object>> open = jdbc.queryForList("SELECT sober_since, internal_routine_followed FROM"
        + " mentor_pause WHERE mentor_id = ? AND ended_at IS NULL", mentorId);
    java.time.LocalDate today = clock.instant().atZone(no.alarm.likemann.calendar.OsloCalendar.OSLO).toLocalDate();
    java.time.LocalDate sober = open.isEmpty() || open.get(0).get("sober_since") == null ? null
        : ((Date) open.get(0).get("sober_since")).toLocalDate();
    if (open.isEmpty() || !Boolean.TRUE.equals(open.get(0).get("internal_routine_followed")) || sober == null
        || sober.plusYears(2).isAfter(today)) {
      throw new IllegalStateException("Mentor " + mentorId + " cannot return to active: the relapse routine must be"
          + " followed and the mentor two years sober (sober since " + sober + ")");
    }
    endPause(mentorId, "RETURNED");
    mentors.setStatus(mentorId, MentorStatus.ACTIVE);
  }

  public void leave(long mentorId) {
    endPause(mentorId, "LEFT");
    mentors.setStatus(mentorId, MentorStatus.LEFT);
  }

  private void endPause(long mentorId, String outcome) {
    jdbc.update("UPDATE mentor_pause SET ended_at = ?, outcome = ? WHERE mentor_id = ? AND ended_at IS NULL",
        Timestamp.from(clock.instant()), outcome, mentorId);
  }
}
