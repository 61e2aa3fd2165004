package no.alarm.likemann.region;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The codes of municipalities and regions, made from their names as the first ones were: "Kragerø" is
 * {@code kragero}, "Sør-Rogaland" {@code sorRogaland}. Codes are what the engine keys on (a region is a tenant, a
 * municipality's counsellors a group named after it), so they hold letters and digits only, as Camunda's id
 * patterns require, and never change once made.
 */
public final class AreaCodes {

  /** What a municipality's or region's name may be made of: letters, digits, spaces, hyphens, apostrophes, dots. */
  public static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{Nd} .'’-]*");
  /** The longest code the tables and the engine's ids (a group is "counsellor" and the code) take. */
  public static final int MAX_CODE = 40;

  private AreaCodes() {}

  /** "Nord-Aurdal" → {@code nordaurdal}. */
  public static String municipality(String name) {
    return String.join("", words(name)).toLowerCase(Locale.ROOT);
  }

  /** "Vestfold og Telemark" → {@code vestfoldOgTelemark}. */
  public static String region(String name) {
    StringBuilder code = new StringBuilder();
    for (String word : words(name)) {
      String w = word.toLowerCase(Locale.ROOT);
      code.append(code.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
    }
    return code.toString();
  }

  private static String[] words(String name) {
    String ascii = name.strip()
        .replace("æ", "ae").replace("Æ", "Ae").replace("ø", "o").replace("Ø", "O")
        .replace("å", "a").replace("Å", "A");
    ascii = Normalizer.normalize(ascii, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String[] words = ascii.split("[^A-Za-z0-9]+");
    return java.util.Arrays.stream(words).filter(w -> !w.isEmpty()).toArray(String[]::new);
  }
}
