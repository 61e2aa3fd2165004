package no.alarm.likemann.reporting.workinggroup;

import static no.alarm.likemann.reporting.PdfParts.footer;
import static no.alarm.likemann.reporting.PdfParts.section;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.reporting.MonthlyReportPdf;
import no.alarm.likemann.reporting.SmallNumbers;
import no.alarm.likemann.reporting.steering.SteeringPeriod;
import no.alarm.likemann.reporting.steering.SteeringReportLines.Line;
import no.alarm.likemann.reporting.workinggroup.WorkingGroupMonths.AdviserReportState;
import no.alarm.likemann.reporting.workinggroup.WorkingGroupMonths.Stored;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Renders a working group's month as a PDF, in Norwegian: the adviser's report, the minutes and the figures. The
 * parties who attended, never names; no references. Plain Java: tested without the engine.
 */
public final class WorkingGroupMonthPdf {

  private WorkingGroupMonthPdf() {}

  /** "Arbeidsgruppens måned: juni 2026 – halvårsevaluering". */
  public static String title(YearMonth month, boolean halfYearEvaluation) {
    return "Arbeidsgruppens måned: " + MonthlyReportPdf.monthName(month)
        + (halfYearEvaluation ? " – halvårsevaluering" : "");
  }

  public static byte[] render(Stored m, String regionName, Instant produced, SmallNumbers smallNumbers) {
    Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
    Font small = FontFactory.getFont(FontFactory.HELVETICA, 9);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 50, 50, 50, 50);
    PdfWriter.getInstance(document, out);
    String heading1 = title(m.month(), m.halfYearEvaluation());
    document.addTitle(heading1);
    document.addCreator("Likemann");
    document.open();

    document.add(new Paragraph(heading1, title));
    LocalDate producedOn = LocalDate.ofInstant(produced, OsloCalendar.OSLO);
    document.add(new Paragraph("Region " + regionName + ". Til arbeidsgruppen, fra prosjektlederen og rådgiveren i"
        + " A-larm: rådgiverens månedsrapport, referatet fra arbeidsgruppemøtet og tallene fra registeret. Ingen"
        + " navn og ingen referanser; antall personer fra 1 til " + (smallNumbers.threshold() - 1) + " står som «"
        + smallNumbers.under() + "». Laget " + SteeringPeriod.day(producedOn) + ".", small));

    section(document, "Rådgiverens månedsrapport", heading);
    if (m.adviserReportState() == AdviserReportState.RECEIVED && m.adviserReport() != null) {
      document.add(table(WorkingGroupMonthLines.adviser(m.adviserReport()), body));
    } else {
      document.add(new Paragraph("Rapporten kom ikke inn innen fristen.", body));
    }

    section(document, m.halfYearEvaluation() ? "Halvårsevaluering av prosjektet i arbeidsgruppen"
        : "Arbeidsgruppemøtet", heading);
    if (m.meeting() != null) {
      document.add(table(WorkingGroupMonthLines.meeting(m.meeting()), body));
    } else {
      document.add(new Paragraph("Møtet er ikke registrert.", body));
    }

    section(document, WorkingGroupMonthLines.figuresTitle(m.figures()), heading);
    document.add(table(WorkingGroupMonthLines.figures(m.figures(), smallNumbers), body));

    footer(document, small, 18);
    document.close();
    return out.toByteArray();
  }

  private static PdfPTable table(List<Line> lines, Font body) {
    PdfPTable table = new PdfPTable(new float[] {2f, 3f});
    table.setWidthPercentage(100);
    for (Line l : lines) {
      table.addCell(new Paragraph(l.label().startsWith("  ") ? "     " + l.label().strip() : l.label(), body));
      table.addCell(new Paragraph(l.value(), body));
    }
    return table;
  }
}
