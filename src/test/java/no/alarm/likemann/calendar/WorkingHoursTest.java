package no.alarm.likemann.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class WorkingHoursTest {

  @Test
  void shouldFindEasterSundayForKnownYears() {
    assertThat(NorwegianHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(NorwegianHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
    assertThat(NorwegianHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
    assertThat(NorwegianHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
    assertThat(NorwegianHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
  }

  @Test
  void shouldKnowTheNorwegianPublicHolidaysOf2026() {
    assertThat(LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 1)).filter(NorwegianHolidays::isHoliday))
        .containsExactly(
            LocalDate.of(2026, 1, 1),   // nyttårsdag
            LocalDate.of(2026, 4, 2),   // skjærtorsdag
            LocalDate.of(2026, 4, 3),   // langfredag
            LocalDate.of(2026, 4, 5),   // påskedag
            LocalDate.of(2026, 4, 6),   // 2. påskedag
            LocalDate.of(2026, 5, 1),   // 1. mai
            LocalDate.of(2026, 5, 14),  // Kristi himmelfartsdag
            LocalDate.of(2026, 5, 17),  // grunnlovsdag, a Sunday that year
            LocalDate.of(2026, 5, 24),  // 1. pinsedag
            LocalDate.of(2026, 5, 25),  // 2. pinsedag
            LocalDate.of(2026, 12, 25),
            LocalDate.of(2026, 12, 26));
  }

  @Test
  void shouldNotTreatChristmasEveAsAHoliday() {
    assertThat(NorwegianHolidays.isHoliday(LocalDate.of(2026, 12, 24))).isFalse();
    assertThat(WorkingHours.isWorkingDay(LocalDate.of(2026, 12, 24))).isTrue();
  }

  @Test
  void shouldCountNothingOutsideForAContactInsideOrdinaryHours() {
    // Tuesday 24 November 2026
    assertThat(WorkingHours.minutesOutside(LocalDateTime.of(2026, 11, 24, 8, 0), 480)).isZero();
    assertThat(WorkingHours.minutesOutside(LocalDateTime.of(2026, 11, 24, 12, 30), 30)).isZero();
  }

  @Test
  void shouldCountTheEveningPartOfAContactThatRunsPastFour() {
    assertThat(WorkingHours.minutesOutside(LocalDateTime.of(2026, 11, 24, 15, 30), 60)).isEqualTo(30);
    assertThat(WorkingHours.minutesOutside(LocalDateTime.of(2026, 11, 24, 7, 45), 30)).isEqualTo(15);
    assertThat(WorkingHours.minutesOutside(LocalDateTime.of(2026, 11, 24, 16, 0), 45)).isEqualTo(45);
  }

  @Test
  void shouldCountWeekendsAndHolidaysAsOutsideAllDay() {
    assertThat(WorkingHours.minutesOutside(LocalDateTime.of(2026, 11, 28, 11, 0), 90)).isEqualTo(90); // Saturday
    assertThat(WorkingHours.minutesOutside(LocalDateTime.of(2026, 5, 14, 10, 0), 60)).isEqualTo(60); // Ascension
    assertThat(WorkingHours.minutesOutside(LocalDateTime.of(2026, 4, 2, 9, 0), 60)).isEqualTo(60);  // Maundy Thursday
  }

  @Test
  void shouldJudgeEachDayOfAContactThatRunsPastMidnight() {
    // Sunday 23:00 to Monday 09:00: 9 hours outside, the hour from 08:00 on Monday inside
    assertThat(WorkingHours.minutesOutside(LocalDateTime.of(2026, 11, 22, 23, 0), 600)).isEqualTo(540);
  }

  @Test
  void shouldRefuseNegativeMinutes() {
    assertThatThrownBy(() -> WorkingHours.minutesOutside(LocalDateTime.of(2026, 11, 24, 9, 0), -5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
