package no.alarm.likemann.journey;

import static no.alarm.likemann.journey.AgreementDeviation.Element.*;
import static no.alarm.likemann.journey.AgreementDeviation.Var.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.support.TestEngines;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path through processes/agreement-deviation.bpmn. */
@Deployment(resources = "processes/agreement-deviation.bpmn")
class AgreementDeviationProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(TestEngines.inMemory())
      .build();

  private final List<String> calls = new ArrayList<>();

  @BeforeEach
  void standIns() {
    Mocks.register("formInputGuard", (ExecutionListener) e -> calls.add("guard:" + e.getCurrentActivityId()));
    Mocks.register("registerDeviationDelegate", (JavaDelegate) e -> {
      calls.add("register");
      e.setProcessBusinessKey("HEN-2026-00001");
      e.setVariable(DEVIATION_ID, 3L);
      e.removeVariable(DEVIATION_DESCRIPTION);
    });
    Mocks.register("showDeviation", (TaskListener) t -> t.setVariableLocal(DEVIATION_TEXT, "Taushetsplikten"));
    Mocks.register("recordDeviationFollowUp", (ExecutionListener) e -> calls.add("followUp:"
        + e.getCurrentActivityId() + ":" + e.getVariable(DEVIATION_OUTCOME)));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  ProcessInstance report() {
    return runtimeService().startProcessInstanceByKey(AgreementDeviation.PROCESS_KEY, Map.of(
        REFERRAL_REFERENCE, "HEN-2026-00001", DEVIATION_KIND, "confidentiality", DEVIATION_BY, "mentor",
        DEVIATION_DATE, "2026-11-30", DEVIATION_DESCRIPTION, "Fortalte om deltakeren til en venn"));
  }

  @Test
  void shouldBeFollowedUpByTheCoordinatorFirstAndEndThereWhenResolved() {
    ProcessInstance pi = report();

    assertThat(pi).hasBusinessKey("HEN-2026-00001").isWaitingAt(FOLLOW_UP_DEVIATION);
    assertThat(task(FOLLOW_UP_DEVIATION, pi)).hasCandidateGroup("coordinator");
    assertThat(engine.getTaskService().getVariableLocal(task(FOLLOW_UP_DEVIATION, pi).getId(), DEVIATION_TEXT))
        .isEqualTo("Taushetsplikten");
    assertThat(task(FOLLOW_UP_DEVIATION, pi).getDueDate()).isNotNull();
    complete(task(FOLLOW_UP_DEVIATION, pi), withVariables(DEVIATION_OUTCOME, "resolved", FOLLOW_UP_NOTE, "Samtale"));

    assertThat(pi).isEnded().hasPassed(DEVIATION_CLOSED).hasNotPassed(FOLLOW_UP_DEVIATION_PROJECT_LEADER);
    assertThat(calls).containsExactly("guard:" + DEVIATION_REPORTED, "register", "guard:" + FOLLOW_UP_DEVIATION,
        "followUp:" + FOLLOW_UP_DEVIATION + ":resolved");
  }

  @Test
  void shouldGoToTheProjectLeaderWhenTheCoordinatorCannotResolveIt() {
    ProcessInstance pi = report();
    complete(task(FOLLOW_UP_DEVIATION, pi), withVariables(DEVIATION_OUTCOME, "escalate", FOLLOW_UP_NOTE, "Uenige"));

    assertThat(pi).isWaitingAt(FOLLOW_UP_DEVIATION_PROJECT_LEADER);
    assertThat(task(FOLLOW_UP_DEVIATION_PROJECT_LEADER, pi)).hasCandidateGroup("projectLeader");
    complete(task(FOLLOW_UP_DEVIATION_PROJECT_LEADER, pi), withVariables(DEVIATION_OUTCOME, "agreementEnded",
        FOLLOW_UP_NOTE, "Avsluttes"));

    assertThat(pi).isEnded().hasPassed(FOLLOW_UP_DEVIATION_PROJECT_LEADER, DEVIATION_CLOSED_MERGE, DEVIATION_CLOSED);
    assertThat(calls).endsWith("followUp:" + FOLLOW_UP_DEVIATION + ":escalate",
        "guard:" + FOLLOW_UP_DEVIATION_PROJECT_LEADER, "followUp:" + FOLLOW_UP_DEVIATION_PROJECT_LEADER
            + ":agreementEnded");
  }

  @Test
  void shouldCloseWhenTheProjectLeaderResolvesIt() {
    ProcessInstance pi = report();
    complete(task(FOLLOW_UP_DEVIATION, pi), withVariables(DEVIATION_OUTCOME, "escalate"));
    complete(task(FOLLOW_UP_DEVIATION_PROJECT_LEADER, pi), withVariables(DEVIATION_OUTCOME, "resolved"));

    assertThat(pi).isEnded().hasPassed(DEVIATION_CLOSED);
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }
}
