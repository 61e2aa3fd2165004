package no.alarm.likemann.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RolesTest {

  @Test
  void aCounsellorIsHeldToTheirOwnMunicipality() {
    List<String> skien = List.of("counsellor", "counsellorSkien");
    assertThat(Roles.isCounsellorOutside(skien, "skien")).isFalse();
    assertThat(Roles.isCounsellorOutside(skien, "porsgrunn")).isTrue();
    assertThat(Roles.isCounsellorOutside(List.of("counsellor", "counsellorSkien", "counsellorPorsgrunn"), "porsgrunn"))
        .isFalse();
  }

  @Test
  void otherRolesAndTheSystemAreNotHeldToAMunicipality() {
    assertThat(Roles.isCounsellorOutside(List.of("coordinator", "counsellor"), "porsgrunn")).isFalse();
    assertThat(Roles.isCounsellorOutside(List.of("mentor"), "porsgrunn")).isFalse();
    assertThat(Roles.isCounsellorOutside(List.of("admin", "counsellor"), "porsgrunn")).isFalse();
    assertThat(Roles.isCounsellorOutside(null, "porsgrunn")).isFalse();
  }
}
