package no.alarm.likemann.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.matching.WaitList.Waiting;

import org.junit.jupiter.api.Test;

class WaitListTest {

  static Waiting waiting(String ref, String municipality, String region, int priority, String since) {
    return new Waiting(ref, "pi-" + ref, municipality, region, priority, Instant.parse(since + "T10:00:00Z"));
  }

  @Test
  void shouldOfferAsManyAsThereAreFreeSlotsInTheRegionByPriorityThenWaitingTime() {
    var old = waiting("A", "skien", "grenland", 1, "2026-09-01");
    var urgent = waiting("B", "skien", "grenland", 3, "2026-11-01");
    var recent = waiting("C", "skien", "grenland", 1, "2026-10-01");
    var elsewhere = waiting("D", "stavanger", "sorRogaland", 3, "2026-08-01");

    var chosen = WaitList.choose(List.of(old, urgent, recent, elsewhere), Map.of("grenland", 2), Map.of());

    assertThat(chosen).extracting(Waiting::reference).containsExactly("B", "A");
  }

  @Test
  void shouldShareSlotsFairlyBetweenMunicipalitiesAtEqualPriority() {
    var skien1 = waiting("S1", "skien", "grenland", 2, "2026-09-01");
    var skien2 = waiting("S2", "skien", "grenland", 2, "2026-09-02");
    var bamble = waiting("B1", "bamble", "grenland", 2, "2026-10-15");

    // Skien already has three participants in follow-up, Bamble two
    var chosen = WaitList.choose(List.of(skien1, skien2, bamble), Map.of("grenland", 2),
        Map.of("skien", 3, "bamble", 2));

    assertThat(chosen).extracting(Waiting::reference).containsExactly("B1", "S1");
  }

  @Test
  void shouldOfferNothingWithoutFreeSlotsAndDropNobody() {
    var a = waiting("A", "skien", "grenland", 2, "2026-09-01");

    assertThat(WaitList.choose(List.of(a), Map.of(), Map.of())).isEmpty();
    assertThat(WaitList.choose(List.of(a), Map.of("grenland", 0), Map.of())).isEmpty();
  }
}
