package no.alarm.likemann.reporting;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;

/** What the project's PDFs share: a section heading, a dash for a text nobody wrote, and the closing words. */
public final class PdfParts {

  private PdfParts() {}

  public static void section(Document document, String heading, Font font) {
    Paragraph h = new Paragraph(heading, font);
    h.setSpacingBefore(12);
    h.setSpacingAfter(4);
    document.add(h);
  }

  /** The words every document from the service ends with (plan 000: a supplement, voluntary, consent-based). */
  public static void footer(Document document, Font font, float spacingBefore) {
    Paragraph footer = new Paragraph("Likemannstjenesten er et supplement til det offentlige tjenestetilbudet, ikke en"
        + " erstatning. Deltakelse er frivillig og bygger på samtykke.", font);
    footer.setSpacingBefore(spacingBefore);
    document.add(footer);
  }

  public static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  /** The text, or "–" when there is none. */
  public static String text(String s) {
    return present(s) ? s : "–";
  }
}
