package no.alarm.likemann.security.login;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda locks a user for good after {@code login-max-attempts} wrong passwords, and only an administrator could
 * open it again: anyone who knows a user name could lock that person out of their work. Here the lock expires
 * {@code after} the last failed attempt, through the engine's own unlock.
 */
public class LockExpiry {

  private static final Logger LOG = LoggerFactory.getLogger(LockExpiry.class);

  private final JdbcTemplate jdbc;
  private final IdentityService identity;
  private final int maxAttempts;
  private final Duration after;
  private final Clock clock;

  public LockExpiry(JdbcTemplate jdbc, IdentityService identity, int maxAttempts, Duration after, Clock clock) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.maxAttempts = maxAttempts;
    this.after = after;
    this.clock = clock;
  }

  /** Unlocks every user locked for good whose last failed login is older than the expiry; returns their ids. */
  public List<String> unlockExpired() {
    // the engine keeps the time of the last failed attempt's delay in LOCK_EXP_TIME_ (at most a minute after it)
    List<String> expired = jdbc.queryForList("SELECT ID_ FROM ACT_ID_USER WHERE ATTEMPTS_ >= ? AND LOCK_EXP_TIME_ < ?",
        String.class, maxAttempts, Timestamp.from(clock.instant().minus(after)));
    for (String user : expired) {
      identity.unlockUser(user);
      LOG.info("Unlocked user {}: the lock after failed logins has expired", user);
    }
    return expired;
  }
}
