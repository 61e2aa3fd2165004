package no.alarm.likemann.reporting.steering;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.reporting.steering.SteeringFigures.Figures;

/** A period's figures as the tests need them. */
public final class SteeringFixtures {

  private SteeringFixtures() {}

  public static Figures figures(LocalDate from, LocalDate to) {
    Map<String, List<Double>> averages = new LinkedHashMap<>();
    averages.put("counsellor", List.of(8.0, 7.5, 9.0, 8.0, 7.0, 6.5, 8.5, 8.0, 7.0, 9.0, 8.0, 7.5));
    averages.put("participant", List.of(9.0, 9.0, 9.5, 9.0, 8.0, 7.0, 9.0, 9.0, 8.5, 9.5, 9.0, 8.0));
    return new Figures(from, to, to.plusDays(1), 12, map("Porsgrunn", 5, "Skien", 7), map("female", 5, "male", 7),
        map("18-30", 8, "31-50", 4), 7, 11, 2, 6, 23, 9, map("DECLINED", 2, "dropOut", 1, "goalsReached", 3), 10, 1,
        310, 280, map("phone", 200, "physicalMeeting", 110), 9000, 3150, 120, 111, 3, 2,
        map("ACTIVE", 8, "LEFT", 1), 4, 2, map("counsellor", 3, "participant", 4), averages, 5, 3, 1200, 3400, 6, 11,
        7, 2, map("Porsgrunn", 3, "Skien", 8), map("Porsgrunn", 2, "Skien", 4), map("Porsgrunn", 3, "Skien", 7), 5, 1,
        4, 8.5, 40, 36, map("responsibilityGroup", 9, "startup", 6), 2,
        map("acute", 3, "atCoupling", 6), 8, 3, 6, 9, 8,
        map("2026-08", 3, "2026-09", 4, "2026-10", 5), map("2026-08", 2, "2026-09", 2, "2026-10", 2),
        map("2026-08", 0, "2026-09", 1, "2026-10", 0), map("2026-08", 6, "2026-09", 7, "2026-10", 4),
        Map.of("2026-08", 30.0, "2026-09", 24.5), map("2026-08", 5, "2026-09", 6, "2026-10", 2));
  }

  static Map<String, Integer> map(Object... keysAndValues) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], (Integer) keysAndValues[i + 1]);
    }
    return m;
  }
}
