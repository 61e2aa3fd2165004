package no.alarm.likemann.matching;

import java.util.List;
import java.util.Map;

import no.alarm.likemann.matching.MentorRanking.Suggestion;
import no.alarm.likemann.referral.Municipality;

/**
 * What the {@code matchMentor} form shows: every eligible mentor as a choice (best first), and the best suggestions
 * with their reasons in words. The coordinator may still choose any eligible mentor.
 */
public final class MentorOptions {

  /** One entry of a form select: form-js reads {label, value}. */
  public record Option(String label, String value) {}

  /** How many suggestions the form explains. */
  public static final int EXPLAINED = 3;

  private MentorOptions() {}

  public static List<Option> of(List<Suggestion> ranked, Map<String, Municipality> municipalities) {
    return ranked.stream()
        .map(s -> new Option(s.mentor().displayName() + " – " + place(s, municipalities) + " – " + s.score()
            + " poeng", Long.toString(s.mentor().id())))
        .toList();
  }

  /** The best suggestions with their reasons, as Markdown for the form's text. */
  public static String explain(List<Suggestion> ranked, Map<String, Municipality> municipalities) {
    if (ranked.isEmpty()) {
      return "**Ingen aktive likemenn i deltakerens region har ledig plass** (eller passer ønsket kjønn)."
          + " Kryss av for at ingen passer nå: henvisningen venter og tas opp igjen når det blir ledig plass.";
    }
    // more mentors may be chosen than are explained: say so, so that the list below is not taken for a mistake
    StringBuilder text = new StringBuilder(ranked.size() > EXPLAINED ? "**De " + EXPLAINED + " beste forslagene** ("
        + ranked.size() + " likemenn kan velges i listen nedenfor):" : "**Forslag** (" + ranked.size()
        + (ranked.size() == 1 ? " likemann kan velges):" : " likemenn kan velges):"));
    int n = 0;
    for (Suggestion s : ranked.subList(0, Math.min(EXPLAINED, ranked.size()))) {
      text.append("\n\n").append(++n).append(". **").append(s.mentor().displayName()).append("** (")
          .append(place(s, municipalities)).append(", ").append(s.score()).append(" poeng): ")
          .append(String.join(", ", s.reasons()));
    }
    return text.toString();
  }

  private static String place(Suggestion s, Map<String, Municipality> municipalities) {
    Municipality home = municipalities.get(s.mentor().municipality());
    return home == null ? s.mentor().municipality() : home.name();
  }
}
