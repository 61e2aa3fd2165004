package no.alarm.likemann.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.List;
import java.util.Map;

import no.alarm.likemann.forms.InvalidFormInputException;
import no.alarm.likemann.forms.Violation;
import no.alarm.likemann.support.TestEngines;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** processes/journey-change.bpmn: the change is forwarded at once, or refused and nothing is kept. */
@Deployment(resources = "processes/journey-change.bpmn")
class JourneyChangeProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(TestEngines.inMemory())
      .build();

  @BeforeEach
  void guard() {
    Mocks.register("formInputGuard", (ExecutionListener) e -> { });
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void shouldForwardTheChangeAtOnce() {
    Mocks.register("forwardJourneyChangeDelegate", (JavaDelegate) e -> e.setProcessBusinessKey("HEN-2026-00001"));

    ProcessInstance pi = runtimeService().startProcessInstanceByKey(JourneyChange.PROCESS_KEY,
        Map.of("referralReference", "hen-2026-00001", JourneyChange.CHANGE, JourneyChange.CONSENT_WITHDRAWN));

    assertThat(pi).isEnded().hasPassed(JourneyChange.START, JourneyChange.FORWARD, JourneyChange.FORWARDED);
    assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceBusinessKey("HEN-2026-00001")
        .count()).isEqualTo(1);
  }

  @Test
  void shouldKeepNothingWhenTheJourneyCannotTakeTheChange() {
    Mocks.register("forwardJourneyChangeDelegate", (JavaDelegate) e -> {
      throw new InvalidFormInputException(JourneyChange.START, List.of(new Violation("journeyChange",
          "Forløpet har ingen likemann å bytte ennå.", "the journey has no mentor to change yet")));
    });

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(JourneyChange.PROCESS_KEY,
        Map.of("referralReference", "HEN-2026-00001", JourneyChange.CHANGE, JourneyChange.NEW_MENTOR)))
        .isInstanceOf(InvalidFormInputException.class).hasMessageContaining("ingen likemann å bytte");
    assertThat(historyService().createHistoricProcessInstanceQuery().count()).isZero();
  }
}
