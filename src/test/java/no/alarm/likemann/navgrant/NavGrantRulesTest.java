package no.alarm.likemann.navgrant;

import static no.alarm.likemann.navgrant.NavMentorGrant.Var.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.Violation;

import org.junit.jupiter.api.Test;

/** The NAV grant's rules and months, without the engine; today is 1 December 2026 in Oslo. */
class NavGrantRulesTest {

  final NavGrantRules rules = new NavGrantRules(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"),
      ZoneId.of("Europe/Oslo")));

  List<String> refused(String form, Map<String, Object> values) {
    List<Violation> out = new ArrayList<>();
    rules.check(form, FormInput.of(values), out);
    return out.stream().map(Violation::english).toList();
  }

  @Test
  void anApplicationNamesAMentorAndAPeriodOfAtMostThreeYears() {
    String form = NavMentorGrant.Element.GRANT_APPLIED;
    assertThat(refused(form, Map.of(MENTOR_REFERENCE, "LM-0003", APPLIED_ON, "2026-11-30", APPLIED_FROM,
        "2027-01-01", APPLIED_TO, "2027-12-31"))).isEmpty();
    assertThat(refused(form, Map.of(MENTOR_REFERENCE, "Lars", APPLIED_ON, "2026-12-02", APPLIED_FROM,
        "2027-01-01", APPLIED_TO, "2026-12-31"))).containsExactly(
        "mentorReference must be a mentor's reference (LM-0001)", "appliedOn must not be in the future",
        "appliedTo must not be before appliedFrom");
    assertThat(refused(form, Map.of(MENTOR_REFERENCE, "3", APPLIED_FROM, "2027-01-01", APPLIED_TO, "2030-01-02")))
        .containsExactly("appliedTo must be at most 3 years after appliedFrom");
  }

  @Test
  void aGrantHasItsPeriodAndAmountAndARefusalNeedsNeither() {
    String form = NavMentorGrant.Element.RECORD_DECISION;
    assertThat(refused(form, Map.of(DECISION, "refused", DECIDED_ON, "2026-11-20"))).isEmpty();
    assertThat(refused(form, Map.of(DECISION, "granted", DECIDED_ON, "2026-11-20"))).containsExactly(
        "grantedFrom is required", "grantedTo is required", "amountGrantedPerMonth is required");
    assertThat(refused(form, Map.of(DECISION, "granted", DECIDED_ON, "2026-11-20", GRANTED_FROM, "2027-01-01",
        GRANTED_TO, "2027-06-30", AMOUNT_GRANTED, 7000))).isEmpty();
  }

  @Test
  void aClaimedRefundHasItsAmountAndDayAndLeavingNeedsNeither() {
    String form = NavMentorGrant.Element.CLAIM_REFUND;
    assertThat(refused(form, Map.of(REFUND_OUTCOME, "mentorLeft"))).isEmpty();
    assertThat(refused(form, Map.of(REFUND_OUTCOME, "claimed"))).containsExactly("amountClaimed is required",
        "claimedOn is required");
    assertThat(refused(form, Map.of(REFUND_OUTCOME, "claimed", AMOUNT_CLAIMED, 7000, CLAIMED_ON, "2026-12-03")))
        .containsExactly("claimedOn must not be in the future");
  }

  @Test
  void everyMonthOfTheAgreementIsClaimedOnTheFirstDayAfterIt() {
    assertThat(NavGrants.claimableAt(YearMonth.of(2026, 12)))
        .isEqualTo(java.util.Date.from(Instant.parse("2027-01-01T06:00:00Z")));
    assertThat(NavGrants.after(YearMonth.of(2027, 7), LocalDate.of(2027, 6, 30))).isTrue();
    assertThat(NavGrants.after(YearMonth.of(2027, 6), LocalDate.of(2027, 6, 15))).isFalse();
    assertThat(NavGrants.monthLabel(YearMonth.of(2026, 11))).isEqualTo("november 2026");
  }
}
