package no.alarm.likemann.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import no.alarm.likemann.forms.Violation;

import org.junit.jupiter.api.Test;

class ReferenceLinesTest {

  static final List<String> MINE = List.of("HEN-2026-00001", "HEN-2026-00002");

  @Test
  void shouldOfferALinePerParticipantAndReadTheTextAfterEachReference() {
    assertThat(ReferenceLines.template(MINE)).isEqualTo("HEN-2026-00001: \nHEN-2026-00002: ");
    assertThat(ReferenceLines.parse("HEN-2026-00001: Går bra\r\nhen-2026-00002 - Flyttet\n\nHEN-2026-00003:"))
        .containsExactly(Map.entry("HEN-2026-00001", "Går bra"), Map.entry("HEN-2026-00002", "Flyttet"));
  }

  @Test
  void shouldRefuseALineAboutSomeoneElseALongLineAndAMissingParticipant() {
    assertThat(ReferenceLines.check("participantStatus", "HEN-2026-00001: Bra\nHEN-2026-00002: Bra", MINE, true))
        .isEmpty();
    assertThat(ReferenceLines.check("participantStatus", "HEN-2026-00001: Bra\nHEN-2026-00009: Bra", MINE, false))
        .extracting(Violation::english).containsExactly(
            "participantStatus has a line that starts with no listed referral reference");
    assertThat(ReferenceLines.check("participantStatus", "Alle har det bra", MINE, false)).hasSize(1);
    assertThat(ReferenceLines.check("participantStatus", "HEN-2026-00001: " + "x".repeat(301), MINE, false))
        .extracting(Violation::english).containsExactly("participantStatus has a line longer than 300 characters");
    assertThat(ReferenceLines.check("participantStatus", "HEN-2026-00001: Bra\nHEN-2026-00002: ", MINE, true))
        .extracting(Violation::norwegian).containsExactly("Skriv en kort status for hver deltaker i listen.");
    assertThat(ReferenceLines.check("participantGoals", "HEN-2026-00001: \nHEN-2026-00002: ", MINE, false)).isEmpty();
  }
}
