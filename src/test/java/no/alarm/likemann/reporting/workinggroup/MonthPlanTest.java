package no.alarm.likemann.reporting.workinggroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.forms.Violation;

import org.junit.jupiter.api.Test;

class MonthPlanTest {

  static Instant oslo(int year, int month, int day, int hour) {
    return LocalDateTime.of(year, month, day, hour, 0).atZone(OsloCalendar.OSLO).toInstant();
  }

  @Test
  void aMonthStartedOnTheFirstAsksTheAdviserByTheTenthAndTheMeetingByTheLastDay() {
    MonthPlan plan = MonthPlan.of(YearMonth.of(2026, 2), LocalDateTime.of(2026, 2, 1, 7, 0));
    assertThat(plan.adviserDue()).isEqualTo(oslo(2026, 2, 10, 16));
    assertThat(plan.adviserLate()).isEqualTo(oslo(2026, 2, 12, 16));
    assertThat(plan.meetingDue()).isEqualTo(oslo(2026, 2, 28, 16));
    assertThat(plan.halfYearEvaluation()).isFalse();
    // the figures are January's, a whole month
    assertThat(plan.figuresFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(plan.figuresTo()).isEqualTo(LocalDate.of(2026, 1, 31));
  }

  @Test
  void juneIsTheHalfYearEvaluationAndJanuaryShowsDecembersFigures() {
    assertThat(MonthPlan.of(YearMonth.of(2026, 6), LocalDateTime.of(2026, 6, 1, 7, 0)).halfYearEvaluation())
        .isTrue();
    MonthPlan january = MonthPlan.of(YearMonth.of(2027, 1), LocalDateTime.of(2027, 1, 1, 7, 0));
    assertThat(january.halfYearEvaluation()).isFalse();
    assertThat(january.figuresFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(january.figuresTo()).isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void aMonthStartedAfterItsDueDatesGivesAWeekToEachStep() {
    // started on the 20th: the adviser's 10th has passed
    MonthPlan late = MonthPlan.of(YearMonth.of(2026, 10), LocalDateTime.of(2026, 10, 20, 9, 0));
    assertThat(late.adviserDue()).isEqualTo(oslo(2026, 10, 27, 16));
    assertThat(late.adviserLate()).isEqualTo(oslo(2026, 10, 29, 16));
    assertThat(late.meetingDue()).isEqualTo(oslo(2026, 10, 31, 16));
    // started on the 28th: the month's last day comes before the adviser's report is late
    MonthPlan later = MonthPlan.of(YearMonth.of(2026, 10), LocalDateTime.of(2026, 10, 28, 9, 0));
    assertThat(later.adviserLate()).isEqualTo(oslo(2026, 11, 6, 16));
    assertThat(later.meetingDue()).isEqualTo(oslo(2026, 11, 13, 16));
    // the 10th at 16:00 itself is still in time
    assertThat(MonthPlan.of(YearMonth.of(2026, 10), LocalDateTime.of(2026, 10, 10, 16, 0)).adviserDue())
        .isEqualTo(oslo(2026, 10, 10, 16));
  }

  @Test
  void theMonthMustHaveBegunAndBeAtMostAYearBack() {
    LocalDate today = LocalDate.of(2026, 10, 14);
    assertThat(MonthPlan.check("2026-10", today)).isEmpty();
    assertThat(MonthPlan.check("2025-10", today)).isEmpty();
    assertThat(MonthPlan.check("2025-09", today)).extracting(Violation::english)
        .containsExactly("groupMonth must not be more than a year back");
    assertThat(MonthPlan.check("2026-11", today)).extracting(Violation::norwegian)
        .containsExactly("Måneden kan ikke være fram i tid.");
    for (Object bad : new Object[] {"2026-13", "2026-1", "26-10", "2026-10-01", "oktober", "", 202610, null}) {
      assertThat(MonthPlan.check(bad, today)).as(String.valueOf(bad)).extracting(Violation::english)
          .containsExactly("groupMonth must be a month (yyyy-mm)");
    }
    assertThat(MonthPlan.parse(" 2026-10 ")).isEqualTo(YearMonth.of(2026, 10));
  }
}
