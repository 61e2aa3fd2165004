package no.alarm.likemann.reporting;

import java.io.ByteArrayOutputStream;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import no.alarm.likemann.reporting.MunicipalityMonthlyReport.MentorTotals;
import no.alarm.likemann.reporting.MunicipalityMonthlyReport.Participant;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/** Renders one municipality's monthly report as a PDF, in Norwegian. Plain Java: tested without the engine. */
public final class MonthlyReportPdf {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.forLanguageTag("nb-NO"));

  private MonthlyReportPdf() {}

  public static String monthName(YearMonth month) {
    return MONTH.format(month);
  }

  public static byte[] render(MunicipalityMonthlyReport r) {
    Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
    Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    Font small = FontFactory.getFont(FontFactory.HELVETICA, 9);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4.rotate(), 40, 40, 40, 40);
    PdfWriter.getInstance(document, out);
    document.addTitle("Månedsrapport " + r.municipalityName() + " " + r.month());
    document.addCreator("Likemann");
    document.open();

    document.add(new Paragraph("Månedsrapport: likemannstjenesten i " + r.municipalityName() + ", "
        + monthName(r.month()), title));
    document.add(new Paragraph("Til kommunens representant, fra likemannskoordinator i A-larm (region "
        + r.regionName() + "). Fortrolig: deltakerne er omtalt bare med henvisningsnummer. Laget "
        + DATE.format(r.produced()) + ".", small));

    section(document, "Deltakere fra " + r.municipalityName() + " i oppfølging", heading);
    if (r.participants().isEmpty()) {
      document.add(new Paragraph("Ingen deltakere fra kommunen var i oppfølging denne måneden.", body));
    } else {
      PdfPTable table = table(new float[] {1.4f, 1f, 0.9f, 0.9f, 0.9f, 1f, 2.8f, 2.8f}, bold, "Henvisning",
          "Likemann", "Kontakter", "Nådd", "Minutter", "Utenom arbeidstid", "Status (likemann)", "Mål (koordinator)");
      for (Participant p : r.participants()) {
        cells(table, body, p.reference(), p.mentorReference(), Integer.toString(p.contacts()),
            Integer.toString(p.reached()), Integer.toString(p.minutes()), Integer.toString(p.minutesOutsideHours()),
            p.status(), p.goals());
      }
      document.add(table);
    }

    section(document, "Likemennene i regionen", heading);
    if (r.mentors().isEmpty()) {
      document.add(new Paragraph("Ingen likemenn hadde deltakere i oppfølging i regionen denne måneden.", body));
    } else {
      PdfPTable table = table(new float[] {1.8f, 1.4f, 0.9f, 0.9f, 0.9f, 0.8f, 0.9f, 2f}, bold,
          "Likemann", "Månedsrapport", "Deltakere", "Kontakter", "Minutter", "Km", "Utlegg kr", "Utlegg til");
      for (MentorTotals m : r.mentors()) {
        cells(table, body, m.mentorReference() + " " + m.mentorName(), m.received() ? "Mottatt" : "Ikke mottatt",
            Integer.toString(m.participants()), Integer.toString(m.contacts()), Integer.toString(m.minutes()),
            number(m.km()), number(m.kr()), m.expensesFor());
      }
      document.add(table);
    }

    section(document, "Kjøregodtgjørelse og utlegg", heading);
    PdfPTable money = table(new float[] {2f, 1f, 1f, 3f}, bold, "", "Km", "Kr", "Utlegg til");
    cells(money, body, "Likemannskoordinator", Integer.toString(r.coordinator().km()),
        Integer.toString(r.coordinator().kr()), r.coordinator().expensesFor());
    cells(money, bold, "Sum likemenn og koordinator", Integer.toString(r.totalKm()), Integer.toString(r.totalKr()), "");
    document.add(money);

    section(document, "Plan for neste måned", heading);
    document.add(new Paragraph(text(r.nextMonthPlan()), body));
    section(document, "Samarbeidspartnere involvert", heading);
    document.add(new Paragraph(text(r.partnersInvolved()), body));

    PdfParts.footer(document, small, 18);
    document.close();
    return out.toByteArray();
  }

  private static PdfPTable table(float[] widths, Font font, String... headings) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (String h : headings) {
      table.addCell(new Paragraph(h, font));
    }
    return table;
  }

  private static void cells(PdfPTable table, Font font, String... values) {
    for (String v : values) {
      table.addCell(new Paragraph(text(v), font));
    }
  }

  private static void section(Document document, String heading, Font font) {
    PdfParts.section(document, heading, font);
  }

  private static String number(Integer n) {
    return n == null ? "–" : n.toString();
  }

  private static String text(String s) {
    return PdfParts.text(s);
  }
}
