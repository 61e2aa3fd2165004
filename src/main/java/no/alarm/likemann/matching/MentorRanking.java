package no.alarm.likemann.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import no.alarm.likemann.mentor.Mentor;
import no.alarm.likemann.mentor.MentorStatus;
import no.alarm.likemann.referral.Municipality;

/**
 * Which mentors may be matched with a participant, and how well each fits, with the reasons in words.
 *
 * <p>Hard rules (report 001 ch. 4, plan 000 §7): active, free capacity, the participant's region, and the wished
 * gender when one is stated. Score, 0–100: gender (15), age closeness (20), similar substance history (25), shared
 * interests and wishes for the future (20), same municipality (10), free capacity (10). Plain Java: no engine, no
 * database, fast enough to rank a thousand mentors for every matching task.
 */
public final class MentorRanking {

  /** What matching knows of the participant, from the referral. */
  public record Participant(int age, String gender, String genderWish, String municipality, String region,
                            String substanceHistory, String futureWishes) {

    boolean wishesGender() {
      return genderWish != null && !genderWish.isBlank() && !"none".equals(genderWish);
    }
  }

  /** One eligible mentor, the score and why. */
  public record Suggestion(Mentor mentor, int score, List<String> reasons) {}

  static final int GENDER_POINTS = 15;
  static final int AGE_POINTS = 20;
  static final int HISTORY_POINTS = 25;
  static final int INTEREST_POINTS = 20;
  static final int MUNICIPALITY_POINTS = 10;
  static final int CAPACITY_POINTS = 10;

  private MentorRanking() {}

  /** True when the mentor may be matched with the participant at all. */
  public static boolean eligible(Participant p, Mentor m) {
    return m.status() == MentorStatus.ACTIVE
        && m.freeSlots() > 0
        && m.region().equals(p.region())
        && (!p.wishesGender() || m.gender().equals(p.genderWish()));
  }

  /** The eligible mentors, best first; ties go to the least loaded, then by name. */
  public static List<Suggestion> rank(Participant p, Collection<Mentor> mentors,
                                      Map<String, Municipality> municipalities, LocalDate today) {
    TextProfile history = TextProfile.of(p.substanceHistory());
    TextProfile wishes = TextProfile.of(p.futureWishes());
    List<Suggestion> suggestions = new ArrayList<>();
    for (Mentor m : mentors) {
      if (eligible(p, m)) {
        suggestions.add(score(p, history, wishes, m, municipalities, today));
      }
    }
    suggestions.sort(Comparator.comparingInt(Suggestion::score).reversed()
        .thenComparingInt(s -> s.mentor().currentLoad())
        .thenComparing(s -> s.mentor().displayName()));
    return suggestions;
  }

  static Suggestion score(Participant p, TextProfile history, TextProfile wishes, Mentor m,
                          Map<String, Municipality> municipalities, LocalDate today) {
    int score = 0;
    List<String> reasons = new ArrayList<>();

    if (m.gender().equals(p.gender())) {
      score += GENDER_POINTS;
      reasons.add("samme kjønn");
    }

    int ageGap = Math.abs(m.ageIn(today) - p.age());
    score += Math.max(0, AGE_POINTS - ageGap);
    reasons.add(ageGap == 0 ? "samme alder" : ageGap + " års aldersforskjell");

    TextProfile mentorHistory = TextProfile.of(m.experienceSummary());
    Set<String> sharedSubstances = shared(history.substances(), mentorHistory.substances());
    if (!sharedSubstances.isEmpty()) {
      int union = union(history.substances(), mentorHistory.substances());
      score += Math.round(HISTORY_POINTS * (float) sharedSubstances.size() / union);
      reasons.add("lignende rushistorikk (" + String.join(", ", sharedSubstances) + ")");
    } else if (!shared(history.words(), mentorHistory.words()).isEmpty()) {
      score += HISTORY_POINTS / 5;
      reasons.add("noe felles i rushistorikken");
    }

    Set<String> sharedInterests = shared(wishes.words(), TextProfile.of(m.interests()).words());
    if (!sharedInterests.isEmpty()) {
      score += Math.min(INTEREST_POINTS, 8 * sharedInterests.size());
      reasons.add("felles interesser (" + String.join(", ", sharedInterests) + ")");
    }

    if (m.municipality().equals(p.municipality())) {
      score += MUNICIPALITY_POINTS;
      Municipality home = municipalities.get(m.municipality());
      reasons.add("samme kommune (" + (home == null ? m.municipality() : home.name()) + ")");
    }

    score += Math.round(CAPACITY_POINTS * (float) m.freeSlots() / Math.max(1, m.capacity()));
    reasons.add(m.freeSlots() + " av " + m.capacity() + (m.capacity() == 1 ? " plass" : " plasser") + " ledig");

    return new Suggestion(m, Math.min(100, score), List.copyOf(reasons));
  }

  private static Set<String> shared(Set<String> a, Set<String> b) {
    Set<String> s = new TreeSet<>(a);
    s.retainAll(b);
    return s;
  }

  private static int union(Set<String> a, Set<String> b) {
    Set<String> s = new TreeSet<>(a);
    s.addAll(b);
    return Math.max(1, s.size());
  }
}
