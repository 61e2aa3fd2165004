package no.alarm.likemann.followup;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.followup.FinalContactWeek.Element;
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

/** processes/final-contact-week.bpmn: the last days of a coupling, logged by its mentor or, failing them, a coordinator. */
@Deployment(resources = {"processes/final-contact-week.bpmn", "forms/logWeeklyContacts.form"})
class FinalContactWeekProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(TestEngines.inMemory())
      .build();

  private final List<String> calls = new ArrayList<>();

  @BeforeEach
  void mocks() {
    Mocks.register("formInputGuard", (ExecutionListener) e -> calls.add("guard:" + e.getCurrentActivityId()));
    Mocks.register("oslo", new OsloCalendar());
    Mocks.register("showAgreement", (org.camunda.bpm.engine.delegate.TaskListener) t -> t.setVariableLocal("goals",
        "fra registeret"));
    Mocks.register("recordWeeklyContactsDelegate", (JavaDelegate) e -> calls.add("record:"
        + e.getVariable(WEEK_START) + ".." + e.getVariable(WEEK_END) + ":" + e.getVariable(WEEK_COUPLING_ID) + ":"
        + e.getVariable(CONTACT_COUNT)));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private ProcessInstance start(String mentor) {
    Map<String, Object> v = new HashMap<>();
    v.put(REFERRAL_REFERENCE, "HEN-2026-00042");
    v.put(MENTOR_USERNAME, mentor);
    v.put(WEEK_START, "2026-11-23");
    v.put(WEEK_END, "2026-11-26");
    v.put(WEEK_LABEL, "uke 48 (23.11.2026–26.11.2026)");
    v.put(WEEK_COUPLING_ID, 7L);
    return runtimeService().startProcessInstanceByKey(FinalContactWeek.PROCESS_KEY, "HEN-2026-00042", v);
  }

  @Test
  void shouldGiveTheMentorTheLastDaysAndRecordThem() {
    ProcessInstance pi = start("likemann");

    assertThat(pi).isWaitingAt(Element.LOG_WEEKLY_CONTACTS);
    assertThat(task(Element.LOG_WEEKLY_CONTACTS, pi)).isAssignedTo("likemann");
    assertThat(taskService().getIdentityLinksForTask(task(Element.LOG_WEEKLY_CONTACTS, pi).getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("coordinator"));
    // due two days after the last day, at 09:00 Oslo time
    assertThat(task(Element.LOG_WEEKLY_CONTACTS, pi).getDueDate()).isEqualTo(
        Date.from(LocalDateTime.of(2026, 11, 28, 9, 0).atZone(OsloCalendar.OSLO).toInstant()));

    complete(task(Element.LOG_WEEKLY_CONTACTS, pi), withVariables(CONTACT_COUNT, 0));

    assertThat(pi).isEnded().hasPassed(Element.RECORD_WEEKLY_CONTACTS, Element.FINAL_WEEK_LOGGED);
    assertThat(calls).containsExactly("guard:" + Element.LOG_WEEKLY_CONTACTS, "record:2026-11-23..2026-11-26:7:0");
  }

  @Test
  void shouldLeaveItToTheCoordinatorsWhenNoMentorIsNamed() {
    ProcessInstance pi = start(null);

    assertThat(task(Element.LOG_WEEKLY_CONTACTS, pi)).isNotAssigned().hasCandidateGroup("coordinator");
  }
}
