package no.alarm.likemann.reporting.steering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import no.alarm.likemann.reporting.steering.SteeringReportLines.Section;

import org.junit.jupiter.api.Test;

class SteeringReportLinesTest {

  static final LocalDate JANUARY_1 = LocalDate.of(2026, 1, 1);
  static final LocalDate OCTOBER_31 = LocalDate.of(2026, 10, 31);

  @Test
  void shouldSayEveryFigureInNorwegianWithTheGoalsBesideTheShares() {
    var sections = SteeringReportLines.of(SteeringFixtures.figures(JANUARY_1, OCTOBER_31));
    assertThat(sections).extracting(Section::title).containsExactly("Henvisninger", "Forløpene",
        "Kontakt med deltakerne", "Likemennene", "Evalueringen (snitt, 1 til 10)", "Portalen");
    Map<String, String> lines = new java.util.LinkedHashMap<>();
    sections.forEach(s -> s.lines().forEach(l -> lines.put(l.label().strip(), l.value())));
    assertThat(lines).containsEntry("Henvisninger mottatt", "12")
        .containsEntry("fra Skien", "7")
        .containsEntry("Kvinner", "5")
        .containsEntry("18-30 år", "8")
        .containsEntry("Med individuell plan (mål minst 50 %)", "58 %")
        .containsEntry("Med Brukerplan (mål 100 %)", "92 %")
        .containsEntry("Fra henvisning til koblingsmøte, median", "23 dager")
        .containsEntry("Henvisninger og forløp avsluttet", "6")
        .containsEntry("Henvisningen avslått", "2")
        .containsEntry("Målene nådd", "3")
        .containsEntry("Frafall før behandlingen i TSB var slutt", "1 av 10 fulgt opp (10 %)")
        .containsEntry("På venteliste nå (1.11.2026)", "2")
        .containsEntry("nådde ikke deltakeren", "30")
        .containsEntry("Telefon eller SMS", "200")
        // 310 contacts over the 304 days of January to October: 7.1 a week
        .containsEntry("Kontaktpunkter per uke, snitt", "7,1")
        .containsEntry("Timer med deltakerne", "150,0")
        .containsEntry("av dem utenom vanlig arbeidstid", "52,5 (35 %)")
        .containsEntry("Ukelogger sendt", "111 av 120 (93 %)")
        .containsEntry("med tilskudd fra NAV", "2")
        .containsEntry("Likemenn nå: Aktive", "8")
        .containsEntry("Svar fra deltakere", "4")
        .containsEntry("1. Medvirket i beslutninger", "Ruskonsulenter 8,0, Deltakere 9,0")
        .containsEntry("Kjøring (km)", "1200")
        .containsEntry("av dem fortsatt med", "3");
  }

  @Test
  void aPeriodWithoutAnythingSaysSoInsteadOfDividingByZero() {
    var empty = new SteeringFigures.Figures(JANUARY_1, JANUARY_1, JANUARY_1.plusDays(1), 0, Map.of(), Map.of(),
        Map.of(), 0, 0, 0, 0, null, 0, Map.of(), 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, Map.of(), 0, 0, Map.of(),
        Map.of(), 0, 0, 0, 0);
    String md = SteeringReportLines.markdown(SteeringReportLines.of(empty));
    assertThat(md).contains("- Med individuell plan (mål minst 50 %): **–**",
        "- Fra henvisning til koblingsmøte, median: **ingen koblet i perioden**",
        "- Svar på evalueringen: **ingen i perioden**", "- Ukelogger sendt: **0 av 0 (–)**")
        .doesNotContain("NaN", "Infinity");
  }

  @Test
  void theMarkdownNestsTheBreakdownsUnderTheirTotals() {
    String md = SteeringReportLines.markdown(SteeringReportLines.of(SteeringFixtures.figures(JANUARY_1, OCTOBER_31)));
    assertThat(md).startsWith("#### Henvisninger\n- Henvisninger mottatt: **12**\n  - fra Porsgrunn: **5**\n")
        .contains("#### Portalen\n- Nye medarbeidere: **5**\n  - av dem fortsatt med: **3**\n");
  }
}
