package no.alarm.likemann.referral;

import static no.alarm.likemann.journey.ParticipantJourney.Element.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferralStageTest {

  @Test
  void eachOpenStepHasItsStage() {
    assertThat(ReferralStage.of(null, Set.of(ASSESS_REFERRAL))).isEqualTo(ReferralStage.ASSESSMENT);
    assertThat(ReferralStage.of(null, Set.of(AWAIT_CAPACITY))).isEqualTo(ReferralStage.WAIT_LIST);
    assertThat(ReferralStage.of(null, Set.of(HOLD_INFORMATION_MEETING))).isEqualTo(ReferralStage.INFORMATION_MEETING);
    assertThat(ReferralStage.of(null, Set.of(MATCH_MENTOR))).isEqualTo(ReferralStage.MATCHING);
    assertThat(ReferralStage.of(null, Set.of(AWAIT_MENTOR))).isEqualTo(ReferralStage.MATCHING);
    assertThat(ReferralStage.of(null, Set.of(HOLD_COUPLING_MEETING))).isEqualTo(ReferralStage.COUPLING_MEETING);
    assertThat(ReferralStage.of(null, Set.of(WRITE_CLOSING_REPORT))).isEqualTo(ReferralStage.CLOSING_REPORT);
    assertThat(ReferralStage.of(null, Set.of())).isEqualTo(ReferralStage.IN_PROGRESS);
  }

  @Test
  void inFollowUpARematchOrAWeeklyLogIsStillFollowUp() {
    assertThat(ReferralStage.of(null, List.of(CLOSE_FOLLOW_UP, LOG_WEEKLY_CONTACTS, REMATCH_MENTOR)))
        .isEqualTo(ReferralStage.FOLLOW_UP);
  }

  @Test
  void anEndedJourneyShowsItsOutcomeAndClosingReason() {
    assertThat(ReferralStage.of("DECLINED", Set.of()).label(null)).isEqualTo("Henvisningen avslått");
    assertThat(ReferralStage.of("CLOSED", Set.of()).label("goalsReached")).isEqualTo("Avsluttet: målene er nådd");
    assertThat(ReferralStage.of("CLOSED", Set.of()).label(null)).isEqualTo("Avsluttet");
    assertThat(ReferralStage.of("WITHDRAWN", Set.of()).label("consentWithdrawn")).isEqualTo("Samtykket trukket");
    assertThat(ReferralStage.of("SAID_NO", Set.of(ASSESS_REFERRAL))).isEqualTo(ReferralStage.SAID_NO);
  }
}
