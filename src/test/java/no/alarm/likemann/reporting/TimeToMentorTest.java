package no.alarm.likemann.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import no.alarm.likemann.reporting.TimeToMentor.Coupled;

import org.junit.jupiter.api.Test;

class TimeToMentorTest {

  private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  private static Instant at(int month, int day, int hour) {
    return LocalDateTime.of(2026, month, day, hour, 0).atZone(OSLO).toInstant();
  }

  @Test
  void mediansSplitTheWaitAtMatching() {
    var result = TimeToMentor.of(List.of(
        new Coupled(at(9, 1, 10), at(9, 11, 10), at(9, 21, 10)),   // 10 to matching, 10 in matching
        new Coupled(at(10, 1, 10), at(10, 3, 10), at(10, 30, 10)), // 2, 27
        new Coupled(at(10, 5, 10), at(10, 9, 10), at(10, 12, 10))), // 4, 3
        List.of(), TODAY, OSLO);

    assertThat(result.coupled()).isEqualTo(3);
    assertThat(result.medianDaysToMatching()).isEqualTo(4);
    assertThat(result.medianDaysInMatching()).isEqualTo(10);
  }

  @Test
  void anEvenCountTakesTheMeanOfTheMiddleTwo() {
    var result = TimeToMentor.of(List.of(
        new Coupled(at(9, 1, 10), at(9, 2, 10), at(9, 3, 10)),
        new Coupled(at(9, 1, 10), at(9, 4, 10), at(9, 10, 10))), List.of(), TODAY, OSLO);

    assertThat(result.medianDaysToMatching()).isEqualTo(2.0);
    assertThat(result.medianDaysInMatching()).isEqualTo(3.5);
  }

  @Test
  void daysAreOsloCalendarDaysNotTwentyFourHours() {
    // 23:30 to 00:30 the next night is one day; 00:30 to 23:30 the same day is none
    var result = TimeToMentor.of(List.of(
        new Coupled(at(3, 28, 23).plusSeconds(1800), at(3, 29, 0).plusSeconds(1800), at(3, 29, 23))),
        List.of(), TODAY, OSLO);

    assertThat(result.medianDaysToMatching()).isEqualTo(1);
    assertThat(result.medianDaysInMatching()).isZero();
  }

  @Test
  void onlyCouplingsOfTheLastTwelveMonthsCount() {
    var old = new Coupled(Instant.parse("2025-10-01T08:00:00Z"), Instant.parse("2025-10-02T08:00:00Z"),
        Instant.parse("2025-11-23T08:00:00Z"));
    var recent = new Coupled(at(11, 1, 10), at(11, 2, 10), at(11, 4, 10));

    var result = TimeToMentor.of(List.of(old, recent), List.of(), TODAY, OSLO);

    assertThat(result.coupled()).isEqualTo(1);
    assertThat(result.medianDaysInMatching()).isEqualTo(2);
  }

  @Test
  void thoseWaitingNowAreCountedWithTheLongestWait() {
    var result = TimeToMentor.of(List.of(), List.of(at(11, 20, 9), at(10, 25, 15)), TODAY, OSLO);

    assertThat(result.waitingNow()).isEqualTo(2);
    assertThat(result.longestWaitDays()).isEqualTo(30);
    assertThat(result.coupled()).isZero();
    assertThat(result.medianDaysToMatching()).isZero();
  }

  @Test
  void nobodyWaitingIsNoWait() {
    assertThat(TimeToMentor.of(List.of(), List.of(), TODAY, OSLO))
        .isEqualTo(new TimeToMentor(0, 0, 0, 0, 0));
  }
}
