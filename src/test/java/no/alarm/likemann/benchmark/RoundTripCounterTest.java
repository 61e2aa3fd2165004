package no.alarm.likemann.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import no.alarm.likemann.benchmark.RoundTripCounter.Category;

import org.junit.jupiter.api.Test;

class RoundTripCounterTest {

  @Test
  void aDataModifyingWithIsTheWriteItHolds() {
    var info = RoundTripCounter.describe("WITH entered AS (UPDATE referral SET matching_since = ? WHERE reference = ?"
        + " RETURNING reference) SELECT id FROM mentor WHERE status = 'ACTIVE'");

    assertThat(info.category()).isEqualTo(Category.PROJECT);
    assertThat(info.write()).isTrue();
    assertThat(info.verbAndTable()).isEqualTo("update referral");
  }

  @Test
  void aPlainQueryIsARead() {
    var info = RoundTripCounter.describe("WITH x AS (SELECT 1) SELECT id FROM mentor");

    assertThat(info.write()).isFalse();
    assertThat(info.verbAndTable()).isEqualTo("with mentor");
  }

  @Test
  void engineStatementsAreTheEngines() {
    var info = RoundTripCounter.describe("insert into ACT_RU_TASK (ID_, NAME_) values (?, ?)");

    assertThat(info.category()).isEqualTo(Category.ENGINE);
    assertThat(info.write()).isTrue();
  }
}
