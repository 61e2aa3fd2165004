package no.alarm.likemann.erasure;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import no.alarm.likemann.operations.ScheduleLocks;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention: a person whose journeys all ended longer ago than {@code likemann.retention.keep-after-end} is erased
 * by itself, each night, as a project leader's erasure would ({@link PersonErasure}: the anonymous record stays for
 * the reports). The same time drives the engine's history (the processes' history time to live, counted from their
 * end) and the read log, so that the engine, the register and the log let go of a case together.
 */
@Component
public class Retention {

  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  public static final String REASON = "retentionOver";
  public static final String BY = "system";

  private final JdbcTemplate jdbc;
  private final PersonErasure erasure;
  private final Erasures erasures;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Duration keep;
  private CandidateErasure candidates;
  private FormerMentorErasure formerMentors;
  private CoworkerErasure coworkers;
  private Duration keepCandidates = Duration.ofDays(365);

  public Retention(JdbcTemplate jdbc, PersonErasure erasure, Erasures erasures, TransactionTemplate transactions,
                   Clock clock, @Value("${likemann.retention.keep-after-end:P1825D}") Duration keep) {
    this.jdbc = jdbc;
    this.erasure = erasure;
    this.erasures = erasures;
    this.transactions = transactions;
    this.clock = clock;
    this.keep = keep;
  }

  /** Candidates who did not become mentors, and how long after their onboarding ended they are kept. */
  @org.springframework.beans.factory.annotation.Autowired
  void candidates(CandidateErasure candidates,
                  @Value("${likemann.retention.candidate-keep-after-end:P365D}") Duration keepCandidates) {
    this.candidates = candidates;
    this.keepCandidates = keepCandidates;
  }

  /** Former mentors and Portalen's former co-workers: kept as long after they left as a journey after its end. */
  @org.springframework.beans.factory.annotation.Autowired
  void formerStaff(FormerMentorErasure formerMentors, CoworkerErasure coworkers) {
    this.formerMentors = formerMentors;
    this.coworkers = coworkers;
  }

  public Duration keepCandidates() {
    return keepCandidates;
  }

  /** Erases the former candidates whose time is over, each in a transaction of its own; returns how many. */
  public int eraseExpiredCandidates(Instant now) {
    return eraseEach(candidates.due(now.minus(keepCandidates)), candidates::erase, "former candidate",
        "whose onboarding ended more than " + keepCandidates + " ago");
  }

  /** Erases the mentors who left longer ago than the retention time, each in its own transaction; returns how many. */
  public int eraseExpiredMentors(Instant now) {
    return eraseEach(formerMentors.due(now.minus(keep)), formerMentors::erase, "former mentor",
        "who left more than " + keep + " ago");
  }

  /** Erases Portalen's co-workers who left longer ago than the retention time; returns how many. */
  public int eraseExpiredCoworkers(Instant now) {
    return eraseEach(coworkers.due(now.minus(keep)), coworkers::erase, "former Portalen co-worker",
        "who left more than " + keep + " ago");
  }

  private int eraseEach(List<Long> ids, java.util.function.LongConsumer erase, String what, String why) {
    int erased = 0;
    for (long id : ids) {
      try {
        transactions.executeWithoutResult(tx -> erase.accept(id));
        erased++;
      } catch (RuntimeException e) {
        LOG.warn("Retention: {} {} could not be erased tonight: {}", what, id, e.getMessage());
      }
    }
    LOG.info("Retention: erased {} of {} {}s {}", erased, ids.size(), what, why);
    return erased;
  }

  public Duration keep() {
    return keep;
  }

  @Scheduled(cron = "${likemann.retention.cron:0 15 3 * * *}", zone = "Europe/Oslo")
  @SchedulerLock(name = ScheduleLocks.RETENTION, lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
  public void nightly() {
    Instant now = clock.instant();
    int candidatesErased = eraseExpiredCandidates(now);
    int mentorsErased = eraseExpiredMentors(now);
    int coworkersErased = eraseExpiredCoworkers(now);
    eraseExpired(now);
    jdbc.update("UPDATE retention_run SET candidates_erased = ?, mentors_erased = ?, coworkers_erased = ?"
        + " WHERE id = (SELECT MAX(id) FROM retention_run)", candidatesErased, mentorsErased, coworkersErased);
    removeOldDigests(now);
  }

  /** The daily e-mail's record (who got it which day) is needed for a day; it is kept 90 days (RetentionRules). */
  public int removeOldDigests(Instant now) {
    int removed = jdbc.update("DELETE FROM task_digest WHERE digest_date < ?", java.sql.Date.valueOf(
        now.atZone(no.alarm.likemann.calendar.OsloCalendar.OSLO).toLocalDate().minusDays(90)));
    LOG.info("Retention: removed {} daily e-mail records older than 90 days", removed);
    return removed;
  }

  /** One night's pass: when, with what retention time, how many journeys it erased, how many persons it left. */
  public record Run(Instant ranAt, String keepAfterEnd, int journeysErased, int personsLeft, int candidatesErased,
                    int mentorsErased, int coworkersErased) {}

  /** The last pass; empty before the first. */
  public java.util.Optional<Run> lastRun() {
    return jdbc.query("SELECT ran_at, keep_after_end, journeys_erased, persons_left, candidates_erased,"
        + " mentors_erased, coworkers_erased FROM retention_run ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
        (rs, n) -> new Run(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
            rs.getInt(6), rs.getInt(7))).stream().findFirst();
  }

  /** One referral of each person whose every journey ended before {@code now} less the retention time. */
  public List<String> expired(Instant now) {
    return jdbc.queryForList("SELECT MIN(r.reference) FROM referral r WHERE NOT r.anonymous GROUP BY r.person_id"
        + " HAVING COUNT(*) = COUNT(r.ended_at) AND MAX(r.ended_at) < ?", String.class,
        Timestamp.from(now.minus(keep)));
  }

  /** Erases the persons whose time is over, each in a transaction of its own; returns how many journeys went. */
  public int eraseExpired(Instant now) {
    int journeys = 0;
    int left = 0;
    for (String reference : expired(now)) {
      try {
        Integer erased = transactions.execute(tx -> {
          List<String> all = erasure.checkErasable(reference);
          long id = erasures.request(reference, REASON, BY, all.size());
          var done = erasure.erase(reference);
          erasures.erased(id, BY, done.journeys(), done.hashes());
          return done.journeys();
        });
        journeys += erased == null ? 0 : erased;
      } catch (RuntimeException e) {
        // one person that cannot be erased tonight (a month's reporting still names them) does not stop the others
        left++;
        LOG.warn("Retention: a person could not be erased tonight: {}", e.getMessage());
      }
    }
    LOG.info("Retention: erased {} journeys that ended more than {} ago; {} persons left for another night",
        journeys, keep, left);
    jdbc.update("INSERT INTO retention_run (ran_at, keep_after_end, journeys_erased, persons_left) VALUES (?, ?, ?, ?)",
        Timestamp.from(clock.instant()), keep.toString(), journeys, left);
    return journeys;
  }
}
