package no.alarm.likemann.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import no.alarm.likemann.reporting.MunicipalityMonthlyReport.Coordinator;
import no.alarm.likemann.reporting.MunicipalityMonthlyReport.MentorTotals;
import no.alarm.likemann.reporting.MunicipalityMonthlyReport.Participant;

import org.junit.jupiter.api.Test;

class MonthlyReportPdfTest {

  @Test
  void shouldWriteTheMunicipalitysMonthInNorwegianWithTotals() throws Exception {
    var report = new MunicipalityMonthlyReport("Kragerø", "Grenland", YearMonth.of(2026, 3),
        List.of(new Participant("HEN-2026-00042", "LM-0002", 6, 5, 240, 90, "Stabil, i arbeidstrening", "Fast jobb")),
        List.of(new MentorTotals("LM-0002", "Kari Nilsen", true, 2, 9, 300, 140, 250, "Kafébesøk"),
            new MentorTotals("LM-0004", "Nina Lund", false, 1, 2, 20, null, null, null)),
        new Coordinator(60, 99, "Bompenger"), "Oppstart av ny SNU-gruppe", "NAV, Borgestadklinikken",
        LocalDate.of(2026, 4, 2));

    byte[] pdf = MonthlyReportPdf.render(report);

    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    String text = MonthlyReportsTest.text(pdf);
    assertThat(text).contains("Månedsrapport", "Kragerø", "mars 2026", "Grenland", "2.4.2026", "HEN-2026-00042",
        "Stabil, i arbeidstrening", "Fast jobb", "LM-0002 Kari Nilsen", "Mottatt", "LM-0004 Nina Lund",
        "Ikke mottatt", "Kafébesøk", "Bompenger", "Oppstart av ny SNU-gruppe", "NAV, Borgestadklinikken");
    // 140 + 60 km and 250 + 99 kr; Nina's report did not come, so she adds nothing
    // the extractor joins table cells without spaces: compare without them
    assertThat(text.replaceAll("\\s", "")).contains("Sumlikemennogkoordinator200349",
        "LM-0004NinaLundIkkemottatt1220–––");
    assertThat(report.totalKm()).isEqualTo(200);
    assertThat(report.totalKr()).isEqualTo(349);
  }
}
