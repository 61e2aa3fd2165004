package no.alarm.likemann.security.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  /** A clock the test moves. */
  static final class Moving extends Clock {
    Instant now = Instant.parse("2026-12-02T08:00:00Z");

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

    void pass(Duration d) {
      now = now.plus(d);
    }
  }

  final Moving clock = new Moving();
  final LoginThrottle throttle = new LoginThrottle(10, Duration.ofMinutes(15), clock);

  @Test
  void shouldLetAnAddressFailTenTimesInAWindowAndThenWaitUntilTheOldestFailureIsAWindowOld() {
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.waitFor("10.0.0.1")).isEmpty();
      throttle.failed("10.0.0.1");
      clock.pass(Duration.ofSeconds(5));
    }
    // the first failure was 50 s ago: it is forgotten 15 minutes after it happened
    assertThat(throttle.waitFor("10.0.0.1")).contains(Duration.ofMinutes(15).minusSeconds(50));
    assertThat(throttle.waitFor("10.0.0.2")).as("another address").isEmpty();

    clock.pass(Duration.ofMinutes(15).minusSeconds(50));
    assertThat(throttle.waitFor("10.0.0.1")).as("the oldest failure is forgotten").isEmpty();
    throttle.failed("10.0.0.1");
    assertThat(throttle.waitFor("10.0.0.1")).isPresent();
  }

  @Test
  void shouldCountEightyFiveGuessesAtOnePerFiveSecondsAsTen() {
    // the attack of the issue: 85 wrong passwords for one user at one per five seconds from one address
    int checked = 0;
    for (int i = 0; i < 85; i++) {
      if (throttle.waitFor("10.0.0.9").isEmpty()) {
        checked++;
        throttle.failed("10.0.0.9");
      }
      clock.pass(Duration.ofSeconds(5));
    }
    assertThat(checked).isEqualTo(10);
  }

  @Test
  void shouldStayBoundedUnderAFloodOfAddresses() {
    for (int i = 0; i < LoginThrottle.MAX_ADDRESSES + 10; i++) {
      throttle.failed("a" + i);
    }
    assertThat(throttle.addresses()).isLessThanOrEqualTo(LoginThrottle.MAX_ADDRESSES);
    clock.pass(Duration.ofMinutes(16));
    throttle.sweep();
    assertThat(throttle.addresses()).isZero();
  }

  @Test
  void shouldRefuseANonsenseSetting() {
    assertThatThrownBy(() -> new LoginThrottle(0, Duration.ofMinutes(1), clock))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
