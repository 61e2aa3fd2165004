package no.alarm.likemann.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.alarm.likemann.journey.JourneyFormRules;
import no.alarm.likemann.referral.Municipality;
import no.alarm.likemann.referral.MunicipalityRegistry;
import no.alarm.likemann.support.Referrals;

import org.junit.jupiter.api.Test;

/** The server's checks of the real forms in forms/, without the engine. */
class FormInputValidatorTest {

  static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneId.of("Europe/Oslo"));

  /** Only Skien is a municipality here; no database. */
  static final MunicipalityRegistry MUNICIPALITIES = new MunicipalityRegistry(null) {
    @Override
    public Optional<Municipality> find(String code) {
      return "skien".equals(code) ? Optional.of(new Municipality("skien", "Skien", "grenland")) : Optional.empty();
    }
  };

  final FormInputValidator validator =
      new FormInputValidator(List.of(new JourneyFormRules(MUNICIPALITIES, TODAY)));

  static Map<String, Object> validReferral() {
    return Referrals.valid();
  }

  List<String> refusedFields(String form, Map<String, Object> values) {
    return validator.violations(form, FormInput.of(values)).stream().map(Violation::field).toList();
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
    assertThat(refusedFields("referralReceived", v)).containsExactly("municipality", "municipality");
    // in the form's list, but not in the register
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
  }

  @Test
  void shouldRefuseContactsInTheFutureAndNegativeMinutes() {
    Map<String, Object> v = new HashMap<>(Map.of("contactDate", "2026-11-23", "contactType", "phone",
        "contactReached", "yes", "contactMinutes", 30));
    assertThat(refusedFields("logContact", v)).isEmpty();
    v.put("contactDate", "2026-11-24");
    v.put("contactMinutes", -5);
    assertThat(validator.violations("logContact", FormInput.of(v))).extracting(Violation::norwegian)
        .containsExactlyInAnyOrder("«Tid brukt (minutter)» må være minst 0.", "Datoen kan ikke være fram i tid.");
    v.put("contactDate", "23.11.2026");
    v.put("contactMinutes", 30);
    assertThat(refusedFields("logContact", v)).containsExactly("contactDate");
  }

  @Test
  void shouldRequireEverySignatureToBeAnsweredAtTheCouplingMeeting() {
    Map<String, Object> v = new HashMap<>(Map.of("couplingMeetingDate", "2026-11-20", "goals", "Jobb",
        "confidentialityAgreed", true, "informationExchange", "Med ruskonsulent", "homeVisitsAllowed", "no",
        "contactRelativesAllowed", "yes", "consentSignedByParticipant", true, "consentSignedByMentor", false,
        "agreementSignedByParticipant", true, "agreementSignedByMentor", true));
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
