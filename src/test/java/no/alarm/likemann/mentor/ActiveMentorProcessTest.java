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
@Deployment(resources = {"processes/active-mentor.bpmn", "processes/relapse-report.bpmn",
    "processes/mentor-eligibility.dmn"})
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
    Mocks.register("pauseMentorDelegate", (JavaDelegate) e -> {
      calls.add("pause");
      e.setVariable(SOBER_SINCE, "2020-03-01");
      e.setVariable(EXPERIENCE, "own");
    });
    Mocks.register("recordCoordinatorContactFollowUp", (ExecutionListener) e -> calls.add("contact:"
        + e.getVariable("contactWeekStart")));
    Mocks.register("recordRelapseFollowUp", (ExecutionListener) e -> calls.add("followUp:" + e.getVariable(SOBER_SINCE)));
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

  /** The relapse report proved wrong: the sober-since date stands, the criteria are met, the mentor returns. */
  @Test
  void shouldPauseAtOnceAndReturnToActiveWhenTheCriteriaAreMetAgain() {
    ProcessInstance pi = start();

    runtimeService().startProcessInstanceByKey(ActiveMentor.RELAPSE_REPORT_KEY,
        Map.of("mentorReference", "LM-0001", "relapseConfirmed", true));

    assertThat(pi).hasPassed(RELAPSE_REPORTED, PAUSE_MENTOR).isWaitingAt(FOLLOW_UP_RELAPSE);
    assertThat(calls).containsExactly("report", "pause");
    assertThat(task(FOLLOW_UP_RELAPSE, pi)).hasCandidateGroup("adviser");
    complete(task(FOLLOW_UP_RELAPSE, pi), followUp("2020-03-01", "returnToActive"));

    assertThat(pi).hasPassed(CHECK_RETURN_ELIGIBILITY, RESUME_MENTOR).isWaitingAt(WAIT_FOR_MONTH_END);
    assertThat(pi).variables().containsEntry(RETURN_ELIGIBILITY, "eligible");
    assertThat(calls).containsSubsequence("followUp:2020-03-01", "resume");
  }

  /**
   * A relapse with a new sober-since date: the two-year check fails, the mentor stays paused until two years from
   * that day, then the adviser reconsiders; the criteria are checked again before the return.
   */
  @Test
  void shouldWaitTwoYearsFromTheNewSoberDateBeforeTheReturnIsReconsidered() {
    ProcessInstance pi = start();
    runtimeService().createMessageCorrelation(ActiveMentor.MESSAGE_RELAPSE_REPORTED).processInstanceBusinessKey("LM-0001")
        .correlate();

    complete(task(FOLLOW_UP_RELAPSE, pi), followUp("2026-11-20", "returnToActive"));

    assertThat(pi).hasPassed(CHECK_RETURN_ELIGIBILITY).hasNotPassed(RESUME_MENTOR)
        .isWaitingAt(WAIT_UNTIL_TWO_YEARS_SOBER_AGAIN);
    assertThat(pi).variables().containsEntry(RETURN_ELIGIBILITY, "notYetTwoYearsSober");
    assertThat(job(pi).getDuedate())
        .isEqualTo(Date.from(LocalDate.of(2028, 11, 20).atTime(6, 0).atZone(OSLO).toInstant()));
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2028, 11, 20).atTime(6, 5).atZone(OSLO).toInstant()));
    execute(job(pi));

    assertThat(pi).isWaitingAt(RECONSIDER_RETURN);
    assertThat(task(RECONSIDER_RETURN, pi)).hasCandidateGroup("adviser");
    complete(task(RECONSIDER_RETURN, pi), followUp("2026-11-20", "returnToActive"));

    assertThat(pi).hasPassed(RESUME_MENTOR).isWaitingAt(WAIT_FOR_MONTH_END);
    assertThat(calls).containsSubsequence("pause", "followUp:2026-11-20", "followUp:2026-11-20", "resume");
  }

  /** After the wait the mentor may leave instead, and so may one whose register has no experience of the kind. */
  @Test
  void shouldLeaveAfterTheWaitOrWithoutTheExperience() {
    ProcessInstance pi = start();
    runtimeService().createMessageCorrelation(ActiveMentor.MESSAGE_RELAPSE_REPORTED).processInstanceBusinessKey("LM-0001")
        .correlate();
    complete(task(FOLLOW_UP_RELAPSE, pi), followUp("2026-11-20", "returnToActive"));
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2028, 11, 21).atTime(8, 0).atZone(OSLO).toInstant()));
    execute(job(pi));
    complete(task(RECONSIDER_RETURN, pi), followUp("2026-11-20", "leave"));
    assertThat(pi).isEnded().hasPassed(MENTOR_LEAVES, MENTOR_LEFT).hasNotPassed(RESUME_MENTOR);

    ProcessInstance other = runtimeService().startProcessInstanceByKey(ActiveMentor.PROCESS_KEY, "LM-0002",
        Map.of(MENTOR_ID, 2L, MENTOR_REFERENCE, "LM-0002", MENTOR_NAME, "Per Likemann"));
    runtimeService().createMessageCorrelation(ActiveMentor.MESSAGE_RELAPSE_REPORTED).processInstanceBusinessKey("LM-0002")
        .correlate();
    runtimeService().setVariable(other.getId(), EXPERIENCE, "none");
    complete(task(FOLLOW_UP_RELAPSE, other), followUp("2020-03-01", "returnToActive"));
    assertThat(other).isEnded().hasPassed(CHECK_RETURN_ELIGIBILITY, MENTOR_LEAVES).hasNotPassed(RESUME_MENTOR);
  }

  static Map<String, Object> followUp(String soberSince, String outcome) {
    return withVariables(SOBER_SINCE, soberSince, RELAPSE_FOLLOWED_UP_ON, "2026-11-23", INTERNAL_ROUTINE_FOLLOWED, true,
        RELAPSE_OUTCOME, outcome);
  }

  @Test
  void shouldEndWhenTheMentorLeaves() {
    ProcessInstance pi = start();
    execute(job(pi));
    assertThat(pi).isWaitingAt(RECORD_SUPERVISION);

    runtimeService().createMessageCorrelation(ActiveMentor.MESSAGE_RELAPSE_REPORTED).processInstanceBusinessKey("LM-0001")
        .correlate();
    assertThat(pi).isWaitingAt(FOLLOW_UP_RELAPSE);
    complete(task(FOLLOW_UP_RELAPSE, pi), followUp("2026-11-20", "leave"));

    assertThat(pi).isEnded().hasPassed(MENTOR_LEAVES, MENTOR_LEFT);
    assertThat(calls).containsExactly("pause", "followUp:2026-11-20", "leave");
  }

  /** A week without contact between coordinator and mentor: a follow-up beside the year, which goes on. */
  @Test
  void shouldGiveTheCoordinatorsAFollowUpForAWeekWithoutContactWhileTheYearGoesOn() {
    ProcessInstance pi = start();

    runtimeService().createMessageCorrelation("coordinatorContactMissed").processInstanceBusinessKey("LM-0001")
        .setVariables(Map.of("contactWeekStart", "2026-11-16", "contactWeekLabel", "uke 47")).correlate();
    runtimeService().createMessageCorrelation("coordinatorContactMissed").processInstanceBusinessKey("LM-0001")
        .setVariables(Map.of("contactWeekStart", "2026-11-23", "contactWeekLabel", "uke 48")).correlate();

    assertThat(pi).isWaitingAt(WAIT_FOR_MONTH_END, FOLLOW_UP_COORDINATOR_CONTACT);
    var followUps = engine.getTaskService().createTaskQuery().taskDefinitionKey(FOLLOW_UP_COORDINATOR_CONTACT)
        .orderByTaskCreateTime().asc().list();
    assertThat(followUps).hasSize(2);
    assertThat(followUps.get(0).getDueDate()).isNotNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(followUps.get(0).getId()))
        .extracting(l -> l.getGroupId()).containsExactly("coordinator");
    complete(followUps.get(1), withVariables("coordinatorContactOn", "2026-11-25"));
    complete(followUps.get(0), withVariables("coordinatorContactOn", "2026-11-25"));

    assertThat(calls).containsExactly("contact:2026-11-23", "contact:2026-11-16");
    assertThat(pi).hasPassed(COORDINATOR_CONTACT_FOLLOWED_UP).isWaitingAt(WAIT_FOR_MONTH_END);
  }
}
