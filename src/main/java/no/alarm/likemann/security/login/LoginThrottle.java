package no.alarm.likemann.security.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per client address: after {@code limit} failures within {@code window}, the address may not try
 * again until the oldest of them is a window old. Counted before the engine checks the password, so an address that
 * guesses cannot push a user's own counter (Camunda's lock) up any further. Plain Java, in memory on each node.
 */
public final class LoginThrottle {

  /** Beyond this many addresses the oldest quiet ones are forgotten first: memory stays bounded under a flood. */
  static final int MAX_ADDRESSES = 100_000;

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(int limit, Duration window, Clock clock) {
    if (limit < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("A login throttle needs a limit of at least 1 and a positive window");
    }
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /** How long the address must wait before it may try again; empty when it may try now. */
  public Optional<Duration> waitFor(String address) {
    Deque<Instant> seen = failures.get(address);
    if (seen == null) {
      return Optional.empty();
    }
    synchronized (seen) {
      Instant now = clock.instant();
      forgetOld(seen, now);
      if (seen.size() < limit) {
        return Optional.empty();
      }
      Duration wait = Duration.between(now, seen.peekFirst().plus(window));
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }
  }

  /** A login from the address failed (a wrong user name or password). */
  public void failed(String address) {
    if (failures.size() >= MAX_ADDRESSES && !failures.containsKey(address)) {
      sweep();
    }
    Deque<Instant> seen = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (seen) {
      Instant now = clock.instant();
      forgetOld(seen, now);
      seen.addLast(now);
      while (seen.size() > limit) {
        seen.removeFirst();
      }
    }
  }

  /** Forgets an address (an operator's "let them try again"; tests). */
  public void forget(String address) {
    failures.remove(address);
  }

  int addresses() {
    return failures.size();
  }

  /** Drops addresses with no failure in the window; when still full, forgets every address. */
  void sweep() {
    Instant now = clock.instant();
    failures.entrySet().removeIf(e -> {
      synchronized (e.getValue()) {
        forgetOld(e.getValue(), now);
        return e.getValue().isEmpty();
      }
    });
    if (failures.size() >= MAX_ADDRESSES) {
      failures.clear();
    }
  }

  private void forgetOld(Deque<Instant> seen, Instant now) {
    Instant since = now.minus(window);
    while (!seen.isEmpty() && !seen.peekFirst().isAfter(since)) {
      seen.removeFirst();
    }
  }
}
