package no.alarm.likemann.matching;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.mentor.Mentor;
import no.alarm.likemann.referral.Municipality;

/**
 * The mentors offered in {@code matchMentor}: active with free capacity, those of the participant's region and of
 * the wished gender first, then the least loaded. Each option says in words why it is there.
 */
public final class MentorOptions {

  /** One entry of a form select: form-js reads {label, value}. */
  public record Option(String label, String value) {}

  private static final Map<String, String> GENDER = Map.of("female", "kvinne", "male", "mann", "other", "annet");

  private MentorOptions() {}

  public static List<Option> forReferral(List<Mentor> matchable, Municipality participantMunicipality,
                                         String genderWish, Map<String, Municipality> municipalities, LocalDate today) {
    String region = participantMunicipality == null ? null : participantMunicipality.region();
    boolean wish = genderWish != null && !genderWish.isBlank() && !"none".equals(genderWish);
    return matchable.stream()
        .filter(m -> m.freeSlots() > 0)
        .sorted(Comparator
            .comparing((Mentor m) -> !m.region().equals(region))
            .thenComparing(m -> wish && !m.gender().equals(genderWish))
            .thenComparingInt(Mentor::currentLoad)
            .thenComparing(Mentor::displayName))
        .map(m -> new Option(label(m, region, municipalities, today), Long.toString(m.id())))
        .toList();
  }

  static String label(Mentor m, String region, Map<String, Municipality> municipalities, LocalDate today) {
    Municipality home = municipalities.get(m.municipality());
    String place = home == null ? m.municipality() : home.name();
    return m.displayName() + " – " + place
        + (m.region().equals(region) ? "" : " (annen region)")
        + ", " + GENDER.getOrDefault(m.gender(), m.gender()) + ", " + m.ageIn(today) + " år"
        + ", " + m.currentLoad() + " av " + m.capacity() + " plasser i bruk";
  }
}
