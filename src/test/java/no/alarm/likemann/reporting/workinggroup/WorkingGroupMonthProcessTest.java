package no.alarm.likemann.reporting.workinggroup;

import static no.alarm.likemann.reporting.workinggroup.WorkingGroupMonth.Element.*;
import static no.alarm.likemann.reporting.workinggroup.WorkingGroupMonth.Var.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
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
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.forms.FormInputGuard;
import no.alarm.likemann.forms.FormInputValidator;
import no.alarm.likemann.forms.InvalidFormInputException;
import no.alarm.likemann.reporting.SmallNumbers;
import no.alarm.likemann.reporting.steering.SteeringFigures;
import no.alarm.likemann.reporting.steering.SteeringFixtures;
import no.alarm.likemann.reporting.workinggroup.WorkingGroupMonths.AdviserReport;
import no.alarm.likemann.reporting.workinggroup.WorkingGroupMonths.AdviserReportState;
import no.alarm.likemann.reporting.workinggroup.WorkingGroupMonths.Meeting;
import no.alarm.likemann.reporting.workinggroup.WorkingGroupMonths.Stored;
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
import org.mockito.ArgumentCaptor;

/**
 * Every path through processes/working-group-month.bpmn and its timer, with the real delegates, month plan and form
 * checks and Mockito stand-ins for the tables: the timer on the 1st for each region not started yet, a missed month
 * started by the project leader, a month started twice, input refused, the adviser's report in time or not at all,
 * June's half-year evaluation, a meeting not held, and the PDF in a job of its own.
 */
@Deployment(resources = {"processes/working-group-month.bpmn", "processes/working-group-month-timer.bpmn",
    "forms/workingGroupMonthRequested.form", "forms/writeAdviserReport.form", "forms/holdWorkingGroupMeeting.form",
    "forms/holdHalfYearEvaluation.form"})
class WorkingGroupMonthProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(TestEngines.inMemory())
      .build();

  static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

  final SteeringFigures figures = mock(SteeringFigures.class);
  final WorkingGroupMonths months = mock(WorkingGroupMonths.class);

  static Date oslo(int year, int month, int day, int hour, int minute) {
    return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(OSLO).toInstant());
  }

  static final AdviserReport WRITTEN = new AdviserReport("To nye likemenn i arbeid.", "I rute.", null, 41000,
      null, 350, "Kursmateriell", 1200, "Kurs i Skien");

  @BeforeEach
  void standIns() {
    ClockUtil.setCurrentTime(oslo(2026, 9, 20, 9, 0));
    OsloCalendar oslo = new OsloCalendar();
    WorkingGroupMonthDelegates delegates = new WorkingGroupMonthDelegates();
    Mocks.register("formInputGuard", new FormInputGuard(new FormInputValidator(
        List.of(new WorkingGroupFormRules(oslo))), new no.alarm.likemann.forms.DeployedForms()));
    // the timer starts one month per region; Sør-Rogaland's project leader has started this one already
    Mocks.register("startWorkingGroupMonthsDelegate", delegates.startWorkingGroupMonthsDelegate(oslo,
        new no.alarm.likemann.region.Regions(null, null, null) {
          @Override
          public List<String> all() {
            return List.of("grenland", "sorRogaland");
          }
        }, months));
    Mocks.register("openWorkingGroupMonthDelegate", delegates.openWorkingGroupMonthDelegate(figures, months, oslo));
    Mocks.register("showWorkingGroupMonth", delegates.showWorkingGroupMonth(months, new SmallNumbers(5)));
    Mocks.register("recordAdviserReportDelegate", delegates.recordAdviserReportDelegate(months));
    Mocks.register("recordAdviserReportMissingDelegate", delegates.recordAdviserReportMissingDelegate(months));
    Mocks.register("recordWorkingGroupMeetingDelegate", delegates.recordWorkingGroupMeetingDelegate(months));
    Mocks.register("produceWorkingGroupMonthDelegate", delegates.produceWorkingGroupMonthDelegate(months));
    when(figures.of(any(), any(), any(), any())).thenAnswer(i -> SteeringFixtures.figures(i.getArgument(0),
        i.getArgument(1)));
    when(months.started(eq("sorRogaland"), any())).thenReturn(true);
    when(months.open(anyString(), anyString(), any(), any())).thenReturn(7L);
    when(months.idOf(anyString())).thenReturn(7L);
    when(months.find(anyLong())).thenAnswer(i -> Optional.of(new Stored(7L, "grenland", YearMonth.of(2026, 10),
        false, SteeringFixtures.figures(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30)),
        AdviserReportState.RECEIVED, WRITTEN, null)));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  ProcessInstance request(Map<String, Object> values) {
    String definition = repositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(WorkingGroupMonth.PROCESS_KEY).singleResult().getId();
    return formService().submitStartForm(definition, new HashMap<>(values));
  }

  /** A project leader's start: their region is the instance's tenant; this engine has none, so it is sent along. */
  ProcessInstance requestFor(String month) {
    return request(Map.of(GROUP_MONTH, month, GROUP_REGION, "grenland"));
  }

  Job timer() {
    return managementService().createJobQuery().timers()
        .processDefinitionKey(WorkingGroupMonth.TIMER_PROCESS_KEY).singleResult();
  }

  Task task(ProcessInstance pi) {
    return taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  void complete(Task task, Map<String, Object> values) {
    formService().submitTaskForm(task.getId(), new HashMap<>(values));
  }

  static Map<String, Object> adviserReport() {
    Map<String, Object> v = new HashMap<>();
    v.put(ADVISER_STATUS, "To nye likemenn i arbeid.");
    v.put(ADVISER_PROGRESS, "I rute.");
    v.put(COSTS_KR, 41000);
    v.put(OUTLAYS_KR, 350);
    v.put(OUTLAYS_NOTE, "Kursmateriell");
    v.put(TRAVEL_COSTS_KR, 1200);
    v.put(TRAVEL_NOTE, "Kurs i Skien");
    return v;
  }

  static Map<String, Object> meetingHeld(String date) {
    Map<String, Object> v = new HashMap<>();
    v.put(MEETING_HELD, "yes");
    v.put(MEETING_DATE, date);
    v.put(MEETING_ATTENDEES, List.of("municipalities", "alarm", "nav"));
    v.put(CASES_DISCUSSED, "Rekruttering i Bamble");
    v.put(DECISIONS, "Nytt kurs i februar");
    v.put(STEERING_AGENDA, "Budsjett for neste år");
    return v;
  }

  @Test
  void shouldStartEachRegionsMonthOnTheFirstAtSevenOsloTimeWithTheAdvisersReportDueOnTheTenth() {
    // deployed on 20 September: the next start is 1 October at 07:00, Oslo time (summer time)
    assertThat(timer().getDuedate()).isEqualTo(oslo(2026, 10, 1, 7, 0));
    ClockUtil.setCurrentTime(oslo(2026, 10, 1, 7, 0));
    managementService().executeJob(timer().getId());

    List<ProcessInstance> started = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey(WorkingGroupMonth.PROCESS_KEY).list();
    assertThat(started).hasSize(1);
    ProcessInstance pi = started.get(0);
    assertThat(pi).hasBusinessKey("AG-2026-10-grenland").isWaitingAt(WRITE_ADVISER_REPORT);
    // the previous month's figures, of the region
    verify(figures).of(eq(LocalDate.of(2026, 9, 1)), eq(LocalDate.of(2026, 9, 30)), eq(LocalDate.of(2026, 10, 1)),
        eq(no.alarm.likemann.reporting.RegionScope.of(List.of("grenland"))));
    verify(months, never()).open(anyString(), eq("sorRogaland"), any(), any());
    Task task = task(pi);
    assertThat(task).hasCandidateGroup("adviser").hasName("Skriv rådgiverens månedsrapport");
    assertThat(task.getDueDate()).isEqualTo(oslo(2026, 10, 10, 16, 0));
    assertThat((String) taskService().getVariableLocal(task.getId(), MONTH_FIGURES))
        .contains("Tall for september 2026", "- Kjøring meldt i månedsrapportene (km): **1200**",
            "- Aktive likemenn (1.10.2026): **8**", "- Henvisninger mottatt: **12**");
    assertThat(runtimeService().getVariable(pi.getId(), GROUP_MONTH_NAME)).isEqualTo("oktober 2026");
    assertThat(runtimeService().getVariable(pi.getId(), HALF_YEAR_EVALUATION)).isEqualTo(false);
    // winter time now: still 07:00 in Oslo on 1 November
    assertThat(timer().getDuedate()).isEqualTo(oslo(2026, 11, 1, 7, 0));
  }

  @Test
  void theAdviserWritesTheProjectLeaderRecordsTheMeetingAndThePdfIsMadeInAJobOfItsOwn() {
    ClockUtil.setCurrentTime(oslo(2026, 10, 2, 9, 0));
    ProcessInstance pi = requestFor("2026-10");
    Task adviser = task(pi);

    // outlays without what they were for: refused, the task stays
    Map<String, Object> unexplained = adviserReport();
    unexplained.remove(OUTLAYS_NOTE);
    assertThatThrownBy(() -> complete(adviser, unexplained)).isInstanceOf(InvalidFormInputException.class)
        .hasMessageContaining("Skriv hvilke bilag og utlegg beløpet gjelder.")
        .hasMessageContaining("outlaysNote is required when outlaysKr is more than 0");
    Map<String, Object> decimals = adviserReport();
    decimals.put(COSTS_KR, 41000.5);
    assertThatThrownBy(() -> complete(adviser, decimals)).hasMessageContaining("costsKr must be a whole number");
    assertThat(pi).isWaitingAt(WRITE_ADVISER_REPORT);

    complete(adviser, adviserReport());
    verify(months).adviserReport(eq(7L), eq(WRITTEN), any());
    // the words are in the register now, not in the process
    assertThat(runtimeService().getVariables(pi.getId())).doesNotContainKeys(ADVISER_STATUS, COSTS_KR, TRAVEL_NOTE);

    assertThat(pi).hasPassed(RECORD_ADVISER_REPORT, HALF_YEAR_EVALUATION_DUE).isWaitingAt(HOLD_WORKING_GROUP_MEETING);
    Task meeting = task(pi);
    assertThat(meeting).hasCandidateGroup("projectLeader").hasName("Hold arbeidsgruppemøtet");
    assertThat(meeting.getDueDate()).isEqualTo(oslo(2026, 10, 31, 16, 0));
    assertThat((String) taskService().getVariableLocal(meeting.getId(), ADVISER_REPORT_TEXT))
        .contains("- Status: **To nye likemenn i arbeid.**", "- Reisekost: **1 200 kr (Kurs i Skien)**");

    // a day in another month, or ahead: refused
    ClockUtil.setCurrentTime(oslo(2026, 10, 20, 15, 0));
    assertThatThrownBy(() -> complete(meeting, meetingHeld("2026-09-30")))
        .hasMessageContaining("Møtet må være holdt i oktober 2026.").hasMessageContaining("within the month");
    assertThatThrownBy(() -> complete(meeting, meetingHeld("2026-10-21")))
        .hasMessageContaining("Møtedatoen kan ikke være fram i tid.");
    Map<String, Object> nobody = meetingHeld("2026-10-20");
    nobody.put(MEETING_ATTENDEES, List.of());
    nobody.remove(CASES_DISCUSSED);
    assertThatThrownBy(() -> complete(meeting, nobody)).hasMessageContaining("meetingAttendees is required")
        .hasMessageContaining("casesDiscussed is required");

    complete(meeting, meetingHeld("2026-10-20"));
    ArgumentCaptor<Meeting> minutes = ArgumentCaptor.forClass(Meeting.class);
    verify(months).meeting(eq(7L), minutes.capture(), any());
    assertThat(minutes.getValue()).isEqualTo(new Meeting(true, null, LocalDate.of(2026, 10, 20),
        Set.of("municipalities", "alarm", "nav"), "Rekruttering i Bamble", "Nytt kurs i februar", null,
        "Budsjett for neste år", null));
    assertThat(runtimeService().getVariables(pi.getId())).doesNotContainKeys(CASES_DISCUSSED, MEETING_ATTENDEES);

    // the PDF is made in a job of its own: safe to run again
    assertThat(pi).isWaitingAt(PRODUCE_WORKING_GROUP_MONTH);
    verify(months, never()).produce(anyLong());
    managementService().executeJob(managementService().createJobQuery().processInstanceId(pi.getId())
        .singleResult().getId());
    verify(months).produce(7L);
    assertThat(pi).isEnded().hasPassed(WORKING_GROUP_MONTH_DONE).hasNotPassed(HOLD_HALF_YEAR_EVALUATION,
        RECORD_ADVISER_REPORT_MISSING);
  }

  @Test
  void shouldRecordTheReportAsNotReceivedTwoDaysAfterItWasDueAndGoOnToTheMeeting() {
    ClockUtil.setCurrentTime(oslo(2026, 10, 1, 7, 0));
    ProcessInstance pi = requestFor("2026-10");
    Job overdue = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(overdue.getDuedate()).isEqualTo(oslo(2026, 10, 12, 16, 0));
    when(months.find(anyLong())).thenAnswer(i -> Optional.of(new Stored(7L, "grenland", YearMonth.of(2026, 10),
        false, SteeringFixtures.figures(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30)),
        AdviserReportState.NOT_RECEIVED, null, null)));

    ClockUtil.setCurrentTime(oslo(2026, 10, 12, 16, 1));
    managementService().executeJob(overdue.getId());

    verify(months).adviserReportMissing(7L);
    verify(months, never()).adviserReport(anyLong(), any(), any());
    assertThat(pi).hasPassed(ADVISER_REPORT_OVERDUE, RECORD_ADVISER_REPORT_MISSING)
        .isWaitingAt(HOLD_WORKING_GROUP_MEETING);
    assertThat((String) taskService().getVariableLocal(task(pi).getId(), ADVISER_REPORT_TEXT))
        .isEqualTo("Rådgiverens rapport kom ikke inn innen fristen.");
  }

  @Test
  void juneIsTheHalfYearEvaluationWithItsOwnTaskAndItsConclusions() {
    ClockUtil.setCurrentTime(oslo(2026, 6, 1, 7, 0));
    ProcessInstance pi = requestFor("2026-06");
    assertThat(runtimeService().getVariable(pi.getId(), HALF_YEAR_EVALUATION)).isEqualTo(true);
    complete(task(pi), adviserReport());

    assertThat(pi).isWaitingAt(HOLD_HALF_YEAR_EVALUATION);
    Task evaluation = task(pi);
    assertThat(evaluation).hasCandidateGroup("projectLeader")
        .hasName("Hold arbeidsgruppemøtet: halvårsevaluering av prosjektet");
    assertThat(evaluation.getDueDate()).isEqualTo(oslo(2026, 6, 30, 16, 0));
    ClockUtil.setCurrentTime(oslo(2026, 6, 25, 15, 0));
    assertThatThrownBy(() -> complete(evaluation, meetingHeld("2026-06-24")))
        .hasMessageContaining("Skriv hva halvårsevalueringen kom fram til.");
    Map<String, Object> evaluated = meetingHeld("2026-06-24");
    evaluated.put(EVALUATION_SUMMARY, "Flere deltakere enn planlagt; rekruttering av likemenn til høsten.");
    complete(evaluation, evaluated);

    ArgumentCaptor<Meeting> minutes = ArgumentCaptor.forClass(Meeting.class);
    verify(months).meeting(eq(7L), minutes.capture(), any());
    assertThat(minutes.getValue().evaluationSummary()).startsWith("Flere deltakere");
    assertThat(pi).hasPassed(HOLD_HALF_YEAR_EVALUATION, MEETING_MERGE).hasNotPassed(HOLD_WORKING_GROUP_MEETING)
        .isWaitingAt(PRODUCE_WORKING_GROUP_MONTH);
  }

  @Test
  void aMeetingNotHeldNeedsItsReasonAndKeepsNoDayOrAttendees() {
    ClockUtil.setCurrentTime(oslo(2026, 11, 3, 9, 0));
    ProcessInstance pi = requestFor("2026-11");
    complete(task(pi), adviserReport());
    Task meeting = task(pi);
    assertThatThrownBy(() -> complete(meeting, Map.of(MEETING_HELD, "no")))
        .hasMessageContaining("Skriv hvorfor møtet ikke ble holdt.");
    complete(meeting, Map.of(MEETING_HELD, "no", MEETING_NOT_HELD_REASON, "Flyttet til desember"));

    verify(months).meeting(eq(7L), eq(new Meeting(false, "Flyttet til desember", null, Set.of(), null, null, null,
        null, null)), any());
  }

  @Test
  void aMissedMonthUpToAYearBackGetsAWeekForEachStep() {
    ClockUtil.setCurrentTime(oslo(2026, 10, 14, 9, 0));
    ProcessInstance pi = requestFor("2025-10");
    assertThat(pi).hasBusinessKey("AG-2025-10-grenland");
    verify(figures).of(eq(LocalDate.of(2025, 9, 1)), eq(LocalDate.of(2025, 9, 30)), eq(LocalDate.of(2026, 10, 14)),
        any());
    assertThat(task(pi).getDueDate()).isEqualTo(oslo(2026, 10, 21, 16, 0));
    complete(task(pi), adviserReport());
    assertThat(task(pi).getDueDate()).isEqualTo(oslo(2026, 10, 30, 16, 0));
  }

  @Test
  void aMonthAheadMoreThanAYearBackOrNotAMonthIsRefusedAndNothingStarts() {
    ClockUtil.setCurrentTime(oslo(2026, 10, 14, 9, 0));
    assertThatThrownBy(() -> requestFor("2026-11")).hasMessageContaining("Måneden kan ikke være fram i tid.")
        .hasMessageContaining("groupMonth must not be in the future");
    assertThatThrownBy(() -> requestFor("2025-09")).hasMessageContaining("mer enn ett år tilbake (tidligst 2025-10)")
        .hasMessageContaining("groupMonth must not be more than a year back");
    assertThatThrownBy(() -> requestFor("2026-13")).isInstanceOf(InvalidFormInputException.class);
    assertThatThrownBy(() -> requestFor("oktober")).isInstanceOf(InvalidFormInputException.class);
    // a start without a region (a user in several regions, or none): refused with the reason
    assertThatThrownBy(() -> request(Map.of(GROUP_MONTH, "2026-10")))
        .hasMessageContaining("Du må arbeide i én region").hasMessageContaining("no single region");
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(WorkingGroupMonth.PROCESS_KEY)
        .count()).isZero();
    verify(months, never()).open(anyString(), anyString(), any(), any());
  }

  @Test
  void aMonthAlreadyStartedForTheRegionIsNotStartedTwice() {
    ClockUtil.setCurrentTime(oslo(2026, 10, 14, 9, 0));
    when(months.started("grenland", YearMonth.of(2026, 10))).thenReturn(true);
    assertThatThrownBy(() -> requestFor("2026-10")).isInstanceOf(InvalidFormInputException.class)
        .hasMessageContaining("Arbeidsgruppens måned for oktober 2026 er allerede startet for regionen")
        .hasMessageContaining("already started for the region");
    // two starts at the same moment: the register's unique key decides, with the same answer
    when(months.started("grenland", YearMonth.of(2026, 9))).thenReturn(false);
    when(months.open(anyString(), eq("grenland"), any(), any()))
        .thenThrow(new WorkingGroupMonths.AlreadyStarted("grenland", YearMonth.of(2026, 9)));
    assertThatThrownBy(() -> requestFor("2026-09")).hasMessageContaining("er allerede startet for regionen");
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(WorkingGroupMonth.PROCESS_KEY)
        .count()).isZero();
  }
}
