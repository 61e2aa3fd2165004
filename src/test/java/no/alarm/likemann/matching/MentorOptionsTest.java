package no.alarm.likemann.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.mentor.Mentor;
import no.alarm.likemann.mentor.MentorStatus;
import no.alarm.likemann.referral.Municipality;

import org.junit.jupiter.api.Test;

class MentorOptionsTest {

  static final Municipality SKIEN = new Municipality("skien", "Skien", "grenland");
  static final Map<String, Municipality> ALL = Map.of(
      "skien", SKIEN,
      "stavanger", new Municipality("stavanger", "Stavanger", "sorRogaland"));
  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  static Mentor mentor(long id, String name, String region, String municipality, String gender, int load, int cap) {
    return new Mentor(id, null, name, MentorStatus.ACTIVE, region, municipality, gender, 1980, "own", cap, load);
  }

  @Test
  void shouldOfferTheParticipantsRegionAndWishedGenderFirstThenTheLeastLoaded() {
    var far = mentor(1, "Lise", "sorRogaland", "stavanger", "female", 0, 2);
    var busyWoman = mentor(2, "Kari", "grenland", "skien", "female", 1, 2);
    var freeMan = mentor(3, "Per", "grenland", "skien", "male", 0, 2);
    var freeWoman = mentor(4, "Nina", "grenland", "skien", "female", 0, 2);
    var full = mentor(5, "Ola", "grenland", "skien", "female", 2, 2);

    var options = MentorOptions.forReferral(List.of(far, busyWoman, freeMan, freeWoman, full), SKIEN, "female", ALL,
        TODAY);

    assertThat(options).extracting(MentorOptions.Option::value).containsExactly("4", "2", "3", "1");
  }

  @Test
  void shouldSayWhyInTheLabel() {
    var lise = mentor(1, "Lise Berg", "sorRogaland", "stavanger", "female", 1, 2);

    var option = MentorOptions.forReferral(List.of(lise), SKIEN, null, ALL, TODAY).get(0);

    assertThat(option.label()).isEqualTo("Lise Berg – Stavanger (annen region), kvinne, 46 år, 1 av 2 plasser i bruk");
  }
}
