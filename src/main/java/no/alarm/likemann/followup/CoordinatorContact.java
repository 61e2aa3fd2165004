package no.alarm.likemann.followup;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.mentor.ActiveMentor;
import no.alarm.likemann.operations.ScheduleLocks;
import no.alarm.likemann.security.SystemWork;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The coordinator and each mentor in follow-up are in contact at least once a week (report 001, ch. 4): the mentor
 * says so in each weekly log, the register keeps one row per mentor and week, and on Wednesday morning (the logs are
 * due Tuesday) every active mentor who followed someone up last week without a contact gets the coordinators a
 * follow-up in the mentor's year ({@code activeMentor}, message {@code coordinatorContactMissed}), once per week:
 * the conditional update of the week's row decides, so a second pass or a second node raises nothing again.
 */
@Component
public class CoordinatorContact {

  public static final String MESSAGE_MISSED = "coordinatorContactMissed";
  /** The form field of the weekly log: yes or no. */
  public static final String FIELD = "coordinatorContact";
  /** The week of a follow-up, a local variable of its task (input mapping): its Monday, and in words. */
  public static final String WEEK_START = "contactWeekStart";
  public static final String WEEK_LABEL = "contactWeekLabel";

  private static final Logger LOG = LoggerFactory.getLogger(CoordinatorContact.class);

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final SystemWork system;
  private final Clock clock;

  public CoordinatorContact(JdbcTemplate jdbc, RuntimeService runtime, SystemWork system, Clock clock) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.system = system;
    this.clock = clock;
  }

  static LocalDate monday(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** What a weekly log said about the week of {@code day}: a yes stays a yes, whatever later logs say. */
  public void record(long couplingId, LocalDate day, boolean hadContact) {
    Long mentor = jdbc.queryForObject("SELECT mentor_id FROM coupling WHERE id = ?", Long.class, couplingId);
    Date week = Date.valueOf(monday(day));
    Timestamp now = Timestamp.from(clock.instant());
    int updated = jdbc.update("UPDATE mentor_coordinator_week SET had_contact = (had_contact OR ?), recorded_at = ?"
        + " WHERE mentor_id = ? AND week_start = ?", hadContact, now, mentor, week);
    if (updated == 0) {
      try {
        jdbc.update("INSERT INTO mentor_coordinator_week (mentor_id, week_start, had_contact, recorded_at)"
            + " VALUES (?, ?, ?, ?)", mentor, week, hadContact, now);
      } catch (DuplicateKeyException sameMoment) {
        jdbc.update("UPDATE mentor_coordinator_week SET had_contact = (had_contact OR ?) WHERE mentor_id = ?"
            + " AND week_start = ?", hadContact, mentor, week);
      }
    }
  }

  @Scheduled(cron = "${likemann.coordinator-contact.cron:0 30 9 * * WED}", zone = "Europe/Oslo")
  @SchedulerLock(name = ScheduleLocks.COORDINATOR_CONTACT, lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
  public void everyWednesday() {
    try {
      system.run(() -> raiseMissed(LocalDate.now(clock.withZone(OsloCalendar.OSLO))));
    } catch (RuntimeException e) {
      LOG.warn("Coordinator contact watch failed; it runs again next week: {}", e.toString());
    }
  }

  /**
   * For the week before {@code today}'s: every active mentor with a coupling active in it and no contact with the
   * coordinator recorded gets one follow-up; returns how many were raised now.
   */
  public int raiseMissed(LocalDate today) {
    LocalDate start = monday(today).minusWeeks(1);
    LocalDate end = start.plusDays(6);
    Timestamp weekStart = Timestamp.from(start.atStartOfDay(OsloCalendar.OSLO).toInstant());
    Timestamp weekEnd = Timestamp.from(end.plusDays(1).atStartOfDay(OsloCalendar.OSLO).toInstant());
    List<Long> mentors = jdbc.queryForList("SELECT DISTINCT m.id FROM mentor m JOIN coupling c ON c.mentor_id = m.id"
        + " WHERE m.status = 'ACTIVE' AND c.started_at IS NOT NULL AND c.started_at < ?"
        + " AND (c.ended_at IS NULL OR c.ended_at >= ?) ORDER BY m.id", Long.class, weekEnd, weekStart);
    int raised = 0;
    for (long mentor : mentors) {
      try {
        jdbc.update("INSERT INTO mentor_coordinator_week (mentor_id, week_start, had_contact, recorded_at)"
            + " SELECT ?, ?, FALSE, ? WHERE NOT EXISTS (SELECT 1 FROM mentor_coordinator_week WHERE mentor_id = ?"
            + " AND week_start = ?)", mentor, Date.valueOf(start), Timestamp.from(clock.instant()), mentor,
            Date.valueOf(start));
      } catch (DuplicateKeyException sameMoment) {
        // another pass made the row a moment ago: the update below decides
      }
      if (jdbc.update("UPDATE mentor_coordinator_week SET follow_up_raised_at = ? WHERE mentor_id = ? AND week_start = ?"
          + " AND NOT had_contact AND follow_up_raised_at IS NULL", Timestamp.from(clock.instant()), mentor,
          Date.valueOf(start)) == 0) {
        continue;
      }
      try {
        runtime.createMessageCorrelation(MESSAGE_MISSED).processInstanceBusinessKey(ActiveMentor.reference(mentor))
            // the last week raised, on the year; each follow-up keeps its own week (the task's input mapping)
            .setVariables(Map.of(WEEK_START, start.toString(), WEEK_LABEL, new ContactWeek(start, end).label()))
            .correlate();
        raised++;
      } catch (MismatchingMessageCorrelationException e) {
        LOG.warn("Mentor {} had no contact with a coordinator in the week of {}, but has no running year to follow"
            + " it up in", mentor, start);
      }
    }
    LOG.info("Coordinator contact watch for the week of {}: {} mentors in follow-up, {} follow-ups raised", start,
        mentors.size(), raised);
    return raised;
  }

  /** The coordinator followed up a week without contact. */
  public void followedUp(long mentorId, LocalDate weekStart, String by, String note) {
    jdbc.update("UPDATE mentor_coordinator_week SET followed_up_at = ?, followed_up_by = ?, follow_up_note = ?"
        + " WHERE mentor_id = ? AND week_start = ?", Timestamp.from(clock.instant()), by, note, mentorId,
        Date.valueOf(weekStart));
  }

  /**
   * {@code ${recordCoordinatorContactFollowUp}}, end listener of {@code followUpCoordinatorContact} (after the form's
   * guard): who followed up (the login), when, and the note, to the register; the note out of the process.
   */
  @org.springframework.context.annotation.Bean
  static org.camunda.bpm.engine.delegate.ExecutionListener recordCoordinatorContactFollowUp(
      org.springframework.beans.factory.ObjectProvider<CoordinatorContact> contact) {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      var who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      contact.getObject().followedUp(((Number) execution.getVariable(ActiveMentor.Var.MENTOR_ID)).longValue(),
          LocalDate.parse((String) execution.getVariable(WEEK_START)), who == null ? null : who.getUserId(),
          (String) execution.getVariable("coordinatorContactNote"));
      execution.removeVariable("coordinatorContactNote");
    };
  }
}
