package no.alarm.likemann.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock in Europe/Oslo that stands still until the test moves it. */
public final class MovingClock extends Clock {

  private Instant now;

  public MovingClock(String instant) {
    this.now = Instant.parse(instant);
  }

  @Override
  public ZoneId getZone() {
    return ZoneId.of("Europe/Oslo");
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }

  /** Moves the clock on (or back, with a negative duration). */
  public void pass(Duration d) {
    now = now.plus(d);
  }
}
