package no.alarm.likemann.reporting.steering;

import static no.alarm.likemann.reporting.PdfParts.footer;
import static no.alarm.likemann.reporting.PdfParts.present;
import static no.alarm.likemann.reporting.PdfParts.section;
import static no.alarm.likemann.reporting.PdfParts.text;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.reporting.steering.SteeringReportLines.Line;
import no.alarm.likemann.reporting.steering.SteeringReportLines.Section;
import no.alarm.likemann.reporting.steering.SteeringReports.Stored;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/** Renders a report to the steering group as a PDF, in Norwegian. Plain Java: tested without the engine. */
public final class SteeringReportPdf {

  private SteeringReportPdf() {}

  public static byte[] render(Stored r, Instant produced, no.alarm.likemann.reporting.SmallNumbers smallNumbers) {
    Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
    Font small = FontFactory.getFont(FontFactory.HELVETICA, 9);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 50, 50, 50, 50);
    PdfWriter.getInstance(document, out);
    document.addTitle(r.title());
    document.addCreator("Likemann");
    document.open();

    document.add(new Paragraph(r.title() + ": likemannstjenesten", title));
    LocalDate producedOn = LocalDate.ofInstant(produced, OsloCalendar.OSLO);
    document.add(new Paragraph("Til styringsgruppen, fra prosjektlederen i A-larm. Tallene er tatt ut "
        + SteeringPeriod.day(r.figures().takenOn()) + " og gjelder " + SteeringPeriod.day(r.figures().from()) + " til "
        + SteeringPeriod.day(r.figures().to()) + ". Bare tall for hele tjenesten: ingen navn og ingen"
        + " helseopplysninger, og ingen tall som kan peke ut en person: antall fra 1 til "
        + (smallNumbers.threshold() - 1) + " står som «" + smallNumbers.under() + "», og andeler og snitt over færre"
        + " enn " + smallNumbers.threshold() + " vises ikke. Laget " + SteeringPeriod.day(producedOn) + ".", small));

    section(document, "Resultatoppnåelse", heading);
    document.add(new Paragraph(text(r.texts().resultsAchieved()), body));
    section(document, "Tiltak", heading);
    document.add(new Paragraph(text(r.texts().measures()), body));
    if (present(r.texts().finances())) {
      section(document, "Økonomi", heading);
      document.add(new Paragraph(r.texts().finances(), body));
    }
    if (present(r.texts().nextPeriodPlan())) {
      section(document, "Plan for neste periode", heading);
      document.add(new Paragraph(r.texts().nextPeriodPlan(), body));
    }

    // the charts the steering group sees in Cockpit, for the half-year and the results report
    if (r.kind() != SteeringPeriod.Kind.EVALUATION) {
      for (SteeringCharts.Chart chart : SteeringCharts.of(r.figures(), smallNumbers)) {
        section(document, chart.title(), heading);
        try {
          com.lowagie.text.Image image = com.lowagie.text.Image.getInstance(chart.png());
          image.scaleToFit(document.getPageSize().getWidth() - 100, 260);
          document.add(image);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException("A chart could not be put in the report", e);
        }
      }
    }

    for (Section s : SteeringReportLines.of(r.kind(), r.figures(), smallNumbers)) {
      section(document, s.title(), heading);
      PdfPTable table = new PdfPTable(new float[] {3f, 2f});
      table.setWidthPercentage(100);
      for (Line l : s.lines()) {
        table.addCell(new Paragraph(l.label().startsWith("  ") ? "     " + l.label().strip() : l.label(), body));
        table.addCell(new Paragraph(l.value(), body));
      }
      document.add(table);
    }

    footer(document, small, 18);
    document.close();
    return out.toByteArray();
  }

}
