package no.alarm.likemann.erasure;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.reporting.PdfParts;

/** The insight as a PDF for the person (GDPR art. 15): each part, each row as label and value. Plain Java. */
public final class InsightPdf {

  private InsightPdf() {}

  public static byte[] render(PersonInsight.Insight insight, Instant produced) {
    Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    Font body = FontFactory.getFont(FontFactory.HELVETICA, 9);
    Font small = FontFactory.getFont(FontFactory.HELVETICA, 8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 45, 45, 45, 45);
    PdfWriter.getInstance(document, out);
    document.addTitle("Innsyn: " + String.join(", ", insight.references()));
    document.addCreator("Likemann");
    document.open();
    document.add(new Paragraph("Innsyn: det som er lagret om deg i likemannstjenesten", title));
    document.add(new Paragraph("Henvisninger: " + String.join(", ", insight.references()) + ". Laget "
        + LocalDate.ofInstant(produced, OsloCalendar.OSLO).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))
        + " etter personvernforordningen artikkel 15. Her står alt tjenesten har lagret om deg: henvisningene,"
        + " notatene, avtalen, kontaktloggen, evalueringen, månedsrapportene, hvem som har lest saken din og stegene i"
        + " prosessene. Sluttrapporten finnes som egen PDF.", small));
    for (PersonInsight.Part part : insight.parts()) {
      PdfParts.section(document, part.heading(), heading);
      if (part.rows().isEmpty()) {
        document.add(new Paragraph("Ingenting lagret.", body));
        continue;
      }
      for (Map<String, String> row : part.rows()) {
        PdfPTable table = new PdfPTable(new float[] {1.3f, 3f});
        table.setWidthPercentage(100);
        table.setSpacingAfter(6);
        row.forEach((label, value) -> {
          table.addCell(new Paragraph(label, body));
          table.addCell(new Paragraph(PdfParts.text(value), body));
        });
        document.add(table);
      }
    }
    PdfParts.footer(document, small, 14);
    document.close();
    return out.toByteArray();
  }
}
