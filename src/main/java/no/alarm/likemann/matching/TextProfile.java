package no.alarm.likemann.matching;

import java.text.Normalizer;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words of a short Norwegian free text that matching compares: substances named in a substance history
 * (synonyms folded to one name) and the remaining content words, cut to a common stem.
 */
record TextProfile(Set<String> substances, Set<String> words) {

  static final TextProfile EMPTY = new TextProfile(Set.of(), Set.of());

  /** Substance names and their synonyms, as counsellors and mentors write them. */
  private static final Map<String, String> SUBSTANCES = Map.ofEntries(
      Map.entry("alkohol", "alkohol"), Map.entry("alkoholisme", "alkohol"), Map.entry("drikking", "alkohol"),
      Map.entry("drikke", "alkohol"), Map.entry("sprit", "alkohol"), Map.entry("øl", "alkohol"),
      Map.entry("amfetamin", "amfetamin"), Map.entry("amf", "amfetamin"), Map.entry("speed", "amfetamin"),
      Map.entry("metamfetamin", "amfetamin"),
      Map.entry("heroin", "opioider"), Map.entry("opioider", "opioider"), Map.entry("opiater", "opioider"),
      Map.entry("metadon", "opioider"), Map.entry("subutex", "opioider"), Map.entry("morfin", "opioider"),
      Map.entry("cannabis", "cannabis"), Map.entry("hasj", "cannabis"), Map.entry("marihuana", "cannabis"),
      Map.entry("kokain", "kokain"), Map.entry("crack", "kokain"),
      Map.entry("piller", "piller"), Map.entry("benzo", "piller"), Map.entry("benzodiazepiner", "piller"),
      Map.entry("tabletter", "piller"), Map.entry("vanedannende", "piller"),
      Map.entry("ghb", "ghb"), Map.entry("spill", "spill"), Map.entry("pengespill", "spill"));

  private static final Set<String> STOP_WORDS = Set.of("og", "i", "på", "med", "til", "av", "for", "som", "er",
      "en", "et", "ei", "den", "det", "de", "har", "hadde", "vil", "ønsker", "ønske", "seg", "sin", "sitt", "sine",
      "meg", "han", "hun", "mye", "lite", "mange", "flere", "år", "siden", "erfaring", "bruk", "brukt", "rusfri",
      "rus", "ikke", "fra", "om", "at", "å", "få", "bli", "være", "kunne", "noe", "litt", "også", "etter", "før",
      "under", "egen", "eget", "egne", "komme", "igjen", "the", "ca");

  static TextProfile of(String text) {
    if (text == null || text.isBlank()) {
      return EMPTY;
    }
    Set<String> substances = new TreeSet<>();
    Set<String> words = new LinkedHashSet<>();
    String normal = Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFC);
    for (String token : normal.split("[^\\p{L}0-9]+")) {
      if (token.isEmpty() || STOP_WORDS.contains(token)) {
        continue;
      }
      String substance = SUBSTANCES.get(token);
      if (substance != null) {
        substances.add(substance);
      } else if (token.length() >= 3 && !token.chars().allMatch(Character::isDigit)) {
        words.add(stem(token));
      }
    }
    return new TextProfile(Collections.unmodifiableSet(substances), Collections.unmodifiableSet(words));
  }

  /** A light stem: enough for "jobb"/"jobben", "fiske"/"fisking", "turer"/"tur" to meet. */
  static String stem(String word) {
    for (String ending : new String[] {"ene", "ane", "ing", "er", "en", "et", "a", "e"}) {
      if (word.length() - ending.length() >= 3 && word.endsWith(ending)) {
        return word.substring(0, word.length() - ending.length());
      }
    }
    return word;
  }
}
