package no.alarm.likemann.journey;

import static no.alarm.likemann.journey.InpatientStay.Element.*;
import static no.alarm.likemann.journey.InpatientStay.Var.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import no.alarm.likemann.support.TestEngines;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path through processes/inpatient-stay.bpmn. */
@Deployment(resources = "processes/inpatient-stay.bpmn")
class InpatientStayProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(TestEngines.inMemory())
      .build();

  static final String EXPECTED = "2026-12-20";

  private final List<String> calls = new ArrayList<>();

  @BeforeEach
  void standIns() {
    Mocks.register("formInputGuard", (ExecutionListener) e -> calls.add("guard:" + e.getCurrentActivityId()));
    // only its date helpers are used by the model's expressions
    Mocks.register("inpatientStays", new InpatientStays(null, null, null, null));
    Mocks.register("showStay", (TaskListener) t -> t.setVariableLocal(STAY_TEXT, "Innlagt da koblingen startet"));
    Mocks.register("recordDischarge", (ExecutionListener) e -> {
      calls.add("discharge:" + e.getVariable(DISCHARGE));
      if (InpatientStay.POSTPONED.equals(e.getVariable(DISCHARGE))) {
        e.setVariable(EXPECTED_DISCHARGE, e.getVariable(NEW_EXPECTED_DISCHARGE));
      }
    });
    Mocks.register("recordMentorPart", (ExecutionListener) e -> calls.add("mentor:" + e.getVariable(MENTOR_PART)));
    Mocks.register("stayEnded", (ExecutionListener) e -> calls.add("ended"));
    Mocks.register("closeStayDelegate", (JavaDelegate) e -> calls.add("closed"));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  ProcessInstance admitted() {
    return runtimeService().createMessageCorrelation(InpatientStay.MESSAGE_ADMITTED)
        .processInstanceBusinessKey("HEN-2026-00001")
        .setVariable(REFERRAL_REFERENCE, "HEN-2026-00001")
        .setVariable(STAY_ID, Variables.longValue(4L))
        .setVariable(ADMITTED_ON, "2026-11-20")
        .setVariable(EXPECTED_DISCHARGE, EXPECTED)
        .setVariable(MENTOR_USERNAME, "likemann")
        .correlateStartMessage();
  }

  @Test
  void shouldGiveTheCoordinatorTheDischargeAndTheMentorTheTransitionDueOnTheExpectedDay() {
    ProcessInstance pi = admitted();

    assertThat(pi).hasBusinessKey("HEN-2026-00001").isWaitingAt(RECORD_DISCHARGE, TAKE_PART_IN_DISCHARGE);
    assertThat(task(RECORD_DISCHARGE, pi)).hasCandidateGroup("coordinator")
        .hasDueDate(InpatientStays.dueOn(LocalDate.parse(EXPECTED)));
    assertThat(task(TAKE_PART_IN_DISCHARGE, pi)).isAssignedTo("likemann")
        .hasDueDate(InpatientStays.dueOn(LocalDate.parse(EXPECTED)));
    assertThat(task(TAKE_PART_IN_DISCHARGE, pi).getFollowUpDate())
        .isEqualTo(InpatientStays.dueOn(LocalDate.parse(EXPECTED).minusDays(7)));
    assertThat(engine.getTaskService().getVariableLocal(task(RECORD_DISCHARGE, pi).getId(), STAY_TEXT))
        .isEqualTo("Innlagt da koblingen startet");

    complete(task(TAKE_PART_IN_DISCHARGE, pi), withVariables(MENTOR_PART, "atDischarge", MENTOR_PART_ON, EXPECTED));
    assertThat(pi).isWaitingAt(RECORD_DISCHARGE).hasPassed(TAKE_PART_IN_DISCHARGE);
    complete(task(RECORD_DISCHARGE, pi), withVariables(DISCHARGE, InpatientStay.DISCHARGED, DISCHARGED_ON, EXPECTED));

    assertThat(pi).isEnded().hasPassed(DISCHARGE_JOIN, PARTICIPANT_DISCHARGED).hasNotPassed(CLOSE_STAY);
    assertThat(calls).containsExactly("guard:" + TAKE_PART_IN_DISCHARGE, "mentor:atDischarge",
        "guard:" + RECORD_DISCHARGE, "discharge:discharged", "ended");
  }

  @Test
  void shouldWaitForTheMentorWhenTheCoordinatorRecordsTheDischargeFirst() {
    ProcessInstance pi = admitted();
    complete(task(RECORD_DISCHARGE, pi), withVariables(DISCHARGE, InpatientStay.DISCHARGED, DISCHARGED_ON,
        "2026-12-01", EARLY_REASON, "acuteAdmission"));

    assertThat(pi).isWaitingAt(TAKE_PART_IN_DISCHARGE).hasPassed(DISCHARGE_OUTCOME);
    complete(task(TAKE_PART_IN_DISCHARGE, pi), withVariables(MENTOR_PART, "firstDays", MENTOR_PART_ON, "2026-12-02"));
    assertThat(pi).isEnded().hasPassed(PARTICIPANT_DISCHARGED);
  }

  @Test
  void shouldMoveTheDueDateWhenTheDischargeIsPostponed() {
    ProcessInstance pi = admitted();
    complete(task(RECORD_DISCHARGE, pi), withVariables(DISCHARGE, InpatientStay.POSTPONED, NEW_EXPECTED_DISCHARGE,
        "2027-01-10"));

    assertThat(pi).isWaitingAt(RECORD_DISCHARGE, TAKE_PART_IN_DISCHARGE).hasPassed(DISCHARGE_MERGE);
    assertThat(task(RECORD_DISCHARGE, pi)).hasDueDate(InpatientStays.dueOn(LocalDate.of(2027, 1, 10)));
    complete(task(RECORD_DISCHARGE, pi), withVariables(DISCHARGE, InpatientStay.DISCHARGED, DISCHARGED_ON,
        "2027-01-10"));
    complete(task(TAKE_PART_IN_DISCHARGE, pi), withVariables(MENTOR_PART, "notPossible", MENTOR_PART_NOTE, "Syk"));
    assertThat(pi).isEnded();
    assertThat(calls).containsSubsequence("discharge:postponed", "discharge:discharged", "mentor:notPossible", "ended");
  }

  @Test
  void shouldEndWithTheJourneyWhateverIsOpen() {
    ProcessInstance pi = admitted();
    complete(task(RECORD_DISCHARGE, pi), withVariables(DISCHARGE, InpatientStay.DISCHARGED, DISCHARGED_ON,
        "2026-12-01", EARLY_REASON, "selfDischarge"));

    runtimeService().createMessageCorrelation(InpatientStay.MESSAGE_JOURNEY_ENDED)
        .processInstanceBusinessKey("HEN-2026-00001").correlateAll();

    assertThat(pi).isEnded().hasPassed(JOURNEY_ENDED, CLOSE_STAY, STAY_CLOSED).hasNotPassed(PARTICIPANT_DISCHARGED);
    assertThat(calls).endsWith("closed").doesNotContain("ended");
    assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
  }
}
