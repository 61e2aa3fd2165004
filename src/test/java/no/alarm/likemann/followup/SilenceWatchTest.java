package no.alarm.likemann.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import no.alarm.likemann.followup.SilenceWatch.Coupling;

import org.junit.jupiter.api.Test;

class SilenceWatchTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Test
  void shouldWarnAfterFourteenSilentDaysOncePerSilence() {
    var thirteen = new Coupling(1, "a", TODAY.minusDays(13), null);
    var fourteen = new Coupling(2, "b", TODAY.minusDays(14), null);
    var warnedForThisSilence = new Coupling(3, "c", TODAY.minusDays(20), TODAY.minusDays(20));
    var silentAgainSinceWarning = new Coupling(4, "d", TODAY.minusDays(15), TODAY.minusDays(40));

    assertThat(SilenceWatch.silentOn(List.of(thirteen, fourteen, warnedForThisSilence, silentAgainSinceWarning), TODAY))
        .extracting(Coupling::id).containsExactly(2L, 4L);
  }
}
