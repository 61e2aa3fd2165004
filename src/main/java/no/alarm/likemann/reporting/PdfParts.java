package no.alarm.likemann.reporting;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;

/** What the project's PDFs share: a section heading, and a dash for a text nobody wrote. */
public final class PdfParts {

  private PdfParts() {}

  public static void section(Document document, String heading, Font font) {
    Paragraph h = new Paragraph(heading, font);
    h.setSpacingBefore(12);
    h.setSpacingAfter(4);
    document.add(h);
  }

  public static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  /** The text, or "–" when there is none. */
  public static String text(String s) {
    return present(s) ? s : "–";
  }
}
