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

/** processes/journey-meeting.bpmn: the meeting is recorded at once, or refused and nothing is kept. */
@Deployment(resources = "processes/journey-meeting.bpmn")
class JourneyMeetingProcessTest {

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
  void shouldRecordTheMeetingAtOnce() {
    Mocks.register("recordJourneyMeetingDelegate", (JavaDelegate) e -> e.setProcessBusinessKey("HEN-2026-00001"));

    ProcessInstance pi = runtimeService().startProcessInstanceByKey(JourneyMeeting.PROCESS_KEY,
        Map.of("referralReference", "HEN-2026-00001", JourneyMeeting.KIND, "responsibilityGroup"));

    assertThat(pi).isEnded().hasPassed(JourneyMeeting.START, JourneyMeeting.RECORD, JourneyMeeting.RECORDED);
  }

  @Test
  void shouldKeepNothingWhenTheMeetingIsRefused() {
    Mocks.register("recordJourneyMeetingDelegate", (JavaDelegate) e -> {
      throw new InvalidFormInputException(JourneyMeeting.START, List.of(new Violation("referralReference",
          "Forløpet er allerede avsluttet.", "the journey has ended")));
    });

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(JourneyMeeting.PROCESS_KEY,
        Map.of("referralReference", "HEN-2026-00001"))).isInstanceOf(InvalidFormInputException.class);
    assertThat(historyService().createHistoricProcessInstanceQuery().count()).isZero();
  }
}
