package no.alarm.likemann.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import org.junit.jupiter.api.Test;

class ClosingReportPdfTest {

  @Test
  void shouldWriteTheClosingReportInNorwegian() throws Exception {
    var report = new ClosingReport("HEN-2026-00042", "Kragerø", "Rune Ruskonsulent", "Lars Likemann",
        LocalDate.of(2026, 3, 2), "goalsReached", "Deltakeren har fått jobb og bolig.", "Målene ble nådd.", null,
        LocalDate.of(2026, 11, 23));

    byte[] pdf = ClosingReportPdf.render(report);

    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    PdfReader reader = new PdfReader(pdf);
    String text = new PdfTextExtractor(reader).getTextFromPage(1);
    assertThat(text).contains("Sluttrapport", "HEN-2026-00042", "Kragerø", "Målene er nådd", "2.3.2026",
        "Deltakeren har fått jobb og bolig.", "Anbefalinger videre");
    reader.close();
  }
}
