package no.alarm.likemann.reporting.steering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;


import no.alarm.likemann.reporting.steering.SteeringReports.Stored;
import no.alarm.likemann.reporting.steering.SteeringReports.Texts;

import org.junit.jupiter.api.Test;

class SteeringReportPdfTest {

  static String text(byte[] pdf) throws Exception {
    return no.alarm.likemann.support.PdfText.of(pdf);
  }

  @Test
  void shouldPrintTheProjectLeadersTextAndThePeriodsFiguresInNorwegian() throws Exception {
    var figures = SteeringFixtures.figures(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 31));
    var report = new Stored(4, SteeringPeriod.Kind.YEAR_RESULTS, 2026, figures,
        new Texts("Tolv henvisninger, ti fulgt opp.", "Rekruttere to likemenn i Skien.", null, "Utvide til Siljan."),
        "anne.leder", Instant.parse("2026-11-20T10:00:00Z"));

    byte[] pdf = SteeringReportPdf.render(report, Instant.parse("2026-11-20T10:05:00Z"),
        new no.alarm.likemann.reporting.SmallNumbers(5));

    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    String text = text(pdf);
    assertThat(text).contains("Resultatrapport 2026 (1.1.2026–31.10.2026)", "Til styringsgruppen", "20.11.2026",
        "Resultatoppnåelse", "Tolv henvisninger, ti fulgt opp.", "Tiltak", "Rekruttere to likemenn i Skien.",
        "Plan for neste periode", "Utvide til Siljan.", "Henvisninger mottatt", "Med Brukerplan (mål 100 %)",
        "Kontaktpunkter per uke, snitt", "Medvirket i beslutninger", "Portalen")
        // nothing written about the finances: no empty heading
        .doesNotContain("Økonomi", "anne.leder");
  }
}
