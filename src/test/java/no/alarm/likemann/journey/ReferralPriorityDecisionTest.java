package no.alarm.likemann.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import no.alarm.likemann.support.TestEngines;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/referral-priority.dmn (plan 000 §3), alone and together. */
@Deployment(resources = "processes/referral-priority.dmn")
class ReferralPriorityDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(TestEngines.inMemory())
      .build();

  @ParameterizedTest(name = "age {0}, at risk {1}, treatment {2} gives {3}")
  @CsvSource({
      // no priority group: the base rule alone
      "45, false, after, 0",
      // young users 18–30, at both edges
      "18, false, after, 1",
      "30, false, after, 1",
      "31, false, after, 0",
      // at risk of falling out of ordinary society
      "45, true, after, 1",
      // on the way into treatment, and in treatment
      "45, false, before, 1",
      "45, false, during, 1",
      // groups add up
      "22, true, during, 3",
      "22, false, before, 2",
  })
  void shouldGiveOnePointPerPriorityGroup(int age, boolean atRisk, String treatmentStatus, int expected) {
    Map<String, Object> input = new HashMap<>();
    input.put("age", age);
    input.put("atRiskOfFallingOut", atRisk);
    input.put("treatmentStatus", treatmentStatus);

    var result = engine.getDecisionService().evaluateDecisionByKey(ParticipantJourney.PRIORITY_DECISION)
        .variables(input).evaluate();

    Object priority = result.getSingleEntry();
    assertThat(priority).isEqualTo(expected);
  }
}
