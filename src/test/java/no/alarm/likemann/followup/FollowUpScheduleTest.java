package no.alarm.likemann.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FollowUpScheduleTest {

  // Monday 23 November 2026 (week 48); week 47 is 16 to 22 November
  static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

  static ContactWeek week(String start, String end) {
    return new ContactWeek(LocalDate.parse(start), LocalDate.parse(end));
  }

  @Test
  void shouldOpenTheWeekBeforeOnMonday() {
    assertThat(FollowUpSchedule.dueWeeks(MONDAY, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 9), 4))
        .containsExactly(week("2026-11-16", "2026-11-22"));
  }

  @Test
  void shouldOpenNothingWhenTheWeekBeforeIsOpenedOrTheWeekHasNotEnded() {
    assertThat(FollowUpSchedule.dueWeeks(MONDAY, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 16), 4)).isEmpty();
    // coupled this week: the first week ends on Sunday 29 November
    assertThat(FollowUpSchedule.dueWeeks(MONDAY.plusDays(6), MONDAY, null, 4)).isEmpty();
    assertThat(FollowUpSchedule.dueWeeks(MONDAY.plusDays(7), MONDAY, null, 4))
        .containsExactly(week("2026-11-23", "2026-11-29"));
  }

  @Test
  void shouldStartTheFirstWeekOnTheCouplingDay() {
    assertThat(FollowUpSchedule.dueWeeks(MONDAY, LocalDate.of(2026, 11, 20), null, 4))
        .containsExactly(week("2026-11-20", "2026-11-22"));
    // coupled on a Sunday: a week of one day
    assertThat(FollowUpSchedule.dueWeeks(MONDAY, LocalDate.of(2026, 11, 22), null, 4))
        .containsExactly(week("2026-11-22", "2026-11-22"));
  }

  @Test
  void shouldOpenEveryWeekMissedWhileDownButNoMoreThanTheLimit() {
    // down from Sunday 8 November to Wednesday 25 November: weeks 46 and 47 are due, in order
    assertThat(FollowUpSchedule.dueWeeks(MONDAY.plusDays(2), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 2), 4))
        .containsExactly(week("2026-11-09", "2026-11-15"), week("2026-11-16", "2026-11-22"));
    // a coupling nothing was ever opened for (started months ago): the last four weeks only
    assertThat(FollowUpSchedule.dueWeeks(MONDAY, LocalDate.of(2026, 6, 3), null, 4))
        .extracting(ContactWeek::start).map(LocalDate::toString)
        .containsExactly("2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16");
    assertThatThrownBy(() -> FollowUpSchedule.dueWeeks(MONDAY, MONDAY, null, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldOpenTheLastOpenedWeekAgainNever() {
    // the last opened week started on the coupling day (a Thursday): the next one is the Monday after
    assertThat(FollowUpSchedule.dueWeeks(MONDAY, LocalDate.of(2026, 11, 12), LocalDate.of(2026, 11, 12), 4))
        .containsExactly(week("2026-11-16", "2026-11-22"));
  }

  @Test
  void shouldCheckInEveryFiftySixDaysOfFollowUp() {
    LocalDate start = LocalDate.of(2026, 9, 1);
    assertThat(FollowUpSchedule.dueCheckIn(start.plusDays(55), start, 0)).isEmpty();
    assertThat(FollowUpSchedule.dueCheckIn(start.plusDays(56), start, 0)).hasValue(1);
    assertThat(FollowUpSchedule.dueCheckIn(start.plusDays(57), start, 1)).isEmpty();
    assertThat(FollowUpSchedule.dueCheckIn(start.plusDays(112), start, 1)).hasValue(2);
    // down over two check-in days: one check-in, the latest
    assertThat(FollowUpSchedule.dueCheckIn(start.plusDays(170), start, 0)).hasValue(3);
    assertThat(FollowUpSchedule.dueCheckIn(start.minusDays(1), start, 0)).isEmpty();
  }

  @Test
  void shouldGiveTheLastDaysOfACouplingThatEndedMidWeekTheMorningAfter() {
    LocalDate coupled = LocalDate.of(2026, 10, 1);
    LocalDate thursday = LocalDate.of(2026, 11, 26);
    // not before it has ended
    assertThat(FollowUpSchedule.weeksOwedAfterEnd(thursday, coupled, thursday, LocalDate.of(2026, 11, 16), 4)).isEmpty();
    assertThat(FollowUpSchedule.weeksOwedAfterEnd(thursday.plusDays(1), coupled, thursday, LocalDate.of(2026, 11, 16), 4))
        .containsExactly(week("2026-11-23", "2026-11-26"));
    // a coupling of a few days: from its first day
    assertThat(FollowUpSchedule.weeksOwedAfterEnd(thursday.plusDays(1), LocalDate.of(2026, 11, 24), thursday, null, 4))
        .containsExactly(week("2026-11-24", "2026-11-26"));
    // once the last days are opened, nothing more
    assertThat(FollowUpSchedule.weeksOwedAfterEnd(thursday.plusDays(2), coupled, thursday, LocalDate.of(2026, 11, 23), 4))
        .isEmpty();
    // ended on a Sunday, before Monday's log: the whole week
    LocalDate sunday = LocalDate.of(2026, 11, 22);
    assertThat(FollowUpSchedule.weeksOwedAfterEnd(MONDAY, coupled, sunday, LocalDate.of(2026, 11, 9), 4))
        .containsExactly(week("2026-11-16", "2026-11-22"));
  }

  @Test
  void weeksMissedWhileTheApplicationWasDownBeforeACouplingEndedAreOwedWithItsLastDays() {
    LocalDate coupled = LocalDate.of(2026, 10, 1);
    LocalDate thursday = LocalDate.of(2026, 11, 26);
    // last opened: the week of 2 November; down until after the end
    assertThat(FollowUpSchedule.weeksOwedAfterEnd(thursday.plusDays(3), coupled, thursday, LocalDate.of(2026, 11, 2), 4))
        .containsExactly(week("2026-11-09", "2026-11-15"), week("2026-11-16", "2026-11-22"),
            week("2026-11-23", "2026-11-26"));
    // at most the cap's weeks before the last one
    assertThat(FollowUpSchedule.weeksOwedAfterEnd(thursday.plusDays(1), coupled, thursday, LocalDate.of(2026, 10, 5), 2))
        .containsExactly(week("2026-11-09", "2026-11-15"), week("2026-11-16", "2026-11-22"),
            week("2026-11-23", "2026-11-26"));
    // never opened at all: from the coupling day
    assertThat(FollowUpSchedule.weeksOwedAfterEnd(thursday.plusDays(1), LocalDate.of(2026, 11, 19), thursday, null, 4))
        .containsExactly(week("2026-11-19", "2026-11-22"), week("2026-11-23", "2026-11-26"));
  }

  @Test
  void noWeeksAreOwedForACouplingThatEndedBeforeItBegan() {
    assertThat(FollowUpSchedule.weeksOwedAfterEnd(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 26),
        LocalDate.of(2026, 11, 25), null, 4)).isEmpty();
  }
}
