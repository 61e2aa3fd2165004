package no.alarm.likemann.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/**
 * Every form in forms/, every field, a set of bad values: the server's checks (the form's fields only, with the types
 * a form sends, and the form's own rules) refuse each for that field, and none of them throws. The integration
 * tests send the same through the REST API for the journey and the start forms (AbstractFormFuzzTests).
 */
class EveryFormRefusesBadValuesTest {

  /**
   * The form rules, and the domain rules of the journey (a mentor from the offered list, dates), the onboarding and
   * the register of municipalities (choices the register fills are checked against it).
   */
  final FormInputValidator validator = new FormInputValidator(List.of(new no.alarm.likemann.journey.JourneyFormRules(
      FormInputValidatorTest.MUNICIPALITIES, reference -> java.util.Optional.empty(), FormInputValidatorTest.TODAY),
      new no.alarm.likemann.onboarding.OnboardingFormRules(FormInputValidatorTest.MUNICIPALITIES, null,
          new no.alarm.likemann.calendar.OsloCalendar()),
      new no.alarm.likemann.region.AddMunicipality(FormChoicesTest.REGISTER)));

  static Map<String, Object> badValues(FormSchema.Field f) {
    Map<String, Object> v = no.alarm.likemann.support.BadValues.of(f, json -> SpinValues.jsonValue(json).create(),
        Variables.serializedObjectValue("rO0ABXQAA2Zvbw==").serializationDataFormat(
            Variables.SerializationDataFormats.JAVA).objectTypeName("java.lang.String").create());
    v.put("a plain Java object", new HashMap<>(Map.of("a", 1)));
    return v;
  }

  @Test
  void everyFieldOfEveryFormRefusesEveryBadValue() throws IOException {
    List<String> accepted = new ArrayList<>();
    int tried = 0;
    List<Path> forms;
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      forms = files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
    for (Path file : forms) {
      String id = file.getFileName().toString().replace(".form", "");
      FormSchema schema = validator.schema(id);
      for (FormSchema.Field field : schema.fields()) {
        for (Map.Entry<String, Object> bad : badValues(field).entrySet()) {
          tried++;
          Map<String, Object> input = new HashMap<>();
          input.put(field.key(), bad.getValue());
          List<Violation> refusals = new ArrayList<>(SubmittedInput.violations(schema, input));
          if (refusals.stream().noneMatch(v -> v.field().equals(field.key()))) {
            try {
              validator.validate(id, schema, FormInput.of(plain(input)));
            } catch (InvalidFormInputException e) {
              refusals.addAll(e.getViolations());
            }
          }
          if (refusals.stream().noneMatch(v -> v.field().equals(field.key()))) {
            accepted.add(id + "." + field.key() + " = " + bad.getKey());
          }
        }
      }
    }
    System.out.printf("Every form: %d forms, %d bad values tried, %d accepted%n", forms.size(), tried,
        accepted.size());
    assertThat(forms).hasSizeGreaterThan(40);
    assertThat(accepted).as(tried + " bad values tried").isEmpty();
  }

  /** What the form rules see: the values as the engine hands them to the guard (typed values unwrapped). */
  private static Map<String, Object> plain(Map<String, Object> input) {
    Map<String, Object> out = new HashMap<>();
    input.forEach((k, v) -> out.put(k, v instanceof org.camunda.bpm.engine.variable.value.TypedValue t
        && !(v instanceof org.camunda.bpm.engine.variable.value.SerializableValue s && !s.isDeserialized())
        ? t.getValue() : v));
    return out;
  }
}
