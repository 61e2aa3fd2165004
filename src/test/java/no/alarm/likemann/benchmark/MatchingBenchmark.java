package no.alarm.likemann.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import no.alarm.likemann.matching.MentorOptions;
import no.alarm.likemann.matching.MentorRanking;
import no.alarm.likemann.mentor.Mentor;
import no.alarm.likemann.mentor.MentorStatus;
import no.alarm.likemann.referral.Municipality;

import org.junit.jupiter.api.Test;

/**
 * Ranking suggestions for one referral (run by {@code ./mvnw verify -Pbenchmark}) at the size of a national service
 * (issue 16): 2,000 mentors in 11 regions and 356 municipalities, a tenth of them on a pause. Target: the 99th
 * percentile under 20 ms on the 2-core machine. Prints the median and the 99th percentile of 1,000 rankings after
 * warm-up, including building the form's options and explanation; the register's read of the candidates is not in
 * it (the weekly-log and national benchmarks measure the database).
 */
class MatchingBenchmark {

  static final int REGIONS = 11;
  static final int MUNICIPALITY_COUNT = 356;
  static final int MENTORS = 2_000;

  /** Grenland's three as the demo has them, and the rest of the country's municipalities spread over the regions. */
  static final Map<String, Municipality> MUNICIPALITIES = municipalities();

  private static Map<String, Municipality> municipalities() {
    Map<String, Municipality> all = new java.util.LinkedHashMap<>();
    all.put("skien", new Municipality("skien", "Skien", "grenland"));
    all.put("porsgrunn", new Municipality("porsgrunn", "Porsgrunn", "grenland"));
    all.put("bamble", new Municipality("bamble", "Bamble", "grenland"));
    for (int i = all.size(); i < MUNICIPALITY_COUNT; i++) {
      String region = i % REGIONS == 0 ? "grenland" : "region" + (i % REGIONS);
      all.put("kommune" + i, new Municipality("kommune" + i, "Kommune " + i, region));
    }
    return all;
  }

  @Test
  void rankTheMentorsOfANationalServiceForOneReferral() {
    Random random = new Random(42);
    String[] places = MUNICIPALITIES.keySet().toArray(String[]::new);
    String[] histories = {"Rusfri siden 2015, alkohol og piller", "amfetamin og hasj i mange år",
        "heroin, senere metadon", "kokain og alkohol", "pårørende til sønn med rusproblemer", "spilleavhengighet"};
    String[] interests = {"fiske, friluftsliv, jobb", "trening, musikk", "snekring, båt", "familie, turer, matlaging",
        "gaming, data, musikk", "studier, utdanning, jobb"};
    List<Mentor> mentors = new ArrayList<>();
    for (int i = 0; i < MENTORS; i++) {
      String place = places[random.nextInt(places.length)];
      mentors.add(new Mentor(i, null, "Likemann " + i, i % 10 == 0 ? MentorStatus.PAUSED : MentorStatus.ACTIVE,
          MUNICIPALITIES.get(place).region(), place, random.nextBoolean() ? "male" : "female",
          1955 + random.nextInt(45), "own", histories[random.nextInt(histories.length)],
          interests[random.nextInt(interests.length)], 2, random.nextInt(3)));
    }
    var participant = new MentorRanking.Participant(27, "male", "none", "skien", "grenland",
        "Alkohol og benzodiazepiner siden tenårene, noe hasj", "Komme i jobb, trene og fiske med sønnen");
    LocalDate today = LocalDate.of(2026, 11, 23);

    int eligible = 0;
    for (int i = 0; i < 2000; i++) {
      eligible = rankAndDescribe(participant, mentors, today);
    }
    long[] nanos = new long[1000];
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      rankAndDescribe(participant, mentors, today);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    double median = nanos[nanos.length / 2] / 1e6;
    double p99 = nanos[(int) (nanos.length * 0.99)] / 1e6;
    System.out.printf("""

        === Likemann matching: rank the mentors for one referral (%d cores) ===
        mentors, regions, municipalities  %,d in %d regions, %d municipalities
        eligible mentors ranked      %d
        median                       %.2f ms
        99th percentile              %.2f ms   (target: under 20 ms: %s)
        ==========================================================================
        %n""", Runtime.getRuntime().availableProcessors(), MENTORS, REGIONS, MUNICIPALITIES.size(), eligible, median,
        p99, p99 < 20 ? "met" : "NOT met");
    assertThat(eligible).isPositive();
  }

  private static int rankAndDescribe(MentorRanking.Participant p, List<Mentor> mentors, LocalDate today) {
    var ranked = MentorRanking.rank(p, mentors, MUNICIPALITIES, today);
    MentorOptions.of(ranked, MUNICIPALITIES);
    MentorOptions.explain(ranked, MUNICIPALITIES);
    return ranked.size();
  }
}
