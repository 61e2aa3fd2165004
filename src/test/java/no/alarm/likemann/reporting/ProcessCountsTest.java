package no.alarm.likemann.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A step's count on the diagram: none, "under 5", or to the nearest 5, so that neighbours give nothing away. */
class ProcessCountsTest {

  final SmallNumbers five = new SmallNumbers(5);

  @Test
  void aSmallCountIsUnderFiveAndALargerOneIsRoundedToTheNearestFive() {
    assertThat(ProcessCounts.shown(0, five)).isNull();
    assertThat(ProcessCounts.shown(1, five)).isEqualTo("under 5");
    assertThat(ProcessCounts.shown(4, five)).isEqualTo("under 5");
    assertThat(ProcessCounts.shown(5, five)).isEqualTo("ca. 5");
    assertThat(ProcessCounts.shown(7, five)).isEqualTo("ca. 5");
    assertThat(ProcessCounts.shown(8, five)).isEqualTo("ca. 10");
    assertThat(ProcessCounts.shown(23, five)).isEqualTo("ca. 25");
  }
}
