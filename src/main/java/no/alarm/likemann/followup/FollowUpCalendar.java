package no.alarm.likemann.followup;

import static no.alarm.likemann.journey.ParticipantJourney.Var.OPENED_WEEK_COUPLING_ID;
import static no.alarm.likemann.journey.ParticipantJourney.Var.OPENED_WEEK_END;
import static no.alarm.likemann.journey.ParticipantJourney.Var.OPENED_WEEK_START;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.operations.Conflicts;
import no.alarm.likemann.operations.ScheduleLocks;
import no.alarm.likemann.security.SystemWork;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The follow-up's calendar: one pass every morning at 06:00 Oslo time (and once when the application starts, so
 * nothing missed while it was down is lost) opens, in each journey in follow-up, the weekly contact log of every week
 * that has ended ({@code contactWeekEnded}) and the check-in with the participant every eight weeks
 * ({@code checkInDue}); and for a coupling that ended mid-week, the log of its last days ({@code finalContactWeek}).
 * {@link FollowUpSchedule} says what is due.
 *
 * <p>Why not a timer per journey: a timer is a job per journey and week, with its job look-ups, job log and
 * incident checks on every firing and when the follow-up ends; 5,000 journeys meant 5,000 jobs due at the same
 * minute every Monday. Here each week is opened in its own transaction together with its row in
 * {@code contact_week}, whose key makes the opening happen once, on whichever node, however often the pass runs.
 * A week that cannot be opened is left for the next pass and logged by id; the others go on.
 */
