package no.alarm.likemann.followup;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.operations.Conflicts;
import no.alarm.likemann.operations.ScheduleLocks;
import no.alarm.likemann.security.SystemWork;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drop-out early warning: every morning, each active coupling whose participant no contact has reached for
 * {@value ParticipantJourney#SILENT_DAYS} days wakes {@code bringParticipantBack} in its journey, once per silence.
 * The mentors' weekly logs are the evidence: silence counts from the coupling or the last contact that reached the
 * participant, and is known when the logs sent since cover {@value ParticipantJourney#SILENT_DAYS} days. A week's
 * log arrives after the week, so when logs are missing the warning comes anyway once
 * {@value #UNLOGGED_GRACE_DAYS} more days have passed: the coordinator should know either way. The journey carries
 * no timer per contact. A participant in an inpatient stay is not silent: the watch waits until the discharge, and
 * counts from it.
 */
@Component
public class SilenceWatch {

  private static final Logger LOG = LoggerFactory.getLogger(SilenceWatch.class);

  /** A week for the logs to arrive before missing logs count as silence too. */
  public static final int UNLOGGED_GRACE_DAYS = 7;

  /**
   * An active coupling: the last day a contact reached its participant (or the coupling day), the silence already
   * warned for, and the last day its weekly logs cover (null before the first log).
   */
  public record Coupling(long id, String journey, LocalDate lastReached, LocalDate warnedFrom, LocalDate loggedThrough) {}

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final SystemWork system;
  private final Clock clock;
  private final TransactionTemplate transaction;

  public SilenceWatch(JdbcTemplate jdbc, RuntimeService runtime, SystemWork system, Clock clock,
                      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.system = system;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Scheduled(cron = "${likemann.silence-watch.cron:0 0 9 * * *}", zone = "Europe/Oslo")
  @SchedulerLock(name = ScheduleLocks.SILENCE_WATCH, lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
  public void everyMorning() {
    try {
      system.run(() -> warn(LocalDate.now(clock.withZone(OsloCalendar.OSLO))));
    } catch (RuntimeException e) {
      LOG.warn("Silence watch failed; it runs again tomorrow: {}", e.toString());
    }
  }

  /** Warns for every participant silent on the given day; returns how many journeys were warned. */
  public int warn(LocalDate today) {
    int warned = 0;
    for (Coupling c : silentOn(couplings(), today)) {
      try {
        if (Boolean.TRUE.equals(Conflicts.retried("Silence warning of coupling " + c.id(),
            () -> transaction.execute(status -> warnOnce(c))))) {
          warned++;
          LOG.info("Participant of coupling {} silent since {}: coordinator warned", c.id(), c.lastReached());
        }
      } catch (MismatchingMessageCorrelationException e) {
        LOG.warn("Journey {} of coupling {} is not in follow-up; no silence warning", c.journey(), c.id());
      } catch (RuntimeException e) {
        // this one is tried again tomorrow; the others go on
        LOG.warn("Silence warning of coupling {} failed; tried again at the next run: {}", c.id(), e.toString());
      }
    }
    return warned;
  }

  /**
   * One warning per silence, on however many nodes the watch runs: the coupling's row is marked first, only if no
   * one has marked it for this silence (a second node's update waits for the first's transaction and then finds the
   * mark), and the warning goes in the same transaction. False if another run warned already.
   */
  private boolean warnOnce(Coupling c) {
    Date from = Date.valueOf(c.lastReached());
    int marked = jdbc.update("UPDATE coupling SET silence_warned_from = ? WHERE id = ?"
        + " AND (silence_warned_from IS NULL OR silence_warned_from < ?)", from, c.id(), from);
    if (marked == 0) {
      return false;
    }
    runtime.createMessageCorrelation(ParticipantJourney.MESSAGE_PARTICIPANT_SILENT).processInstanceId(c.journey())
        .setVariable(ParticipantJourney.Var.LAST_REACHED_CONTACT_DATE, c.lastReached().toString())
        .correlate();
    return true;
  }

  /** Those to warn today: silent for the whole period, and not warned yet for this silence. */
  static List<Coupling> silentOn(List<Coupling> couplings, LocalDate today) {
    List<Coupling> silent = new ArrayList<>();
    for (Coupling c : couplings) {
      LocalDate silentFrom = c.lastReached().plusDays(ParticipantJourney.SILENT_DAYS);
      boolean logsShowSilence = c.loggedThrough() != null && !c.loggedThrough().isBefore(silentFrom);
      boolean logsMissing = !silentFrom.plusDays(UNLOGGED_GRACE_DAYS).isAfter(today);
      boolean longEnough = !silentFrom.isAfter(today) && (logsShowSilence || logsMissing);
      boolean warnedAlready = c.warnedFrom() != null && !c.warnedFrom().isBefore(c.lastReached());
      if (longEnough && !warnedAlready) {
        silent.add(c);
      }
    }
    return silent;
  }

  List<Coupling> couplings() {
    return jdbc.query("""
        SELECT c.id, r.process_instance_id, c.started_at, c.silence_warned_from,
               (SELECT MAX(l.contact_date) FROM contact_log l WHERE l.coupling_id = c.id AND l.reached) AS last_reached,
               (SELECT MAX(w.week_end) FROM weekly_contact_log w WHERE w.coupling_id = c.id) AS logged_through,
               (SELECT MAX(s.discharged_on) FROM inpatient_stay s WHERE s.reference = r.reference) AS discharged
        FROM coupling c
        JOIN referral r ON r.reference = c.referral_reference
        WHERE c.status = 'ACTIVE'
          AND NOT EXISTS (SELECT 1 FROM inpatient_stay s WHERE s.reference = r.reference AND s.discharged_on IS NULL
                          AND s.ended_at IS NULL)""", (rs, i) -> {
          LocalDate started = rs.getTimestamp("started_at").toInstant().atZone(OsloCalendar.OSLO).toLocalDate();
          Date reached = rs.getDate("last_reached");
          LocalDate last = reached == null || reached.toLocalDate().isBefore(started) ? started : reached.toLocalDate();
          // an inpatient stay is not silence: it counts from the discharge
          Date discharged = rs.getDate("discharged");
          if (discharged != null && discharged.toLocalDate().isAfter(last)) {
            last = discharged.toLocalDate();
          }
          Date warned = rs.getDate("silence_warned_from");
          Date logged = rs.getDate("logged_through");
          return new Coupling(rs.getLong("id"), rs.getString("process_instance_id"), last,
              warned == null ? null : warned.toLocalDate(), logged == null ? null : logged.toLocalDate());
        });
  }
}
