package no.alarm.likemann.reporting;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import no.alarm.likemann.forms.Violation;

/**
 * A text with one line per participant, each starting with the referral reference ({@code HEN-2026-00000: går
 * bra}). The form is filled in with a line for each of the person's participants; the server keeps each line with
 * its participant, so a municipality's report carries only the lines about its own participants. A line naming no
 * listed participant is refused: it would belong to no municipality. Plain Java.
 */
public final class ReferenceLines {

  /** A line may say this much: a short status, not a case history. */
  public static final int MAX_LINE = 300;

  private static final Pattern LINE = Pattern.compile("^\\s*([A-Za-z]{3}-\\d{4}-\\d{5})\\s*[:\\-–]?\\s*(.*)$");

  private ReferenceLines() {}

  /** One line per reference, ready for the text after the colon. */
  public static String template(Collection<String> references) {
    return references.stream().map(r -> r + ": ").collect(Collectors.joining("\n"));
  }

  /** The text after each reference; references without text are left out. Lines of other kinds are ignored. */
  public static Map<String, String> parse(String text) {
    Map<String, String> byReference = new LinkedHashMap<>();
    if (text == null) {
      return byReference;
    }
    for (String line : text.split("\\R")) {
      Matcher m = LINE.matcher(line);
      if (m.matches() && !m.group(2).isBlank()) {
        byReference.put(m.group(1).toUpperCase(Locale.ROOT), m.group(2).strip());
      }
    }
    return byReference;
  }

  /**
   * What is wrong with the text: a line that names no listed participant, a line that is too long, and, when
   * {@code everyOne}, a listed participant without a line.
   */
  public static List<Violation> check(String field, String text, Collection<String> listed, boolean everyOne) {
    List<Violation> violations = new java.util.ArrayList<>();
    String value = text == null ? "" : text;
    boolean foreign = false;
    boolean tooLong = false;
    for (String line : value.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches() || !listed.contains(m.group(1).toUpperCase(Locale.ROOT))) {
        foreign = true;
      } else if (m.group(2).strip().length() > MAX_LINE) {
        tooLong = true;
      }
    }
    if (foreign) {
      violations.add(new Violation(field, "Hver linje skal begynne med en av henvisningene i listen, for eksempel"
          + " «HEN-2026-00000: …».", field + " has a line that starts with no listed referral reference"));
    }
    if (tooLong) {
      violations.add(new Violation(field, "Hver linje kan ha høyst " + MAX_LINE + " tegn: skriv kort, uten"
          + " helseopplysninger.", field + " has a line longer than " + MAX_LINE + " characters"));
    }
    if (everyOne && !parse(value).keySet().containsAll(listed)) {
      violations.add(new Violation(field, "Skriv en kort status for hver deltaker i listen.",
          field + " needs a line with text for every listed participant"));
    }
    return violations;
  }
}
