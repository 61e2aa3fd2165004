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
    // the charts of Cockpit's dashboard, each under its title, as images
    assertThat(text).contains("Henvisninger, koblinger og frafall per måned", "Per kommune",
        "Kontakttid i og utenom vanlig arbeidstid (timer)", "Venter på likemann ved månedens slutt",
        "Tid til likemann (median dager fra henvisning til koblingsmøte)");
    assertThat(images(pdf)).isEqualTo(5);
  }

  @Test
  void theChartsHideSmallCountsAsTheTablesDo() {
    var figures = SteeringFixtures.figures(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 31));
    var charts = SteeringCharts.of(figures, new no.alarm.likemann.reporting.SmallNumbers(5));
    assertThat(charts).extracting(SteeringCharts.Chart::title).containsExactly(
        "Henvisninger, koblinger og frafall per måned", "Per kommune", "Kontakttid i og utenom vanlig arbeidstid (timer)",
        "Venter på likemann ved månedens slutt", "Tid til likemann (median dager fra henvisning til koblingsmøte)");
    assertThat(charts).allSatisfy(c -> assertThat(new String(c.png(), 1, 3)).isEqualTo("PNG"));
    assertThat(SteeringCharts.month("2026-10")).isEqualTo("okt 26");
  }

  /** How many images the PDF's pages hold. */
  static int images(byte[] pdf) throws Exception {
    var reader = new com.lowagie.text.pdf.PdfReader(pdf);
    int images = 0;
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      var resources = reader.getPageN(page).getAsDict(com.lowagie.text.pdf.PdfName.RESOURCES);
      var objects = resources == null ? null : resources.getAsDict(com.lowagie.text.pdf.PdfName.XOBJECT);
      if (objects != null) {
        images += objects.getKeys().size();
      }
    }
    return images;
  }
}
