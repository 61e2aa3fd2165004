package no.alarm.likemann.security.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import no.alarm.likemann.support.MovingClock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/** The throttle on its own table, in an H2 database of the test's own (the same migration as the application's). */
class LoginThrottleTest {

  final MovingClock clock = new MovingClock("2026-12-02T08:00:00Z");
  final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true)
      .addScript("db/migration/V39__login_failure.sql").build();
  final JdbcTemplate jdbc = new JdbcTemplate(database);
  final LoginThrottle throttle = new LoginThrottle(jdbc, 10, Duration.ofMinutes(15), clock);

  @AfterEach
  void closeDatabase() {
    database.shutdown();
  }

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
  void shouldCountTheFailuresOfEveryNodeOnTheSameDatabase() {
    // two nodes of a cluster: an address that fails five times on each has had its ten
    LoginThrottle otherNode = new LoginThrottle(jdbc, 10, Duration.ofMinutes(15), clock);
    for (int i = 0; i < 5; i++) {
      throttle.failed("10.0.0.3");
      otherNode.failed("10.0.0.3");
      clock.pass(Duration.ofSeconds(1));
    }
    assertThat(throttle.waitFor("10.0.0.3")).as("on the first node").isPresent();
    assertThat(otherNode.waitFor("10.0.0.3")).as("on the second node").isPresent();
    otherNode.forget("10.0.0.3");
    assertThat(throttle.waitFor("10.0.0.3")).as("forgotten on one node, forgotten on both").isEmpty();
  }

  @Test
  void shouldRemoveTheFailuresOlderThanTheWindowAndKeepTheRest() {
    for (int i = 0; i < 1000; i++) {
      throttle.failed("a" + i);
    }
    clock.pass(Duration.ofMinutes(10));
    throttle.failed("10.0.0.4");
    clock.pass(Duration.ofMinutes(6));
    assertThat(throttle.sweep()).as("a flood's rows go when their window is over").isEqualTo(1000);
    assertThat(throttle.rows()).as("the failure still in its window stays").isEqualTo(1);
  }

  @Test
  void shouldCutAnOverlongAddressRatherThanRefuseTheLogin() {
    String longAddress = "x".repeat(200);
    for (int i = 0; i < 10; i++) {
      throttle.failed(longAddress);
    }
    assertThat(throttle.waitFor(longAddress)).isPresent();
  }

  @Test
  void shouldRefuseANonsenseSetting() {
    assertThatThrownBy(() -> new LoginThrottle(jdbc, 0, Duration.ofMinutes(1), clock))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
