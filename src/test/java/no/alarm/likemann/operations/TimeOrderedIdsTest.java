package no.alarm.likemann.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

  final TimeOrderedIds ids = new TimeOrderedIds();

  @Test
  void shouldMakeVersionSevenUuidsWhoseTextSortsInTheOrderTheyWereMade() throws Exception {
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      made.add(ids.getNextId());
      if (i % 5_000 == 0) {
        Thread.sleep(2);
      }
    }
    assertThat(new HashSet<>(made)).hasSize(made.size());
    assertThat(made).isSorted();
    assertThat(made).allSatisfy(id -> {
      assertThat(id).hasSize(36);
      assertThat(UUID.fromString(id).version()).isEqualTo(7);
    });
  }

  @Test
  void shouldBeginWithTheTimeInMilliseconds() {
    long before = System.currentTimeMillis();
    String id = ids.getNextId();
    long after = System.currentTimeMillis();
    long millis = Long.parseLong(id.substring(0, 8) + id.substring(9, 13), 16);
    assertThat(millis).isBetween(before, after);
  }

  @Test
  void shouldGiveDifferentIdsOnTwoNodesAtTheSameMoment() {
    TimeOrderedIds other = new TimeOrderedIds();
    var seen = new HashSet<String>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(ids.getNextId())).isTrue();
      assertThat(seen.add(other.getNextId())).isTrue();
    }
  }
}
