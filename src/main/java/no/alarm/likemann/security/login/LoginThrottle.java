package no.alarm.likemann.security.login;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Failed logins per client address: after {@code limit} failures within {@code window}, the address may not try
 * again until the oldest of them is a window old. Counted before the engine checks the password, so an address that
 * guesses cannot push a user's own counter (Camunda's lock) up any further. The failures are in the database (table
 * {@code login_failure}), so that every node of a cluster counts the same ones: the limit is the cluster's, not each
 * node's (issue 16).
 */
public class LoginThrottle {

  /** An address is at most this long (an IPv6 address with its zone); longer ones are cut, never refused. */
  static final int ADDRESS_LENGTH = 64;

  private final JdbcTemplate jdbc;
  private final int limit;
  private final Duration window;
  private final Clock clock;

  public LoginThrottle(JdbcTemplate jdbc, int limit, Duration window, Clock clock) {
    if (limit < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("A login throttle needs a limit of at least 1 and a positive window");
    }
    this.jdbc = jdbc;
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /** How long the address must wait before it may try again; empty when it may try now. */
  public Optional<Duration> waitFor(String address) {
    Instant now = clock.instant();
    // the newest `limit` failures in the window: when there are that many, the oldest of them decides the wait
    List<Timestamp> recent = jdbc.queryForList("SELECT failed_at FROM login_failure WHERE address = ? AND failed_at > ?"
        + " ORDER BY failed_at DESC FETCH FIRST " + limit + " ROWS ONLY", Timestamp.class, key(address),
        Timestamp.from(now.minus(window)));
    if (recent.size() < limit) {
      return Optional.empty();
    }
    Duration wait = Duration.between(now, recent.get(recent.size() - 1).toInstant().plus(window));
    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
  }

  /** A login from the address failed (a wrong user name or password). */
  public void failed(String address) {
    jdbc.update("INSERT INTO login_failure (address, failed_at) VALUES (?, ?)", key(address),
        Timestamp.from(clock.instant()));
  }

  /** Forgets an address (an operator's "let them try again"; tests). */
  public void forget(String address) {
    jdbc.update("DELETE FROM login_failure WHERE address = ?", key(address));
  }

  /** Removes the failures older than the window: they count no more. Returns how many. */
  public int sweep() {
    return jdbc.update("DELETE FROM login_failure WHERE failed_at <= ?",
        Timestamp.from(clock.instant().minus(window)));
  }

  int rows() {
    return jdbc.queryForObject("SELECT count(*) FROM login_failure", Integer.class);
  }

  private static String key(String address) {
    return address.length() <= ADDRESS_LENGTH ? address : address.substring(0, ADDRESS_LENGTH);
  }
}
