package no.alarm.likemann.reporting.steering;

import static no.alarm.likemann.reporting.steering.SteeringReporting.Element.*;
import static no.alarm.likemann.reporting.steering.SteeringReporting.Var.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.forms.FormInputGuard;
import no.alarm.likemann.forms.FormInputValidator;
import no.alarm.likemann.reporting.steering.SteeringReports.Texts;
import no.alarm.likemann.support.TestEngines;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path through processes/steering-group-report.bpmn and its timer, with the real delegates, period rules and
 * form checks and Mockito stand-ins for the tables: the timer in June and November, a missed year started by the
 * project leader, input refused, a report already being written, and the report written and produced.
 */
@Deployment(resources = {"processes/steering-group-report.bpmn", "processes/steering-group-report-timer.bpmn",
    "forms/steeringReportRequested.form", "forms/writeSteeringReport.form"})
class SteeringGroupReportProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(TestEngines.inMemory())
      .build();

  static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

  final SteeringFigures figures = mock(SteeringFigures.class);
  final SteeringReports reports = mock(SteeringReports.class);

  static Date oslo(int year, int month, int day, int hour, int minute) {
    return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(OSLO).toInstant());
  }

  @BeforeEach
  void standIns() {
    ClockUtil.setCurrentTime(oslo(2026, 5, 20, 9, 0));
    OsloCalendar oslo = new OsloCalendar();
    SteeringReportDelegates delegates = new SteeringReportDelegates();
    Mocks.register("formInputGuard", new FormInputGuard(new FormInputValidator(
        List.of(new SteeringReportFormRules(oslo))), new no.alarm.likemann.forms.DeployedForms()));
    // the timer starts one report per region; here one region
    Mocks.register("startSteeringReportDelegate", delegates.startSteeringReportDelegate(oslo,
        new no.alarm.likemann.region.Regions(null, null, null) {
          @Override
          public List<String> all() {
            return List.of("grenland");
          }
        }));
    Mocks.register("prepareSteeringReportDelegate", delegates.prepareSteeringReportDelegate(figures, reports, oslo,
        new no.alarm.likemann.reporting.SmallNumbers(5)));
    Mocks.register("recordSteeringReportDelegate", delegates.recordSteeringReportDelegate(reports));
    Mocks.register("produceSteeringReportDelegate", delegates.produceSteeringReportDelegate(reports));
    when(figures.of(any(), any(), any(), any())).thenAnswer(i -> SteeringFixtures.figures(i.getArgument(0),
        i.getArgument(1)));
    when(reports.draft(anyString(), any(), any(), any())).thenReturn(7L);
    when(reports.idOf(anyString())).thenReturn(7L);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  ProcessInstance request(Object kind, Object year) {
    String definition = repositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(SteeringReporting.PROCESS_KEY).singleResult().getId();
    Map<String, Object> values = new HashMap<>();
    values.put(REPORT_KIND, kind);
    values.put(REPORT_YEAR, year);
    return formService().submitStartForm(definition, values);
  }

  Job timer() {
    return managementService().createJobQuery().timers()
        .processDefinitionKey(SteeringReporting.TIMER_PROCESS_KEY).singleResult();
  }

  ProcessInstance startedByTheTimerOn(Date when) {
    ClockUtil.setCurrentTime(when);
    managementService().executeJob(timer().getId());
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(SteeringReporting.PROCESS_KEY)
        .singleResult();
  }

  @Test
  void shouldAskForTheHalfYearReportOnTheFirstOfJuneAtSevenOsloTime() {
    // deployed on 20 May: the next start is 1 June at 07:00, Oslo time (summer time)
    assertThat(timer().getDuedate()).isEqualTo(oslo(2026, 6, 1, 7, 0));

    ProcessInstance pi = startedByTheTimerOn(oslo(2026, 6, 1, 7, 0));

    assertThat(pi).hasPassed(STEERING_REPORT_REQUESTED, PREPARE_STEERING_REPORT).isWaitingAt(WRITE_STEERING_REPORT);
    assertThat(pi.getBusinessKey()).isEqualTo("SG-2026-halfYear");
    assertThat(runtimeService().getVariable(pi.getId(), REPORT_TITLE))
        .isEqualTo("Halvårsrapport 2026 (1.1.2026–31.5.2026)");
    verify(figures).of(eq(LocalDate.of(2026, 1, 1)), eq(LocalDate.of(2026, 5, 31)), eq(LocalDate.of(2026, 6, 1)), any());
    Task task = taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(task).hasCandidateGroup("projectLeader");
    assertThat(task.getDueDate()).isEqualTo(oslo(2026, 6, 30, 16, 0));
    assertThat((String) runtimeService().getVariable(pi.getId(), PERIOD_FIGURES))
        .contains("- Henvisninger mottatt: **12**");
    // the timer's own instance has ended; the next start is on 1 November
    assertThat(historyService().createHistoricActivityInstanceQuery().activityId(STEERING_REPORT_STARTED).count())
        .isEqualTo(1);
    assertThat(timer().getDuedate()).isEqualTo(oslo(2026, 11, 1, 7, 0));
  }

  @Test
  void shouldAskForTheResultsReportOnTheFirstOfNovemberDueByTheFirstOfDecember() {
    startedByTheTimerOn(oslo(2026, 6, 1, 7, 0));
    ClockUtil.setCurrentTime(oslo(2026, 11, 1, 7, 0));
    managementService().executeJob(timer().getId());
    ProcessInstance pi = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey(SteeringReporting.PROCESS_KEY).processInstanceBusinessKey("SG-2026-yearResults")
        .singleResult();

    assertThat(pi.getBusinessKey()).isEqualTo("SG-2026-yearResults");
    // the figures of January to October, for the results report and for the evaluation report
    verify(figures, org.mockito.Mockito.times(2)).of(eq(LocalDate.of(2026, 1, 1)), eq(LocalDate.of(2026, 10, 31)),
        eq(LocalDate.of(2026, 11, 1)), any());
    assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getDueDate())
        .isEqualTo(oslo(2026, 12, 1, 16, 0));
    // and the evaluation report from the mentors and the counsellors, due the same day, with the evaluation's figures
    ProcessInstance evaluation = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey(SteeringReporting.PROCESS_KEY).processInstanceBusinessKey("SG-2026-evaluation")
        .singleResult();
    assertThat(evaluation).isWaitingAt(WRITE_STEERING_REPORT);
    assertThat(taskService().createTaskQuery().processInstanceId(evaluation.getId()).singleResult().getDueDate())
        .isEqualTo(oslo(2026, 12, 1, 16, 0));
    assertThat((String) runtimeService().getVariable(evaluation.getId(), PERIOD_FIGURES))
        .contains("Evalueringen (snitt, 1 til 10)", "Målene i prosjektplanen").doesNotContain("Henvisninger mottatt");
    // winter time now: still 07:00 in Oslo next June
    assertThat(timer().getDuedate()).isEqualTo(oslo(2027, 6, 1, 7, 0));
  }

  @Test
  void theProjectLeaderWritesAMissedYearAndThePdfIsMadeInAJobOfItsOwn() {
    ClockUtil.setCurrentTime(oslo(2026, 12, 1, 10, 0));
    ProcessInstance pi = request("yearResults", 2025);
    assertThat(pi).isWaitingAt(WRITE_STEERING_REPORT);
    verify(reports).draft(eq(pi.getId()), eq(SteeringPeriod.of("yearResults", 2025, LocalDate.of(2026, 12, 1))),
        any(), any());
    assertThat(runtimeService().getVariable(pi.getId(), STEERING_REPORT_ID)).isEqualTo(7L);
    // the whole year, late: due two weeks from today
    assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getDueDate())
        .isEqualTo(oslo(2026, 12, 15, 16, 0));

    Task task = taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService()
        .setAuthenticatedUserId("prosjektleder");
    try {
      // another report's id, as a REST client could send it with the form: the report is the process instance's own
      taskService().complete(task.getId(), Map.of(RESULTS_ACHIEVED, "  Tolv henvisninger.  ", MEASURES,
          "Rekruttere i Skien.", FINANCES, "", STEERING_REPORT_ID, 99L));
    } finally {
      org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService().clearAuthentication();
    }
    verify(reports).idOf(pi.getId());
    verify(reports).write(7L, new Texts("Tolv henvisninger.", "Rekruttere i Skien.", null, null), "prosjektleder");
    // the PDF waits for its own job: a failure there never undoes what the project leader wrote
    assertThat(pi).isWaitingAt(PRODUCE_STEERING_REPORT);
    verify(reports, never()).produce(anyLong());
    managementService().executeJob(managementService().createJobQuery().processInstanceId(pi.getId())
        .singleResult().getId());
    verify(reports).produce(7L);
    assertThat(pi).isEnded().hasPassed(RECORD_STEERING_REPORT, PRODUCE_STEERING_REPORT, STEERING_REPORT_DELIVERED);
  }

  @Test
  void theProjectLeaderMustWriteResultsAndMeasures() {
    ProcessInstance pi = request("halfYear", 2025);
    Task task = taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThatThrownBy(() -> taskService().complete(task.getId(), Map.of(RESULTS_ACHIEVED, "Bra år.")))
        .hasMessageContaining("measures");
    assertThat(pi).isWaitingAt(WRITE_STEERING_REPORT);
    verify(reports, never()).write(anyLong(), any(), any());
  }

  @Test
  void aReportAlreadyBeingWrittenIsNotAskedForTwice() {
    ProcessInstance first = request("halfYear", 2025);
    ProcessInstance second = request("halfYear", 2025);

    assertThat(first).isWaitingAt(WRITE_STEERING_REPORT);
    assertThat(second).isEnded().hasPassed(REPORT_ALREADY_IN_HAND).hasNotPassed(WRITE_STEERING_REPORT);
    assertThat(second.getBusinessKey()).isEqualTo("SG-2025-halfYear");
    verify(reports, org.mockito.Mockito.times(1)).draft(anyString(), any(), any(), any());
    assertThat(taskService().createTaskQuery().taskDefinitionKey(WRITE_STEERING_REPORT).count()).isEqualTo(1);
    // another kind of the same year is its own report
    assertThat(request("yearResults", 2025)).isWaitingAt(WRITE_STEERING_REPORT);
  }

  @Test
  void aYearOrAKindTheServiceDoesNotKnowIsRefusedAndNothingStarts() {
    assertThatThrownBy(() -> request("halfYear", 2016)).hasMessageContaining("Året må være fra 2017 til 2026.")
        .hasMessageContaining("reportYear must be between 2017 and this year");
    assertThatThrownBy(() -> request("halfYear", 2027)).hasMessageContaining("2017 til 2026");
    assertThatThrownBy(() -> request("quarter", 2026)).hasMessageContaining("reportKind");
    assertThatThrownBy(() -> request(null, 2026)).hasMessageContaining("reportKind");
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(SteeringReporting.PROCESS_KEY)
        .count()).isZero();
    verify(figures, never()).of(any(), any(), any(), any());
  }
}
