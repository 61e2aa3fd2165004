package no.alarm.likemann.reporting.steering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import no.alarm.likemann.forms.Violation;

import org.junit.jupiter.api.Test;

class SteeringPeriodTest {

  @Test
  void theHalfYearReportStartedOnTheFirstOfJuneCoversJanuaryToMayAndIsDueAtTheEndOfJune() {
    SteeringPeriod p = SteeringPeriod.of("halfYear", 2026, LocalDate.of(2026, 6, 1));
    assertThat(p.from()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(p.to()).isEqualTo(LocalDate.of(2026, 5, 31));
    assertThat(p.due()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(p.whole()).isFalse();
    assertThat(p.title()).isEqualTo("Halvårsrapport 2026 (1.1.2026–31.5.2026)");
    assertThat(SteeringReporting.businessKey(p)).isEqualTo("SG-2026-halfYear");
  }

  @Test
  void theResultsReportStartedOnTheFirstOfNovemberCoversJanuaryToOctoberAndIsDueOnTheFirstOfDecember() {
    SteeringPeriod p = SteeringPeriod.of("yearResults", 2026, LocalDate.of(2026, 11, 1));
    assertThat(p.from()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(p.to()).isEqualTo(LocalDate.of(2026, 10, 31));
    assertThat(p.due()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(p.title()).isEqualTo("Resultatrapport 2026 (1.1.2026–31.10.2026)");
  }

  @Test
  void theEvaluationReportFromTheMentorsAndCounsellorsIsDueOnTheFirstOfDecemberToo() {
    SteeringPeriod p = SteeringPeriod.of("evaluation", 2026, LocalDate.of(2026, 11, 1));
    assertThat(p.due()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(p.title()).isEqualTo("Evalueringsrapport fra likemenn og ruskonsulenter 2026 (1.1.2026–31.10.2026)");
    assertThat(SteeringReporting.businessKey(p)).isEqualTo("SG-2026-evaluation");
  }

  @Test
  void aPastYearsReportCoversItsWholePeriodAndIsDueTwoWeeksLater() {
    SteeringPeriod halfYear = SteeringPeriod.of("halfYear", 2025, LocalDate.of(2026, 12, 1));
    assertThat(halfYear.to()).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(halfYear.whole()).isTrue();
    assertThat(halfYear.due()).isEqualTo(LocalDate.of(2026, 12, 15));
    SteeringPeriod year = SteeringPeriod.of("yearResults", 2025, LocalDate.of(2026, 1, 2));
    assertThat(year.to()).isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(year.whole()).isTrue();
    // on the due day itself the report is still due that day
    assertThat(SteeringPeriod.of("yearResults", 2026, LocalDate.of(2026, 12, 1)).due())
        .isEqualTo(LocalDate.of(2026, 12, 1));
  }

  @Test
  void aKindOrAYearTheServiceDoesNotKnowIsRefusedInNorwegianAndEnglish() {
    LocalDate today = LocalDate.of(2026, 12, 1);
    assertThat(SteeringPeriod.check("quarter", 2026, today)).extracting(Violation::norwegian)
        .containsExactly("Velg halvårsrapport, resultatrapport eller evalueringsrapport.");
    assertThat(SteeringPeriod.check("halfYear", 2016, today)).extracting(Violation::english)
        .containsExactly("reportYear must be between 2017 and this year");
    assertThat(SteeringPeriod.check("halfYear", 2027, today)).extracting(Violation::norwegian)
        .containsExactly("Året må være fra 2017 til 2026.");
    assertThat(SteeringPeriod.check("halfYear", 2026.5, today)).extracting(Violation::field)
        .containsExactly("reportYear");
    assertThat(SteeringPeriod.check(null, "2026", today)).hasSize(2);
    assertThat(SteeringPeriod.check("yearResults", 2026, LocalDate.of(2026, 1, 1))).extracting(Violation::norwegian)
        .containsExactly("Året har ingen hele dager ennå: skriv rapporten fra i morgen.");
    assertThat(SteeringPeriod.check("yearResults", 2026L, today)).isEmpty();
    assertThatThrownBy(() -> SteeringPeriod.of("yearResults", 2027, today))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reportYear");
  }
}
