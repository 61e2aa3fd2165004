package no.alarm.likemann.referral;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.Map;

import no.alarm.likemann.support.TestEngines;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** processes/treatment-update.bpmn: the one path, checked and carried out at once. */
@Deployment(resources = "processes/treatment-update.bpmn")
class TreatmentUpdateProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(TestEngines.inMemory())
      .build();

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void shouldUpdateAtOnce() {
    Mocks.register("formInputGuard", (ExecutionListener) e -> { });
    Mocks.register("updateTreatmentDelegate", (JavaDelegate) e -> e.setVariable("updated", true));

    ProcessInstance pi = runtimeService().startProcessInstanceByKey("treatmentUpdate",
        Map.of("referralReference", "HEN-2026-00001", "tsbStartedOn", "2026-11-01"));

    assertThat(pi).isEnded().hasPassed("updateTreatment", "treatmentUpdated").variables().containsEntry("updated", true);
  }
}
