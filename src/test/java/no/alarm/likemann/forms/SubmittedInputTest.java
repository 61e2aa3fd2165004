package no.alarm.likemann.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.support.Referrals;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/** A start or a completion carries the fields of its form and nothing else: the real forms in forms/. */
class SubmittedInputTest {

  final FormInputValidator forms = new FormInputValidator(List.of());

  List<String> refused(String form, Map<String, Object> values) {
    return SubmittedInput.violations(forms.schema(form), values).stream().map(Violation::field).toList();
  }

  @Test
  void shouldAcceptWhatTheFormSubmits() {
    assertThat(refused("referralReceived", Referrals.valid())).isEmpty();
    assertThat(refused("assessReferral", Map.of("assessment", "offer", "assessmentNote", "Passer godt"))).isEmpty();
  }

  @Test
  void shouldRefuseEveryNameTheFormDoesNotHave() {
    // the journey's routing and the register's facts are not the coordinator's input
    Map<String, Object> assessment = new HashMap<>(Map.of("assessment", "offer", "age", 5, "municipality", "porsgrunn",
        "referralReference", "HEN-2026-00001"));
    assertThat(refused("assessReferral", assessment))
        .containsExactlyInAnyOrder("age", "municipality", "referralReference");
    // the week's coupling and its mentor come from the task, never from the mentor
    assertThat(refused("logWeeklyContacts", Map.of("contactCount", 0, "weekCouplingId", 3,
        "mentorUsername", "koordinator"))).containsExactlyInAnyOrder("weekCouplingId", "mentorUsername");
  }

  @Test
  void shouldRefuseTheShownFieldsThatTheFormDoesNotSubmit() {
    // disabled fields show the referral for reading: the form does not send them back
    assertThat(refused("assessReferral", Map.of("assessment", "offer", "substanceHistory", "endret")))
        .containsExactly("substanceHistory");
  }

  @Test
  void shouldRefuseAnyInputToAStepWithoutAForm() {
    assertThat(SubmittedInput.violations(null, Map.of("x", 1))).extracting(Violation::field).containsExactly("x");
    assertThat(SubmittedInput.violations(null, Map.of())).isEmpty();
  }

  @Test
  void shouldRefuseSerializedObjectsFilesAndBytes() {
    Map<String, Object> values = new HashMap<>();
    values.put("assessment", Variables.serializedObjectValue("rO0ABXQAA2Zvbw==")
        .serializationDataFormat(Variables.SerializationDataFormats.JAVA).objectTypeName("java.lang.String").create());
    values.put("assessmentNote", Variables.objectValue(new java.util.ArrayList<>(List.of("a")))
        .serializationDataFormat("application/json").create());
    values.put("declineReason", Variables.byteArrayValue(new byte[] {1, 2}));
    assertThat(SubmittedInput.violations(forms.schema("assessReferral"), values))
        .extracting(Violation::field, Violation::english)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("assessment", "assessment has a type no form sends (object)"),
            org.assertj.core.groups.Tuple.tuple("assessmentNote", "assessmentNote has a type no form sends (object)"),
            org.assertj.core.groups.Tuple.tuple("declineReason", "declineReason has a type no form sends (bytes)"));
    // a plain Java object through the Java API
    assertThat(refused("assessReferral", Map.of("assessmentNote", new java.util.HashMap<>(Map.of("a", 1)))))
        .containsExactly("assessmentNote");
  }

  @Test
  void shouldRefuseNulCharacters() {
    assertThat(refused("assessReferral", Map.of("assessment", "offer", "assessmentNote", "a\u0000b")))
        .containsExactly("assessmentNote");
  }

  @Test
  void shouldRefuseUnknownFieldsInsideAGroup() {
    var row = SpinValues.jsonValue("{\"contactDate\":\"2026-11-23\",\"contactTime\":\"10:00\",\"contactMinutes\":5,"
        + "\"contactType\":\"phone\",\"contactReached\":\"yes\",\"couplingId\":7}").create();
    var nested = SpinValues.jsonValue("{\"contactDate\":{\"a\":1}}").create();
    assertThat(refused("logWeeklyContacts", Map.of("contactCount", 2, "contact1", row, "contact2", nested)))
        .containsExactlyInAnyOrder("contact1.couplingId", "contact2.contactDate");
    var fine = SpinValues.jsonValue("{\"contactDate\":\"2026-11-23\",\"contactTime\":\"10:00\",\"contactMinutes\":5,"
        + "\"contactType\":\"phone\",\"contactReached\":\"yes\"}").create();
    assertThat(refused("logWeeklyContacts", Map.of("contactCount", 1, "contact1", fine))).isEmpty();
  }

  @Test
  void shouldKeepAnAttackersNameOutOfTheMessage() {
    String name = "x".repeat(500) + "\n";
    var v = SubmittedInput.violations(forms.schema("assessReferral"), Map.of(name, 1)).get(0);
    assertThat(v.english()).hasSizeLessThan(200).doesNotContain("\n");
  }
}
