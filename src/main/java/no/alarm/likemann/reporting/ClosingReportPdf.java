package no.alarm.likemann.reporting;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/** Renders the closing report to the municipality as a PDF, in Norwegian. Plain Java: tested without the engine. */
public final class ClosingReportPdf {

  static final Map<String, String> REASONS = Map.of(
      "goalsReached", "Målene er nådd",
      "dropOut", "Frafall",
      "moved", "Flyttet",
      "consentWithdrawn", "Samtykke trukket",
      "other", "Annet");

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

  private ClosingReportPdf() {}

  public static byte[] render(ClosingReport r) {
    Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    Font body = FontFactory.getFont(FontFactory.HELVETICA, 11);
    Font small = FontFactory.getFont(FontFactory.HELVETICA, 9);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 56, 56, 56, 56);
    PdfWriter.getInstance(document, out);
    document.addTitle("Sluttrapport " + r.reference());
    document.addCreator("Likemann");
    document.open();

    document.add(new Paragraph("Sluttrapport: likemannstjenesten", title));
    document.add(new Paragraph("Til kommunen, fra A-larm. Fortrolig: inneholder helseopplysninger.", small));
    document.add(new Paragraph(" "));

    PdfPTable facts = new PdfPTable(new float[] {1f, 2f});
    facts.setWidthPercentage(100);
    row(facts, "Henvisning", r.reference(), body);
    row(facts, "Kommune", r.municipality(), body);
    row(facts, "Ruskonsulent", r.counsellor(), body);
    row(facts, "Likemann", r.mentor(), body);
    row(facts, "Koblingsmøte", date(r.couplingMeetingDate()), body);
    row(facts, "Årsak til avslutning", REASONS.getOrDefault(r.closingReason(), r.closingReason()), body);
    row(facts, "Skrevet", date(r.written()), body);
    document.add(facts);

    section(document, "Oppsummering av forløpet", r.summary(), heading, body);
    section(document, "Hvordan gikk det med målene?", r.goals(), heading, body);
    section(document, "Anbefalinger videre", r.recommendations(), heading, body);

    PdfParts.footer(document, small, 24);
    document.close();
    return out.toByteArray();
  }

  private static void row(PdfPTable table, String label, String value, Font font) {
    table.addCell(new Paragraph(label, font));
    table.addCell(new Paragraph(value == null || value.isBlank() ? "–" : value, font));
  }

  private static void section(Document document, String heading, String text, Font headingFont, Font body) {
    Paragraph h = new Paragraph(heading, headingFont);
    h.setSpacingBefore(14);
    document.add(h);
    document.add(new Paragraph(text == null || text.isBlank() ? "–" : text, body));
  }

  private static String date(LocalDate d) {
    return d == null ? "–" : DATE.format(d);
  }
}
