package no.alarm.likemann.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.matching.MentorRanking.Participant;
import no.alarm.likemann.matching.MentorRanking.Suggestion;
import no.alarm.likemann.mentor.Mentor;
import no.alarm.likemann.mentor.MentorStatus;
import no.alarm.likemann.referral.Municipality;

import org.junit.jupiter.api.Test;

class MentorRankingTest {

  static final Map<String, Municipality> MUNICIPALITIES = Map.of(
      "skien", new Municipality("skien", "Skien", "grenland"),
      "porsgrunn", new Municipality("porsgrunn", "Porsgrunn", "grenland"),
      "stavanger", new Municipality("stavanger", "Stavanger", "sorRogaland"));
  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  /** 25 years old, in Skien, alcohol and pills, wants work and fishing. */
  static Participant participant(String genderWish) {
    return new Participant(25, "male", genderWish, "skien", "grenland", "Alkohol og benzo i mange år",
        "Komme i jobb, drive med fiske");
  }

  static Mentor mentor(long id, String name, MentorStatus status, String municipality, String gender, int birthYear,
                       String history, String interests, int load, int capacity) {
    String region = MUNICIPALITIES.get(municipality).region();
    return new Mentor(id, null, name, status, region, municipality, gender, birthYear, "own", history, interests,
        capacity, load);
  }

  @Test
  void shouldOfferOnlyActiveMentorsWithFreeCapacityInTheRegionAndOfTheWishedGender() {
    var ok = mentor(1, "Ok", MentorStatus.ACTIVE, "porsgrunn", "female", 1980, null, null, 0, 2);
    var paused = mentor(2, "Pause", MentorStatus.PAUSED, "skien", "female", 1980, null, null, 0, 2);
    var full = mentor(3, "Full", MentorStatus.ACTIVE, "skien", "female", 1980, null, null, 2, 2);
    var elsewhere = mentor(4, "Langt unna", MentorStatus.ACTIVE, "stavanger", "female", 1980, null, null, 0, 2);
    var man = mentor(5, "Mann", MentorStatus.ACTIVE, "skien", "male", 1980, null, null, 0, 2);
    var all = List.of(ok, paused, full, elsewhere, man);

    assertThat(MentorRanking.rank(participant("none"), all, MUNICIPALITIES, TODAY))
        .extracting(s -> s.mentor().displayName()).containsExactlyInAnyOrder("Ok", "Mann");
    assertThat(MentorRanking.rank(participant("female"), all, MUNICIPALITIES, TODAY))
        .extracting(s -> s.mentor().displayName()).containsExactly("Ok");
    assertThat(MentorRanking.rank(participant(null), all, MUNICIPALITIES, TODAY)).hasSize(2);
  }

  @Test
  void shouldRankTheCloserMatchFirstAndSayWhy() {
    var close = mentor(1, "Lars", MentorStatus.ACTIVE, "skien", "male", 1998, "Rusfri siden 2019, alkohol og piller",
        "fiske, friluftsliv, jobb", 1, 2);
    var far = mentor(2, "Per", MentorStatus.ACTIVE, "porsgrunn", "female", 1960, "Heroin", "strikking", 0, 2);

    List<Suggestion> ranked = MentorRanking.rank(participant("none"), List.of(far, close), MUNICIPALITIES, TODAY);

    assertThat(ranked).extracting(s -> s.mentor().displayName()).containsExactly("Lars", "Per");
    Suggestion best = ranked.get(0);
    // gender 15 + age (28 vs 25) 17 + history 25 + interests (fisk, jobb) 16 + municipality 10 + 1 of 2 free 5
    assertThat(best.score()).isEqualTo(88);
    assertThat(best.reasons()).containsExactly("samme kjønn", "3 års aldersforskjell",
        "lignende rushistorikk (alkohol, piller)", "felles interesser (fisk, jobb)", "samme kommune (Skien)",
        "1 av 2 plasser ledig");
    Suggestion other = ranked.get(1);
    // age gap 41: no age points; nothing in common; all slots free
    assertThat(other.score()).isEqualTo(10);
    assertThat(other.reasons()).containsExactly("41 års aldersforskjell", "2 av 2 plasser ledig");
  }

  @Test
  void shouldPreferTheLessLoadedMentorWhenScoresAreEqual() {
    var busy = mentor(1, "A", MentorStatus.ACTIVE, "skien", "male", 2000, null, null, 1, 2);
    var idle = mentor(2, "B", MentorStatus.ACTIVE, "skien", "male", 2000, null, null, 0, 4);
    var idle2 = mentor(3, "C", MentorStatus.ACTIVE, "skien", "male", 2000, null, null, 1, 2);

    var ranked = MentorRanking.rank(participant("none"), List.of(busy, idle2, idle), MUNICIPALITIES, TODAY);

    assertThat(ranked).extracting(s -> s.mentor().displayName()).containsExactly("B", "A", "C");
  }

  @Test
  void shouldOfferEveryEligibleMentorAndExplainTheBest() {
    var a = mentor(1, "Lars", MentorStatus.ACTIVE, "skien", "male", 1998, "alkohol", "fiske", 0, 2);
    var b = mentor(2, "Kari", MentorStatus.ACTIVE, "porsgrunn", "female", 1985, null, null, 0, 2);
    var ranked = MentorRanking.rank(participant("none"), List.of(a, b), MUNICIPALITIES, TODAY);

    assertThat(MentorOptions.of(ranked, MUNICIPALITIES)).extracting(MentorOptions.Option::value)
        .containsExactly("1", "2");
    assertThat(MentorOptions.of(ranked, MUNICIPALITIES).get(0).label()).startsWith("Lars – Skien – ");
    assertThat(MentorOptions.explain(ranked, MUNICIPALITIES)).startsWith("**Forslag** (2 likemenn kan velges):")
        .contains("1. **Lars** (Skien,").contains("lignende rushistorikk (alkohol)");
    assertThat(MentorOptions.explain(List.of(), MUNICIPALITIES)).contains("Ingen aktive likemenn");
  }

  @Test
  void shouldSayWhenMoreMentorsMayBeChosenThanAreExplained() {
    var mentors = List.of(
        mentor(1, "Lars", MentorStatus.ACTIVE, "skien", "male", 1998, "alkohol", "fiske", 0, 2),
        mentor(2, "Kari", MentorStatus.ACTIVE, "porsgrunn", "female", 1985, null, null, 0, 2),
        mentor(3, "Per", MentorStatus.ACTIVE, "porsgrunn", "male", 1968, null, null, 0, 2),
        mentor(4, "Nina", MentorStatus.ACTIVE, "skien", "female", 2002, null, null, 0, 1));
    var ranked = MentorRanking.rank(participant("none"), mentors, MUNICIPALITIES, TODAY);

    String explained = MentorOptions.explain(ranked, MUNICIPALITIES);

    assertThat(explained).startsWith("**De 3 beste forslagene** (4 likemenn kan velges i listen nedenfor):")
        .contains("\n\n3. **").doesNotContain("\n\n4. **");
    assertThat(MentorOptions.explain(ranked.subList(0, 1), MUNICIPALITIES))
        .startsWith("**Forslag** (1 likemann kan velges):");
  }

  @Test
  void shouldFoldSynonymsAndStems() {
    TextProfile profile = TextProfile.of("Drikking, hasj og Subutex; ønsker jobben og turer");
    assertThat(profile.substances()).containsExactly("alkohol", "cannabis", "opioider");
    assertThat(profile.words()).contains("jobb", "tur");
  }
}
