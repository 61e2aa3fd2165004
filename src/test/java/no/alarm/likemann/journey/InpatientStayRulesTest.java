package no.alarm.likemann.journey;

import static no.alarm.likemann.journey.InpatientStay.Var.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.Violation;

import org.junit.jupiter.api.Test;

/** The inpatient stay's rules, without the engine; today is 1 December 2026 in Oslo. */
class InpatientStayRulesTest {

  final InpatientStayRules rules = new InpatientStayRules(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"),
      ZoneId.of("Europe/Oslo")));

  List<String> refused(String form, Map<String, Object> values) {
    List<Violation> out = new ArrayList<>();
    rules.check(form, FormInput.of(values), out);
    return out.stream().map(Violation::english).toList();
  }

  @Test
  void aParticipantInpatientAtTheCouplingNeedsAnExpectedDischargeFromTheMeetingOn() {
    String form = ParticipantJourney.Element.HOLD_COUPLING_MEETING;
    assertThat(refused(form, Map.of(PARTICIPANT_INPATIENT, "no"))).isEmpty();
    assertThat(refused(form, Map.of(PARTICIPANT_INPATIENT, "yes", "couplingMeetingDate", "2026-11-30")))
        .containsExactly("expectedDischargeDate is required when the participant is inpatient");
    assertThat(refused(form, Map.of(PARTICIPANT_INPATIENT, "yes", "couplingMeetingDate", "2026-11-30",
        EXPECTED_DISCHARGE_DATE, "2026-11-29")))
        .containsExactly("expectedDischargeDate must not be before the coupling meeting");
    assertThat(refused(form, Map.of(PARTICIPANT_INPATIENT, "yes", "couplingMeetingDate", "2026-11-30",
        EXPECTED_DISCHARGE_DATE, "2029-01-01"))).containsExactly("expectedDischargeDate must be at most two years ahead");
    assertThat(refused(form, Map.of(PARTICIPANT_INPATIENT, "yes", "couplingMeetingDate", "2026-11-30",
        EXPECTED_DISCHARGE_DATE, "2026-12-14"))).isEmpty();
  }

  @Test
  void anAdmissionDuringTheFollowUpSaysWhatKindWhenAndUntilWhen() {
    String form = JourneyChange.START;
    assertThat(refused(form, Map.of(JourneyChange.CHANGE, "newMentor"))).isEmpty();
    assertThat(refused(form, Map.of(JourneyChange.CHANGE, JourneyChange.ADMITTED))).containsExactly(
        "admissionKind is required when the participant is admitted",
        "admittedDate is required when the participant is admitted");
    assertThat(refused(form, Map.of(JourneyChange.CHANGE, JourneyChange.ADMITTED, ADMISSION_KIND, "acute",
        ADMITTED_DATE, "2026-12-02", EXPECTED_DISCHARGE_DATE, "2026-12-10")))
        .containsExactly("admittedDate must not be in the future");
    assertThat(refused(form, Map.of(JourneyChange.CHANGE, JourneyChange.ADMITTED, ADMISSION_KIND, "acute",
        ADMITTED_DATE, "2026-11-28", EXPECTED_DISCHARGE_DATE, "2026-11-27")))
        .containsExactly("expectedDischargeDate must not be before the admission");
    assertThat(refused(form, Map.of(JourneyChange.CHANGE, JourneyChange.ADMITTED, ADMISSION_KIND, "acute",
        ADMITTED_DATE, "2026-11-28", EXPECTED_DISCHARGE_DATE, "2026-12-10"))).isEmpty();
  }

  @Test
  void aDischargeBeforeTheExpectedDayNeedsItsReasonAndAPostponementANewDay() {
    String form = InpatientStay.Element.RECORD_DISCHARGE;
    Map<String, Object> v = new HashMap<>(Map.of(ADMITTED_ON, "2026-11-10", EXPECTED_DISCHARGE, "2026-12-10",
        DISCHARGE, InpatientStay.DISCHARGED));
    assertThat(refused(form, v)).containsExactly("dischargedOn is required when the participant is discharged");
    v.put(DISCHARGED_ON, "2026-12-03");
    assertThat(refused(form, v)).containsExactly("dischargedOn must not be in the future");
    v.put(DISCHARGED_ON, "2026-11-09");
    assertThat(refused(form, v)).containsExactly("dischargedOn must not be before the admission");
    v.put(DISCHARGED_ON, "2026-11-30");
    assertThat(refused(form, v))
        .containsExactly("earlyDischargeReason is required for a discharge before the expected day");
    v.put(EARLY_REASON, "acuteAdmission");
    assertThat(refused(form, v)).isEmpty();

    Map<String, Object> later = new HashMap<>(Map.of(ADMITTED_ON, "2026-11-10", EXPECTED_DISCHARGE, "2026-11-28",
        DISCHARGE, InpatientStay.POSTPONED));
    assertThat(refused(form, later))
        .containsExactly("newExpectedDischarge is required when the discharge is postponed");
    later.put(NEW_EXPECTED_DISCHARGE, "2026-11-30");
    assertThat(refused(form, later)).containsExactly("newExpectedDischarge must not be in the past");
    later.put(NEW_EXPECTED_DISCHARGE, "2026-12-15");
    assertThat(refused(form, later)).isEmpty();
  }

  @Test
  void theMentorSaysWhenHeTookPartOrWhyItWasNotPossible() {
    String form = InpatientStay.Element.TAKE_PART_IN_DISCHARGE;
    assertThat(refused(form, Map.of(MENTOR_PART, "atDischarge"))).containsExactly("mentorPartOn is required");
    assertThat(refused(form, Map.of(MENTOR_PART, "atDischarge", MENTOR_PART_ON, "2026-12-05")))
        .containsExactly("mentorPartOn must not be in the future");
    assertThat(refused(form, Map.of(MENTOR_PART, "phone", MENTOR_PART_ON, "2026-11-30"))).isEmpty();
    assertThat(refused(form, Map.of(MENTOR_PART, "notPossible")))
        .containsExactly("mentorPartNote is required when taking part was not possible");
    assertThat(refused(form, Map.of(MENTOR_PART, "notPossible", MENTOR_PART_NOTE, "Innlagt et annet sted"))).isEmpty();
  }
}
