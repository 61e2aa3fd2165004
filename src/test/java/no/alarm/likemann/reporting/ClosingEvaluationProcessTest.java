package no.alarm.likemann.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

/** processes/closing-evaluation.bpmn: three respondents answer in any order; the evaluation ends when all have. */
@Deployment(resources = "processes/closing-evaluation.bpmn")
class ClosingEvaluationProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(TestEngines.inMemory())
      .build();

  private final List<String> recorded = new ArrayList<>();

  @BeforeEach
  void standIns() {
    Mocks.register("formInputGuard", (ExecutionListener) e -> { });
    Mocks.register("prepareEvaluationDelegate", (JavaDelegate) e -> {
      e.setVariable("mentorUsername", "likemann");
      e.setVariable("counsellorGroup", "counsellorSkien");
    });
    Mocks.register("recordEvaluationAnswers", (ExecutionListener) e -> recorded.add(e.getCurrentActivityId()));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  static Map<String, Object> answers(int score) {
    Map<String, Object> v = new HashMap<>();
    for (int q = 1; q <= Evaluations.QUESTIONS; q++) {
      v.put("evaluationQ" + q, score);
    }
    return v;
  }

  @Test
  void shouldAskParticipantMentorAndCounsellorAndEndWhenAllHaveAnswered() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("closingEvaluation",
        Map.of("referralReference", "HEN-2026-00001"));

    assertThat(pi).isWaitingAt("answerEvaluationParticipant", "answerEvaluationMentor", "answerEvaluationCounsellor");
    assertThat(task("answerEvaluationMentor", pi)).isAssignedTo("likemann");
    // the counsellors of the participant's municipality, not every counsellor
    assertThat(task("answerEvaluationCounsellor", pi)).hasCandidateGroup("counsellorSkien");

    complete(task("answerEvaluationCounsellor", pi), answers(7));
    complete(task("answerEvaluationMentor", pi), answers(9));
    assertThat(pi).isNotEnded();
    complete(task("answerEvaluationParticipant", pi), answers(8));

    assertThat(pi).isEnded().hasPassed("evaluationAnswered");
    assertThat(recorded).containsExactly("answerEvaluationCounsellor", "answerEvaluationMentor",
        "answerEvaluationParticipant");
  }
}
