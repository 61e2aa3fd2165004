package no.alarm.likemann.reporting.workinggroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;

import no.alarm.likemann.reporting.SmallNumbers;
import no.alarm.likemann.reporting.steering.SteeringFigures.Figures;
import no.alarm.likemann.reporting.steering.SteeringFixtures;
import no.alarm.likemann.reporting.steering.SteeringReportLines.Line;
import no.alarm.likemann.reporting.workinggroup.WorkingGroupMonths.AdviserReport;
import no.alarm.likemann.reporting.workinggroup.WorkingGroupMonths.AdviserReportState;
import no.alarm.likemann.reporting.workinggroup.WorkingGroupMonths.Meeting;
import no.alarm.likemann.reporting.workinggroup.WorkingGroupMonths.Stored;
import no.alarm.likemann.support.PdfText;

import org.junit.jupiter.api.Test;

class WorkingGroupMonthPdfTest {

  static final Figures SEPTEMBER = SteeringFixtures.figures(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30));
  static final AdviserReport REPORT = new AdviserReport("To nye likemenn.", "I rute.", "Innenfor budsjett.", 41000,
      null, 350, "Kursmateriell", 1200, "Kurs i Skien");
  static final Meeting MEETING = new Meeting(true, null, LocalDate.of(2026, 10, 15), Set.of("nav", "alarm"),
      "Rekruttering i Bamble", "Nytt kurs", null, "Budsjett", null);

  static Map<String, String> lines(java.util.List<Line> lines) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    lines.forEach(l -> m.put(l.label().strip(), l.value()));
    return m;
  }

  @Test
  void theFiguresHideSmallCountsOfPeopleButShowKilometresAndKroner() {
    Map<String, String> shown = lines(WorkingGroupMonthLines.figures(SEPTEMBER, new SmallNumbers(5)));
    assertThat(shown).containsEntry("Kjøring meldt i månedsrapportene (km)", "1200")
        .containsEntry("Utlegg meldt i månedsrapportene (kr)", "3400")
        .containsEntry("Aktive likemenn (1.10.2026)", "8")
        .containsEntry("Henvisninger mottatt", "12")
        // three employed, two with a NAV grant: neither is shown
        .containsEntry("Likemenn ansatt i måneden", "under 5");
    assertThat(shown.get("med tilskudd fra NAV")).isIn("under 5", "skjult");
    assertThat(WorkingGroupMonthLines.figuresTitle(SEPTEMBER)).isEqualTo("Tall for september 2026");
  }

  @Test
  void theMinutesNameThePartiesInThePlansOrderAndAMeetingNotHeldItsReason() {
    assertThat(lines(WorkingGroupMonthLines.meeting(MEETING))).containsEntry("Møtet ble holdt", "15.10.2026")
        .containsEntry("Til stede", "A-larm, NAV").containsEntry("Tiltak satt i gang", "–");
    assertThat(lines(WorkingGroupMonthLines.meeting(new Meeting(false, "Avlyst", null, Set.of(), null, null, null,
        null, null)))).containsExactly(Map.entry("Møtet ble ikke holdt", "Avlyst"));
    assertThat(lines(WorkingGroupMonthLines.adviser(REPORT))).containsEntry("Kostnader i måneden", "41 000 kr")
        .containsEntry("Bilag og utlegg", "350 kr (Kursmateriell)").containsEntry("Personal", "–");
  }

  @Test
  void thePdfHoldsTheReportTheMinutesAndTheFiguresInNorwegian() throws Exception {
    Stored month = new Stored(3L, "grenland", YearMonth.of(2026, 10), false, SEPTEMBER,
        AdviserReportState.RECEIVED, REPORT, MEETING);
    String text = PdfText.of(WorkingGroupMonthPdf.render(month, "Grenland", Instant.parse("2026-10-20T10:00:00Z"),
        new SmallNumbers(5)));
    assertThat(text).contains("Arbeidsgruppens måned: oktober 2026", "Region Grenland", "Rådgiverens månedsrapport",
        "To nye likemenn.", "41 000 kr", "Arbeidsgruppemøtet", "A-larm, NAV", "Rekruttering i Bamble",
        "Tall for september 2026", "Laget 20.10.2026", "supplement til det offentlige")
        .doesNotContain("halvårsevaluering", "HEN-");
  }

  @Test
  void juneSaysItIsTheHalfYearEvaluationAndAMissingReportSaysSo() throws Exception {
    Stored june = new Stored(4L, "grenland", YearMonth.of(2026, 6), true, SEPTEMBER, AdviserReportState.NOT_RECEIVED,
        null, null);
    String text = PdfText.of(WorkingGroupMonthPdf.render(june, "Grenland", Instant.parse("2026-06-30T10:00:00Z"),
        new SmallNumbers(5)));
    assertThat(text).contains("Arbeidsgruppens måned: juni 2026 – halvårsevaluering",
        "Halvårsevaluering av prosjektet i arbeidsgruppen", "Rapporten kom ikke inn innen fristen.",
        "Møtet er ikke registrert.");
  }
}
