package no.alarm.likemann.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import no.alarm.likemann.followup.SilenceWatch.Coupling;

import org.junit.jupiter.api.Test;

class SilenceWatchTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Test
  void shouldWarnWhenTheWeeklyLogsShowFourteenSilentDaysOncePerSilence() {
    var thirteen = new Coupling(1, "a", TODAY.minusDays(13), null, TODAY.minusDays(1));
    var fourteen = new Coupling(2, "b", TODAY.minusDays(15), null, TODAY.minusDays(1));
    var warnedForThisSilence = new Coupling(3, "c", TODAY.minusDays(20), TODAY.minusDays(20), TODAY.minusDays(1));
    var silentAgainSinceWarning = new Coupling(4, "d", TODAY.minusDays(16), TODAY.minusDays(40), TODAY.minusDays(1));

    assertThat(SilenceWatch.silentOn(List.of(thirteen, fourteen, warnedForThisSilence, silentAgainSinceWarning), TODAY))
        .extracting(Coupling::id).containsExactly(2L, 4L);
  }

  @Test
  void shouldWaitForTheWeeksLogBeforeCallingItSilence() {
    // 15 days since the last reached contact, but the logs reach only 10 days after it: the week's log is not in yet
    var logNotIn = new Coupling(1, "a", TODAY.minusDays(15), null, TODAY.minusDays(5));
    assertThat(SilenceWatch.silentOn(List.of(logNotIn), TODAY)).isEmpty();
  }

  @Test
  void shouldWarnAnywayWhenLogsAreMissingAWeekAfterTheSilenceWouldShow() {
    var noLogsYet = new Coupling(1, "a", TODAY.minusDays(20), null, null);
    var noLogsLongEnough = new Coupling(2, "b", TODAY.minusDays(21), null, null);
    var lateLogs = new Coupling(3, "c", TODAY.minusDays(22), null, TODAY.minusDays(12));
    assertThat(SilenceWatch.silentOn(List.of(noLogsYet, noLogsLongEnough, lateLogs), TODAY))
        .extracting(Coupling::id).containsExactly(2L, 3L);
  }
}