@Component
public class FollowUpCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(FollowUpCalendar.class);

  /** The lock's times, for the morning pass and the catch-up when a node starts alike. */
  private static final String LOCK_AT_MOST = "PT1H";
  private static final String LOCK_AT_LEAST = "PT5M";
  private static final AtomicInteger THREADS_MADE = new AtomicInteger();

  /** An active coupling as the calendar needs it. */
  public record ActiveCoupling(long id, String reference, String journey, LocalDate coupledOn,
                               LocalDate followUpStart, LocalDate lastOpenedWeek, int checkInsOpened) {}

  /** A coupling that ended lately, as the calendar needs it for its last days. */
  public record EndedCoupling(long id, String reference, String mentorUsername, LocalDate coupledOn,
                              LocalDate endedOn, LocalDate lastOpenedWeek) {}

  /** What one pass did: weekly logs in journeys, check-ins, last weeks of ended couplings, and failures. */
  public record Pass(int weeksOpened, int checkInsOpened, int finalWeeksOpened, int failed) {}


  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final SystemWork system;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final int catchUpWeeks;
  private final boolean onStart;
  private final TaskScheduler scheduler;
  private final LockingTaskExecutor locks;
  private final int threads;

  public FollowUpCalendar(JdbcTemplate jdbc, RuntimeService runtime, SystemWork system, Clock clock,
                          PlatformTransactionManager transactions,
                          @Value("${likemann.follow-up-calendar.catch-up-weeks:4}") int catchUpWeeks,
                          @Value("${likemann.follow-up-calendar.on-start:true}") boolean onStart,
                          TaskScheduler scheduler, LockingTaskExecutor locks,
                          @Value("${likemann.follow-up-calendar.threads:4}") int threads) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.system = system;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
    this.catchUpWeeks = catchUpWeeks;
    this.onStart = onStart;
    this.scheduler = scheduler;
    this.locks = locks;
    this.threads = threads;
  }

  @Scheduled(cron = "${likemann.follow-up-calendar.cron:0 0 6 * * *}", zone = "Europe/Oslo")
  @SchedulerLock(name = ScheduleLocks.FOLLOW_UP_CALENDAR, lockAtMostFor = LOCK_AT_MOST, lockAtLeastFor = LOCK_AT_LEAST)
  public void everyMorning() {
    runPass("morning");
  }

  /**
   * Once the application is up: on the scheduler's thread, not the one that starts the application, so that a long
   * catch-up after downtime holds up neither the rest of the start (the job executor starts after this) nor the
   * morning pass, which runs on the same thread and so never at the same time.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void whenStarted() {
    if (onStart) {
      // the same lock as the morning's: of nodes that start together, one catches up, the others find it done
      scheduler.schedule(() -> locks.executeWithLock((Runnable) () -> runPass("start"), new LockConfiguration(
          clock.instant(), ScheduleLocks.FOLLOW_UP_CALENDAR, Duration.parse(LOCK_AT_MOST),
          Duration.parse(LOCK_AT_LEAST))),
          clock.instant());
    }
  }

  private void runPass(String when) {
    try {
      system.run(() -> {
        Pass pass = openDue(LocalDate.now(clock.withZone(OsloCalendar.OSLO)));
        LOG.info("Follow-up calendar ({}): {} weekly logs, {} check-ins and {} last weeks of ended couplings opened,"
            + " {} left for the next pass", when, pass.weeksOpened(), pass.checkInsOpened(), pass.finalWeeksOpened(),
            pass.failed());
      });
    } catch (RuntimeException e) {
      LOG.warn("Follow-up calendar ({}) failed; it runs again tomorrow at 06:00: {}", when, e.toString());
    }
  }

  /** Opens what is due on {@code today} in every journey in follow-up. */
  public Pass openDue(LocalDate today) {
    AtomicInteger weeks = new AtomicInteger();
    AtomicInteger checkIns = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    // one coupling's weeks in order on one thread (they go to the same journey); the couplings side by side
    inParallel(activeCouplings(), "active coupling", failed, c -> {
      for (ContactWeek week : FollowUpSchedule.dueWeeks(today, c.coupledOn(), c.lastOpenedWeek(), catchUpWeeks)) {
        count(openWeek(c.id(), c.journey(), week), weeks, failed);
      }
      OptionalInt checkIn = FollowUpSchedule.dueCheckIn(today, c.followUpStart(), c.checkInsOpened());
      if (checkIn.isPresent()) {
        count(openCheckIn(c.reference(), c.journey(), checkIn.getAsInt()), checkIns, failed);
      }
    }, ActiveCoupling::id);
    AtomicInteger finalWeeks = new AtomicInteger();
    // as far back as the weeks it catches up: a coupling that ended while the application was down still gets its logs
    inParallel(endedCouplings(today.minusWeeks(catchUpWeeks + 1L)), "ended coupling", failed, c -> {
      for (ContactWeek week : FollowUpSchedule.weeksOwedAfterEnd(today, c.coupledOn(), c.endedOn(),
          c.lastOpenedWeek(), catchUpWeeks)) {
        count(openFinalWeek(c, week), finalWeeks, failed);
      }
    }, EndedCoupling::id);
    return new Pass(weeks.get(), checkIns.get(), finalWeeks.get(), failed.get());
  }

  private static void count(Outcome outcome, AtomicInteger opened, AtomicInteger failed) {
    switch (outcome) {
      case OPENED -> opened.incrementAndGet();
      case FAILED -> failed.incrementAndGet();
      case OPENED_BEFORE -> { }
    }
  }

  /**
   * Does {@code work} for each coupling on {@code threads} threads of the pass's own (each opening is its own
   * transaction, and what it waits for is mostly the database): 20,000 journeys in follow-up are opened within the
   * five minutes the national service allows (issue 16) where one thread took six. A coupling whose work throws is
   * counted as failed and logged by id; the others go on. The threads carry no engine authentication (system work).
   */
  private <T> void inParallel(List<T> couplings, String what, AtomicInteger failed, Consumer<T> work,
                              ToLongFunction<T> id) {
    Consumer<T> guarded = c -> {
      try {
        work.accept(c);
      } catch (RuntimeException e) {
        failed.incrementAndGet();
        LOG.warn("Follow-up calendar: {} {} left for the next pass: {}", what, id.applyAsLong(c), e.toString());
      }
    };
    if (threads <= 1 || couplings.size() < 2) {
      couplings.forEach(guarded);
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, couplings.size()), r -> {
      Thread t = new Thread(r, "follow-up-calendar-" + THREADS_MADE.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> done = new ArrayList<>(couplings.size());
      for (T c : couplings) {
        done.add(pool.submit(() -> guarded.accept(c)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Follow-up calendar interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Follow-up calendar: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  public enum Outcome { OPENED, OPENED_BEFORE, FAILED }

  /**
   * Opens the week's log in the journey, once: the {@code contact_week} row and the message go in one transaction, so
   * either both happen or neither.
   */
  public Outcome openWeek(long couplingId, String journey, ContactWeek week) {
    try {
      Conflicts.retried("Weekly log of coupling " + couplingId, () -> transaction.execute(status -> {
        recordOpened(couplingId, week);
        runtime.createMessageCorrelation(ParticipantJourney.MESSAGE_CONTACT_WEEK_ENDED).processInstanceId(journey)
            .setVariablesLocal(Variables.createVariables()
                .putValueTyped(OPENED_WEEK_START, Variables.stringValue(week.start().toString(), true))
                .putValueTyped(OPENED_WEEK_END, Variables.stringValue(week.end().toString(), true))
                .putValueTyped(OPENED_WEEK_COUPLING_ID, Variables.longValue(couplingId, true)))
            .correlate();
        return week;
      }));
      LOG.debug("Weekly log of coupling {} opened for {} to {}", couplingId, week.start(), week.end());
      return Outcome.OPENED;
    } catch (DuplicateKeyException e) {
      return Outcome.OPENED_BEFORE;
    } catch (MismatchingMessageCorrelationException e) {
      LOG.warn("Journey {} of coupling {} does not wait for weekly logs (not in follow-up, or an older model);"
          + " week {} not opened", journey, couplingId, week.start());
      return Outcome.FAILED;
    } catch (RuntimeException e) {
      LOG.warn("Weekly log of coupling {} for week {} not opened; the next pass tries again: {}", couplingId,
          week.start(), e.toString());
      return Outcome.FAILED;
    }
  }

  /** The week's row in {@code contact_week}: its key fails a second opening, which rolls the whole opening back. */
  private void recordOpened(long couplingId, ContactWeek week) {
    jdbc.update("INSERT INTO contact_week (coupling_id, week_start, week_end, opened_at) VALUES (?, ?, ?, ?)",
        couplingId, Date.valueOf(week.start()), Date.valueOf(week.end()), Timestamp.from(clock.instant()));
  }

  /** Opens check-in number {@code number} in the journey, once (the referral row counts them). */
  public Outcome openCheckIn(String reference, String journey, int number) {
    try {
      Boolean opened = Conflicts.retried("Check-in " + number + " of journey " + journey,
          () -> transaction.execute(status -> {
            int rows = jdbc.update("UPDATE referral SET check_ins_opened = ? WHERE reference = ?"
                + " AND check_ins_opened < ?", number, reference, number);
            if (rows == 0) {
              return false;
            }
            runtime.createMessageCorrelation(ParticipantJourney.MESSAGE_CHECK_IN_DUE).processInstanceId(journey)
                .correlate();
            return true;
          }));
      if (!Boolean.TRUE.equals(opened)) {
        return Outcome.OPENED_BEFORE;
      }
      LOG.info("Check-in {} opened in journey {}", number, journey);
      return Outcome.OPENED;
    } catch (MismatchingMessageCorrelationException e) {
      LOG.warn("Journey {} does not wait for check-ins (not in follow-up, or an older model); check-in {} not opened",
          journey, number);
      return Outcome.FAILED;
    } catch (RuntimeException e) {
      LOG.warn("Check-in {} of journey {} not opened; the next pass tries again: {}", number, journey, e.toString());
      return Outcome.FAILED;
    }
  }

  /**
   * Gives the mentor the log of a coupling's last days ({@code finalContactWeek}), once: the {@code contact_week} row
   * and the process start go in one transaction.
   */
  public Outcome openFinalWeek(EndedCoupling c, ContactWeek week) {
    try {
      transaction.executeWithoutResult(status -> {
        recordOpened(c.id(), week);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ParticipantJourney.Var.REFERRAL_REFERENCE, c.reference());
        variables.put(ParticipantJourney.Var.MENTOR_USERNAME, c.mentorUsername());
        variables.put(ParticipantJourney.Var.WEEK_START, week.start().toString());
        variables.put(ParticipantJourney.Var.WEEK_END, week.end().toString());
        variables.put(ParticipantJourney.Var.WEEK_LABEL, week.label());
        variables.put(ParticipantJourney.Var.WEEK_COUPLING_ID, c.id());
        runtime.startProcessInstanceByKey(FinalContactWeek.PROCESS_KEY, c.reference(), variables);
      });
      LOG.info("Last days of coupling {} opened for its weekly log: {} to {}", c.id(), week.start(), week.end());
      return Outcome.OPENED;
    } catch (DuplicateKeyException e) {
      return Outcome.OPENED_BEFORE;
    } catch (RuntimeException e) {
      LOG.warn("Last days of coupling {} not opened; the next pass tries again: {}", c.id(), e.toString());
      return Outcome.FAILED;
    }
  }

  /**
   * Couplings that ended since {@code since}, in follow-up (not a reservation given back) and not because consent was
   * withdrawn, with the last week opened for them. The mentor is named only while active: the last log of a mentor
   * who is paused (after a relapse, say) goes to the coordinators.
   */
  public List<EndedCoupling> endedCouplings(LocalDate since) {
    return jdbc.query("""
        SELECT c.id, c.started_at, c.ended_at, r.reference,
               CASE WHEN m.status = 'ACTIVE' THEN m.username END AS username,
               (SELECT MAX(w.week_start) FROM contact_week w WHERE w.coupling_id = c.id) AS last_week
        FROM coupling c
        JOIN referral r ON r.reference = c.referral_reference
        JOIN mentor m ON m.id = c.mentor_id
        WHERE c.status = 'ENDED' AND c.started_at IS NOT NULL AND c.ended_at >= ?
          AND (c.end_reason IS NULL OR c.end_reason <> ?)
        ORDER BY c.id""", (rs, i) -> {
          Date last = rs.getDate("last_week");
          return new EndedCoupling(rs.getLong("id"), rs.getString("reference"), rs.getString("username"),
              osloDay(rs.getTimestamp("started_at")), osloDay(rs.getTimestamp("ended_at")),
              last == null ? null : last.toLocalDate());
        }, Timestamp.from(since.atStartOfDay(OsloCalendar.OSLO).toInstant()), FinalContactWeek.NOT_AFTER_REASON);
  }

  /** Every coupling in follow-up, with the last week opened for it and the start of its journey's follow-up. */
  public List<ActiveCoupling> activeCouplings() {
    return jdbc.query("""
        SELECT c.id, c.started_at, r.reference, r.process_instance_id, r.check_ins_opened,
               (SELECT MAX(w.week_start) FROM contact_week w WHERE w.coupling_id = c.id) AS last_week,
               (SELECT MIN(f.started_at) FROM coupling f WHERE f.referral_reference = c.referral_reference)
                 AS follow_up_start
        FROM coupling c
        JOIN referral r ON r.reference = c.referral_reference
        WHERE c.status = 'ACTIVE' AND c.started_at IS NOT NULL
        ORDER BY c.id""", (rs, i) -> {
          Date last = rs.getDate("last_week");
          return new ActiveCoupling(rs.getLong("id"), rs.getString("reference"), rs.getString("process_instance_id"),
              osloDay(rs.getTimestamp("started_at")), osloDay(rs.getTimestamp("follow_up_start")),
              last == null ? null : last.toLocalDate(), rs.getInt("check_ins_opened"));
        });
  }

  private static LocalDate osloDay(Timestamp at) {
    return at.toInstant().atZone(OsloCalendar.OSLO).toLocalDate();
  }
}
