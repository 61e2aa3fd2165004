package no.alarm.likemann.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.followup.WeeklyContactRules;
import no.alarm.likemann.journey.JourneyFormRules;
import no.alarm.likemann.referral.Municipality;
import no.alarm.likemann.referral.MunicipalityRegistry;
import no.alarm.likemann.support.Referrals;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/** The server's checks of the real forms in forms/, without the engine. */
class FormInputValidatorTest {

  static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneId.of("Europe/Oslo"));

  /** Only Skien is a municipality here; no database. */
  static final MunicipalityRegistry MUNICIPALITIES = new MunicipalityRegistry(null, null) {
    @Override
    public Optional<Municipality> find(String code) {
      return "skien".equals(code) ? Optional.of(new Municipality("skien", "Skien", "grenland")) : Optional.empty();
    }
  };

  final FormInputValidator validator =
      new FormInputValidator(List.of(new JourneyFormRules(MUNICIPALITIES,
          reference -> Optional.of(java.time.LocalDate.of(2026, 11, 2)), TODAY)));

  static Map<String, Object> validReferral() {
    return Referrals.valid();
  }

  List<String> refusedFields(String form, Map<String, Object> values) {
    return validator.violations(form, FormInput.of(values)).stream().map(Violation::field).toList();
  }

  @Test
  void shouldTakeAChecklistAsTasklistSendsItAndRefuseAnythingButItsOwnChoices() {
    Map<String, Object> meeting = new HashMap<>(Map.of("referralReference", "HEN-2026-00001", "meetingKind",
        "startup", "meetingDate", "2026-11-20", "coordinatorStoodIn", false));
    meeting.put("meetingAttendees", org.camunda.spin.Spin.JSON("[\"participant\",\"mentor\"]"));
    assertThat(refusedFields("journeyMeetingHeld", meeting)).isEmpty();
    meeting.put("meetingAttendees", List.of("participant", "coordinator"));
    assertThat(refusedFields("journeyMeetingHeld", meeting)).isEmpty();
    assertThat(FormInput.of(meeting).choices("meetingAttendees")).containsExactly("participant", "coordinator");

    meeting.put("meetingAttendees", List.of("participant", "naboen"));
    assertThat(validator.violations("journeyMeetingHeld", FormInput.of(meeting))).extracting(Violation::english)
        .containsExactly("meetingAttendees holds a value that is not allowed");
    meeting.put("meetingAttendees", "participant,mentor");
    assertThat(validator.violations("journeyMeetingHeld", FormInput.of(meeting))).extracting(Violation::english)
        .containsExactly("meetingAttendees must be a list of choices");
    meeting.put("meetingAttendees", List.of(1, 2));
    assertThat(refusedFields("journeyMeetingHeld", meeting)).containsExactly("meetingAttendees");
    meeting.put("meetingAttendees", List.of());
    assertThat(validator.violations("journeyMeetingHeld", FormInput.of(meeting))).extracting(Violation::norwegian)
        .containsExactly("«Hvem var med?» må fylles ut.");
  }

  @Test
  void shouldAcceptACompleteReferral() {
    assertThat(refusedFields("referralReceived", validReferral())).isEmpty();
  }

  @Test
  void shouldRefuseAgesOutsideEighteenToHundredAndTwenty() {
    var v = validReferral();
    v.put("age", 17);
    assertThat(validator.violations("referralReceived", FormInput.of(v)))
        .extracting(Violation::norwegian).containsExactly("«Deltakerens alder» må være minst 18.");
    v.put("age", 121);
    assertThat(validator.violations("referralReceived", FormInput.of(v)))
        .extracting(Violation::english).containsExactly("age must be at most 120");
    v.put("age", 18);
    assertThat(refusedFields("referralReceived", v)).isEmpty();
    v.put("age", 120);
    assertThat(refusedFields("referralReceived", v)).isEmpty();
    v.put("age", 30.5);
    assertThat(refusedFields("referralReceived", v)).containsExactly("age");
    v.put("age", "25");
    assertThat(refusedFields("referralReceived", v)).containsExactly("age");
  }

  @Test
  void shouldRefuseAnUnknownMunicipalityInTheFormAndInTheRegister() {
    var v = validReferral();
    v.put("municipality", "oslo");
    // the form lists none of its own (FormChoices fills them): the register refuses
    assertThat(refusedFields("referralReceived", v)).containsExactly("municipality");
    v.put("municipality", "bamble");
    assertThat(validator.violations("referralReceived", FormInput.of(v))).extracting(Violation::norwegian)
        .containsExactly("Kommunen «bamble» er ikke med i tjenesten.");
  }

  @Test
  void shouldRefuseAMissingFieldAnUntickedConsentAndAnUnknownChoice() {
    var v = validReferral();
    v.remove("substanceHistory");
    v.put("referralConsent", false);
    v.put("treatmentStatus", "sometimes");
    v.remove("hasBrukerplan");
    assertThat(refusedFields("referralReceived", v))
        .containsExactlyInAnyOrder("substanceHistory", "referralConsent", "treatmentStatus", "hasBrukerplan");
  }

  @Test
  void shouldRefuseTextOverItsLimit() {
    var v = validReferral();
    v.put("substanceHistory", "x".repeat(1001));
    assertThat(validator.violations("referralReceived", FormInput.of(v))).extracting(Violation::english)
        .containsExactly("substanceHistory must be at most 1000 characters");
  }

  @Test
  void shouldThrowOneExceptionNamingEveryFieldInBothLanguages() {
    var v = validReferral();
    v.put("age", 12);
    v.put("gender", null);
    assertThatThrownBy(() -> validator.validate("referralReceived", FormInput.of(v)))
        .isInstanceOf(InvalidFormInputException.class)
        .hasMessageContaining("«Deltakerens alder» må være minst 18.")
        .hasMessageContaining("«Deltakerens kjønn» må fylles ut.")
        .hasMessageContaining("[Invalid input: age must be at least 18; gender is required]");
  }

  @Test
  void shouldRequireAReasonOnlyWhenDeclining() {
    assertThat(refusedFields("assessReferral", Map.of("assessment", "offer"))).isEmpty();
    assertThat(refusedFields("assessReferral", Map.of("assessment", "decline"))).containsExactly("declineReason");
    assertThat(refusedFields("assessReferral", Map.of("assessment", "decline", "declineReason", "Annen hjelp")))
        .isEmpty();
    assertThat(refusedFields("assessReferral", Map.of())).containsExactly("assessment");
  }

  @Test
  void shouldRequireAMentorUnlessNoneFits() {
    // which mentors may be chosen is the register's call when the slot is taken (see MentorRegister.reserve)
    assertThat(refusedFields("matchMentor", Map.of("noMentorFits", false, "mentorId", "2"))).isEmpty();
    assertThat(refusedFields("matchMentor", Map.of("noMentorFits", false))).containsExactly("mentorId");
    assertThat(refusedFields("matchMentor", Map.of("noMentorFits", false, "mentorId", 2))).containsExactly("mentorId");
    assertThat(refusedFields("matchMentor", Map.of("noMentorFits", true))).isEmpty();
    // an id the list never offers: refused before anything looks it up
    for (String id : List.of("abc", "99999999999999999999", "-1", "0", "2 OR 1=1")) {
      assertThat(refusedFields("matchMentor", Map.of("noMentorFits", false, "mentorId", id))).as(id)
          .containsExactly("mentorId");
    }
  }

  @Test
  void shouldRefuseDatesWithTrailingTextOrFromAnotherCenturyAndEventsBeforeTheReferral() {
    var meeting = new HashMap<String, Object>(Map.of("participantAttended", true, "participantWantsMentor", "yes",
        "referralReference", "HEN-2026-00001"));
    for (String date : List.of("2026-11-24xyz", "0001-01-01", "1899-12-31", "2026-13-45", "+999999999-12-31",
        "2026-11-01")) {
      meeting.put("informationMeetingDate", date);
      assertThat(refusedFields("holdInformationMeeting", meeting)).as(date).containsOnly("informationMeetingDate");
    }
    meeting.put("informationMeetingDate", "2026-11-02");
    assertThat(refusedFields("holdInformationMeeting", meeting)).isEmpty();
    meeting.put("informationMeetingDate", "2026-11-20T10:00:00.000Z");
    assertThat(refusedFields("holdInformationMeeting", meeting)).isEmpty();
  }

  private static Map<String, Object> contact(String date, String time, Object minutes) {
    Map<String, Object> c = new HashMap<>(Map.of("contactDate", date, "contactTime", time, "contactType", "phone",
        "contactReached", "yes"));
    c.put("contactMinutes", minutes);
    return c;
  }

  @SafeVarargs
  private static Map<String, Object> week(Integer count, Map<String, Object>... contacts) {
    Map<String, Object> v = new HashMap<>(Map.of("weekStart", "2026-11-16", "weekEnd", "2026-11-22"));
    v.put("contactCount", count);
    v.put("coordinatorContact", "yes");
    for (int i = 0; i < contacts.length; i++) {
      v.put("contact" + (i + 1), contacts[i]);
    }
    return v;
  }

  @Test
  void shouldRefuseWeeklyContactsInTheFutureOutsideTheWeekOrWithNegativeMinutes() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T10:00:00Z")));
    try {
      FormInputValidator weekly = new FormInputValidator(List.of(new WeeklyContactRules(new OsloCalendar())));
      assertThat(weekly.violations("logWeeklyContacts", FormInput.of(week(2,
          contact("2026-11-16", "09:00", 30), contact("2026-11-22", "23:30", 0))))).isEmpty();
      assertThat(weekly.violations("logWeeklyContacts", FormInput.of(week(0)))).isEmpty();

      assertThat(weekly.violations("logWeeklyContacts", FormInput.of(week(5,
          contact("2026-11-20", "09:00", -5), contact("2026-11-24", "09:00", 10), contact("2026-11-15", "20:00", 10),
          contact("20.11.2026", "9", 10)))))
          .extracting(Violation::field, Violation::norwegian)
          .containsExactlyInAnyOrder(
              tuple("contact1.contactMinutes", "Kontakt 1: «Minutter» må være minst 0."),
              tuple("contact4.contactDate", "Kontakt 4: «Dato» må være en dato (åååå-mm-dd)."),
              tuple("contact4.contactTime", "Kontakt 4: «Klokkeslett» må være et klokkeslett (tt:mm)."),
              tuple("contact2.contactDate", "Kontakt 2: kontakten kan ikke være fram i tid."),
              tuple("contact3.contactDate", "Kontakt 3: datoen må ligge i uke 47 (16.11.2026–22.11.2026)."),
              tuple("contact5", "Kontakt 5: fyll ut raden, eller rett antallet kontakter."));
      // through the API: a row that is not an object, a row with a field missing, a count out of range
      Map<String, Object> notARow = week(1);
      notARow.put("contact1", "nothing");
      assertThat(weekly.violations("logWeeklyContacts", FormInput.of(notARow)))
          .extracting(Violation::english).contains("contact1 must be an object");
      Map<String, Object> half = new HashMap<>(contact("2026-11-20", "09:00", 5));
      half.remove("contactType");
      assertThat(weekly.violations("logWeeklyContacts", FormInput.of(week(1, half))))
          .extracting(Violation::english).contains("contact1.contactType is required");
      assertThat(weekly.violations("logWeeklyContacts", FormInput.of(week(16))))
          .extracting(Violation::english).containsExactly("contactCount must be at most 15");
      assertThat(weekly.violations("logWeeklyContacts", FormInput.of(week(null))))
          .extracting(Violation::english).containsExactly("contactCount is required");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void shouldReadARowSubmittedAsJsonAsTasklistSendsIt() {
    var json = org.camunda.spin.Spin.JSON("{\"contactDate\":\"2026-11-20\",\"contactTime\":\"18:15\","
        + "\"contactType\":\"socialMedia\",\"contactReached\":\"no\",\"contactMinutes\":15}");
    FormInput in = FormInput.of(Map.of("contactCount", 1, "contact1", json));
    assertThat(in.isObject("contact1")).isTrue();
    assertThat(no.alarm.likemann.followup.WeeklyContact.from(in)).singleElement().satisfies(c -> {
      assertThat(c.type()).isEqualTo("socialMedia");
      assertThat(c.reached()).isFalse();
      assertThat(c.minutesOutsideHours()).isEqualTo(15); // a Friday evening
    });
  }

  @Test
  void shouldRequireEverySignatureToBeAnsweredAtTheCouplingMeeting() {
    Map<String, Object> v = new HashMap<>(Map.of("couplingMeetingDate", "2026-11-20", "goals", "Jobb",
        "confidentialityAgreed", true, "informationExchange", "Med ruskonsulent", "homeVisitsAllowed", "no",
        "contactRelativesAllowed", "yes", "consentSignedByParticipant", true, "consentSignedByMentor", false,
        "agreementSignedByParticipant", true, "agreementSignedByMentor", true));
    v.put("participantInpatient", "no");
    assertThat(refusedFields("holdCouplingMeeting", v)).containsExactly("agreementSignedByCounsellor");
    v.put("agreementSignedByCounsellor", "yes");
    assertThat(refusedFields("holdCouplingMeeting", v)).containsExactly("agreementSignedByCounsellor");
    v.put("agreementSignedByCounsellor", false);
    assertThat(refusedFields("holdCouplingMeeting", v)).isEmpty();
  }

  @Test
  void shouldRequireANoteWhenTheClosingReasonIsOther() {
    assertThat(refusedFields("closeFollowUp", Map.of("closingReason", "moved"))).isEmpty();
    assertThat(refusedFields("closeFollowUp", Map.of("closingReason", "other"))).containsExactly("closingNote");
    assertThat(refusedFields("closeFollowUp", Map.of("closingReason", "bored"))).containsExactly("closingReason");
  }
}
