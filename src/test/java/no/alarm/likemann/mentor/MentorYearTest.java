package no.alarm.likemann.mentor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MentorYearTest {

  @Test
  void shouldCountMissedMonthsBackFromTheLatest() {
    assertThat(MentorYear.missedInARow(List.of())).isZero();
    assertThat(MentorYear.missedInARow(List.of(true, false, false))).isZero();
    assertThat(MentorYear.missedInARow(List.of(false, true, false))).isEqualTo(1);
    assertThat(MentorYear.missedInARow(List.of(false, false, true))).isEqualTo(2);
    assertThat(MentorYear.missedInARow(List.of(false, false, false))).isEqualTo(3);
  }
}
