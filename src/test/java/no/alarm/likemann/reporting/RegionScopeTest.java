package no.alarm.likemann.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class RegionScopeTest {

  @Test
  void shouldLeaveEveryTableAsItIsForEveryRegion() {
    assertThat(RegionScope.ALL.table("referral")).isEqualTo("referral");
    assertThat(RegionScope.ALL.table("referral", "r")).isEqualTo("referral r");
  }

  @Test
  void shouldRestrictATableToTheRegionsUnderItsOwnName() {
    RegionScope grenland = RegionScope.of(List.of("grenland"));
    assertThat(grenland.table("referral", "r")).isEqualTo("(SELECT * FROM referral WHERE municipality_code IN"
        + " (SELECT code FROM municipality WHERE region IN ('grenland'))) r");
    assertThat(grenland.table("mentor")).isEqualTo("(SELECT * FROM mentor WHERE region IN ('grenland')) mentor");
    // a reader in no region counts nothing
    assertThat(RegionScope.of(List.of()).table("mentor")).contains("region IN (NULL)");
  }

  @Test
  void shouldRefuseARegionCodeThatCouldBeSqlAndATableWithoutARule() {
    assertThatThrownBy(() -> RegionScope.of(List.of("x') OR 1=1 --"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RegionScope.of(List.of("grenland")).table("steering_report"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
