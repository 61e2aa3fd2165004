package no.alarm.likemann.mentor;

import static no.alarm.likemann.mentor.ActiveMentor.Element.*;
import static no.alarm.likemann.mentor.ActiveMentor.Var.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.support.TestEngines;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path through processes/active-mentor.bpmn and processes/relapse-report.bpmn. */
@Deployment(resources = {"processes/active-mentor.bpmn", "processes/relapse-report.bpmn"})
class ActiveMentorProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(TestEngines.inMemory())
      .build();

  static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
  private final List<String> calls = new ArrayList<>();
  private final List<Boolean> attendance = new ArrayList<>();

  @BeforeEach
  void standIns() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 11, 23).atTime(10, 0).atZone(OSLO).toInstant()));
    Mocks.register("oslo", new OsloCalendar());
    Mocks.register("formInputGuard", (ExecutionListener) e -> { });
    Mocks.register("recordSupervisionAttendance", (ExecutionListener) e -> {
      if (e.isCanceled()) {
        return;
      }
      calls.add("supervision:" + e.getVariable(SUPERVISION_MONTH));
      attendance.add(0, "yes".equals(e.getVariable(SUPERVISION_ATTENDED)));
      e.setVariable(MISSED_IN_A_ROW, MentorYear.missedInARow(attendance));
    });
    Mocks.register("pauseMentorDelegate", (JavaDelegate) e -> calls.add("pause"));
    Mocks.register("resumeMentorDelegate", (JavaDelegate) e -> calls.add("resume"));
    Mocks.register("mentorLeavesDelegate", (JavaDelegate) e -> calls.add("leave"));
    Mocks.register("reportRelapseDelegate", (JavaDelegate) e -> {
      calls.add("report");
      e.getProcessEngineServices().getRuntimeService().createMessageCorrelation(ActiveMentor.MESSAGE_RELAPSE_REPORTED)
          .processInstanceBusinessKey("LM-0001").correlate();
    });
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(ActiveMentor.PROCESS_KEY, "LM-0001",
        Map.of(MENTOR_ID, 1L, MENTOR_REFERENCE, "LM-0001", MENTOR_NAME, "Lars Likemann"));
  }

  void nextMonth(ProcessInstance pi, String attended) {
    execute(job(pi));
    complete(task(RECORD_SUPERVISION, pi), withVariables(SUPERVISION_ATTENDED, attended));
  }

  @Test
  void shouldAskForLastMonthsSupervisionOnTheFirstOfEveryMonth() {
    ProcessInstance pi = start();

    assertThat(pi).isWaitingAt(WAIT_FOR_MONTH_END);
    assertThat(job(pi).getDuedate()).isEqualTo(Date.from(LocalDate.of(2026, 12, 1).atTime(8, 0).atZone(OSLO).toInstant()));
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 1).atTime(8, 5).atZone(OSLO).toInstant()));
    execute(job(pi));

    assertThat(pi).isWaitingAt(RECORD_SUPERVISION);
    assertThat(task(RECORD_SUPERVISION, pi)).hasCandidateGroup("coordinator");
    complete(task(RECORD_SUPERVISION, pi), withVariables(SUPERVISION_ATTENDED, "yes"));
    assertThat(calls).containsExactly("supervision:2026-11");
    assertThat(pi).isWaitingAt(WAIT_FOR_MONTH_END);
  }

  @Test
  void shouldGiveTheAdviserATaskAfterTwoMissedMonthsInARow() {
    ProcessInstance pi = start();
    nextMonth(pi, "no");
    assertThat(pi).isWaitingAt(WAIT_FOR_MONTH_END);

    nextMonth(pi, "no");

    assertThat(pi).isWaitingAt(FOLLOW_UP_MISSED_SUPERVISION);
    assertThat(task(FOLLOW_UP_MISSED_SUPERVISION, pi)).hasCandidateGroup("adviser");
    complete(task(FOLLOW_UP_MISSED_SUPERVISION, pi), withVariables("missedFollowUpNote", "Avtalt ny veiledning"));
    assertThat(pi).isWaitingAt(WAIT_FOR_MONTH_END);
    nextMonth(pi, "yes");
    assertThat(pi).isWaitingAt(WAIT_FOR_MONTH_END);
  }

  @Test
  void shouldPauseAtOnceAndReturnToActiveAfterTheAdvisersFollowUp() {
    ProcessInstance pi = start();

    runtimeService().startProcessInstanceByKey(ActiveMentor.RELAPSE_REPORT_KEY,
        Map.of("mentorReference", "LM-0001", "relapseConfirmed", true));

    assertThat(pi).hasPassed(RELAPSE_REPORTED, PAUSE_MENTOR).isWaitingAt(FOLLOW_UP_RELAPSE);
    assertThat(calls).containsExactly("report", "pause");
    assertThat(task(FOLLOW_UP_RELAPSE, pi)).hasCandidateGroup("adviser");
    complete(task(FOLLOW_UP_RELAPSE, pi), withVariables(RELAPSE_OUTCOME, "returnToActive"));

    assertThat(pi).hasPassed(RESUME_MENTOR).isWaitingAt(WAIT_FOR_MONTH_END);
    assertThat(calls).endsWith("resume");
  }

  @Test
  void shouldEndWhenTheMentorLeaves() {
    ProcessInstance pi = start();
    execute(job(pi));
    assertThat(pi).isWaitingAt(RECORD_SUPERVISION);

    runtimeService().createMessageCorrelation(ActiveMentor.MESSAGE_RELAPSE_REPORTED).processInstanceBusinessKey("LM-0001")
        .correlate();
    assertThat(pi).isWaitingAt(FOLLOW_UP_RELAPSE);
    complete(task(FOLLOW_UP_RELAPSE, pi), withVariables(RELAPSE_OUTCOME, "leave"));

    assertThat(pi).isEnded().hasPassed(MENTOR_LEAVES, MENTOR_LEFT);
    assertThat(calls).containsExactly("pause", "leave");
  }
}
