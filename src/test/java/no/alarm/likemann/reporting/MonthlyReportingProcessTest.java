package no.alarm.likemann.reporting;

import static no.alarm.likemann.reporting.MonthlyReporting.Element.*;
import static no.alarm.likemann.reporting.MonthlyReporting.Var.*;
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
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
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
import java.util.TimeZone;
import java.util.TreeMap;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.forms.FormInputGuard;
import no.alarm.likemann.forms.FormInputValidator;
import no.alarm.likemann.mentor.Mentor;
import no.alarm.likemann.mentor.MentorRegister;
import no.alarm.likemann.mentor.MentorStatus;
import no.alarm.likemann.referral.Municipality;
import no.alarm.likemann.referral.MunicipalityRegistry;
import no.alarm.likemann.reporting.MonthlyFigures.ParticipantFigures;
import no.alarm.likemann.support.TestEngines;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
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
 * Every path through processes/monthly-reporting.bpmn and its timer (monthly-reporting-timer.bpmn), with the real delegates, form checks and list helpers and
 * Mockito stand-ins for the tables: the timer on the 1st, a coordinator's missed month, mentors in time, a mentor
 * who does not report within seven days, a region without mentors, a month already reported, and delivery.
 */
@Deployment(resources = {"processes/monthly-reporting.bpmn", "processes/monthly-reporting-timer.bpmn",
    "forms/reportMonthRequested.form",
    "forms/writeMonthlyMentorReport.form", "forms/writeMonthlyCoordinatorReport.form", "forms/readMonthlyReport.form"})
class MonthlyReportingProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(TestEngines.inMemory())
      .build();

  static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
  static final YearMonth OCTOBER = YearMonth.of(2026, 10);
  static final String LARS_REF = "HEN-2026-00001";
  static final String PER_REF = "HEN-2026-00002";

  final MonthlyFigures figures = mock(MonthlyFigures.class);
  final MonthlyReports reports = mock(MonthlyReports.class);
  final MentorRegister mentors = mock(MentorRegister.class);
  final MunicipalityRegistry municipalities = mock(MunicipalityRegistry.class);

  static Date oslo(int year, int month, int day, int hour, int minute) {
    return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(OSLO).toInstant());
  }

  @BeforeEach
  void standIns() {
    ClockUtil.setCurrentTime(oslo(2026, 11, 1, 7, 0));
    OsloCalendar oslo = new OsloCalendar();
    MonthlyReportDelegates delegates = new MonthlyReportDelegates();
    Mocks.register("oslo", oslo);
    Mocks.register("formInputGuard", new FormInputGuard(new FormInputValidator(List.of(new MonthlyReportFormRules(oslo))),
        new no.alarm.likemann.forms.DeployedForms()));
    Mocks.register("monthlyReportLists", new MonthlyReportLists());
    // the timer starts one reporting per region; here one region
    Mocks.register("startMonthlyReportingDelegate", delegates.startMonthlyReportingDelegate(oslo,
        new no.alarm.likemann.region.Regions(null, null, null) {
          @Override
          public List<String> all() {
            return List.of("agder");
          }
        }));
    Mocks.register("prepareMonthlyReportsDelegate", delegates.prepareMonthlyReportsDelegate(figures, reports));
    Mocks.register("prepareMentorReportDelegate", delegates.prepareMentorReportDelegate(figures, mentors, municipalities));
    Mocks.register("recordMentorReportDelegate", delegates.recordMentorReportDelegate(reports, figures, mentors));
    Mocks.register("recordMentorReportMissingDelegate", delegates.recordMentorReportMissingDelegate(reports));
    Mocks.register("compileRegionReportDelegate", delegates.compileRegionReportDelegate(reports));
    Mocks.register("recordCoordinatorReportDelegate", delegates.recordCoordinatorReportDelegate(reports));
    Mocks.register("sendMonthlyReportDelegate", delegates.sendMonthlyReportDelegate(reports));
    Mocks.register("offerMonthlyReport", delegates.offerMonthlyReport(new MonthlyReportLists()));
    Mocks.register("acknowledgeMonthlyReport", delegates.acknowledgeMonthlyReport(reports));

    when(mentors.find(1L)).thenReturn(Optional.of(mentor(1, "likemann", "Lars Likemann")));
    when(mentors.find(3L)).thenReturn(Optional.of(mentor(3, null, "Per Hansen")));
    when(municipalities.find("skien")).thenReturn(Optional.of(new Municipality("skien", "Skien", "grenland")));
    when(municipalities.find("porsgrunn")).thenReturn(Optional.of(new Municipality("porsgrunn", "Porsgrunn", "grenland")));
    when(figures.figures(any(), eq("grenland"))).thenReturn(List.of(
        new ParticipantFigures(1, LARS_REF, "skien", 4, 3, 180, 75),
        new ParticipantFigures(3, PER_REF, "porsgrunn", 2, 1, 30, 0)));
    when(reports.participantsOf(any(), eq("grenland"))).thenReturn(List.of(LARS_REF, PER_REF));
    when(reports.participantsOf(any(), eq("agder"))).thenReturn(List.of());
    when(reports.summary(any(), any())).thenReturn("**LM-0001 Lars Likemann**: rapport mottatt.");
    when(reports.send(any(), eq("grenland"))).thenReturn(List.of(
        new MonthlyReports.Delivery(11, "porsgrunn", "Porsgrunn"), new MonthlyReports.Delivery(12, "skien", "Skien")));
    when(reports.send(any(), eq("agder"))).thenReturn(List.of(new MonthlyReports.Delivery(13, "kristiansand",
        "Kristiansand")));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  static Mentor mentor(long id, String username, String name) {
    return new Mentor(id, username, name, MentorStatus.ACTIVE, "grenland", "skien", "male", 1978, "own", null, null, 2,
        1);
  }

  void regions(Map<String, List<Long>> mentorsByRegion) {
    when(figures.mentorsByRegion(any())).thenAnswer(i -> new TreeMap<>(mentorsByRegion));
  }

  ProcessInstance requestMonth(String month) {
    String definition = repositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(MonthlyReporting.PROCESS_KEY).singleResult().getId();
    return formService().submitStartForm(definition, Map.of(REPORT_MONTH, month));
  }

  Task task(ProcessInstance pi, String key, String variable, Object value) {
    return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list().stream()
        .filter(t -> value.equals(taskService().getVariable(t.getId(), variable))).findFirst().orElseThrow();
  }

  static Map<String, Object> mentorReport(String status, int km, int kr, String expensesFor) {
    Map<String, Object> values = new HashMap<>();
    values.put(PARTICIPANT_STATUS, status);
    values.put(MENTOR_MILEAGE_KM, km);
    values.put(MENTOR_EXPENSES_KR, kr);
    values.put(MENTOR_EXPENSES_FOR, expensesFor);
    return values;
  }

  static Map<String, Object> coordinatorReport(String goals, String plan, int km) {
    return Map.of(PARTICIPANT_GOALS, goals, NEXT_MONTH_PLAN, plan, PARTNERS_INVOLVED, "NAV og rustjenesten",
        COORDINATOR_MILEAGE_KM, km, COORDINATOR_EXPENSES_KR, 0);
  }

  Job job(ProcessInstance pi, String activityId) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).list().stream()
        .findFirst().orElseThrow();
  }

  @Test
  void shouldStartOnTheFirstOfEveryMonthAtSevenOsloTimeForTheMonthThatEnded() {
    regions(Map.of("agder", List.of()));
    Job timer = managementService().createJobQuery().timers()
        .processDefinitionKey(MonthlyReporting.TIMER_PROCESS_KEY).singleResult();
    // deployed at 07:00 on 1 November: the next start is 1 December at 07:00, Oslo time
    assertThat(timer.getDuedate()).isEqualTo(oslo(2026, 12, 1, 7, 0));

    ClockUtil.setCurrentTime(oslo(2026, 12, 1, 7, 0));
    managementService().executeJob(timer.getId());

    ProcessInstance pi = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey(MonthlyReporting.PROCESS_KEY).singleResult();
    assertThat(pi).hasPassed(REPORT_MONTH_REQUESTED, PREPARE_MONTHLY_REPORTS)
        .isWaitingAt(WRITE_MONTHLY_COORDINATOR_REPORT);
    assertThat(pi.getBusinessKey()).isEqualTo("MR-2026-11");
    assertThat(runtimeService().getVariable(pi.getId(), REPORT_MONTH)).isEqualTo("2026-11");
    assertThat(runtimeService().getVariable(pi.getId(), REPORT_MONTH_NAME)).isEqualTo("november 2026");
    verify(figures).mentorsByRegion(YearMonth.of(2026, 11));
    // the timer's own instance has ended; the next start is on 1 January
    assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
        .createHistoricActivityInstanceQuery().activityId(MONTHLY_REPORTING_STARTED).count()).isEqualTo(1);
    assertThat(runtimeService().createProcessInstanceQuery()
        .processDefinitionKey(MonthlyReporting.TIMER_PROCESS_KEY).count()).isZero();
    Job next = managementService().createJobQuery().timers()
        .processDefinitionKey(MonthlyReporting.TIMER_PROCESS_KEY).singleResult();
    assertThat(next.getDuedate()).isEqualTo(oslo(2027, 1, 1, 7, 0));
  }

  @Test
  void shouldKeepSevenOClockOsloTimeInSummerAndWinter() {
    // the engine reads the cron in the JVM's default zone: the application and the tests set Europe/Oslo
    assertThat(TimeZone.getDefault().getID()).isEqualTo("Europe/Oslo");
    CycleBusinessCalendar calendar = new CycleBusinessCalendar();
    String cron = "0 0 7 1 * ?";

    assertThat(calendar.resolveDuedate(cron, oslo(2026, 3, 15, 12, 0)).toInstant())
        .isEqualTo(LocalDate.of(2026, 4, 1).atTime(5, 0).toInstant(java.time.ZoneOffset.UTC)); // CEST, UTC+2
    assertThat(calendar.resolveDuedate(cron, oslo(2026, 10, 15, 12, 0)).toInstant())
        .isEqualTo(LocalDate.of(2026, 11, 1).atTime(6, 0).toInstant(java.time.ZoneOffset.UTC)); // CET, UTC+1
    // at 07:00 on the 1st itself the next start is a month later, not the same moment again
    assertThat(calendar.resolveDuedate(cron, oslo(2026, 11, 1, 7, 0))).isEqualTo(oslo(2026, 12, 1, 7, 0));
  }

  @Test
  void shouldLetACoordinatorMakeUpAMissedMonthButNotOneInTheFuture() {
    regions(Map.of("agder", List.of()));

    assertThatThrownBy(() -> requestMonth("2026-12")).hasMessageContaining("Måneden kan ikke være fram i tid.")
        .hasMessageContaining("reportMonth must not be in the future");
    assertThatThrownBy(() -> requestMonth("2026-13")).hasMessageContaining("åååå-mm");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();

    ProcessInstance pi = requestMonth("2026-09");

    assertThat(pi).hasPassed(REPORT_MONTH_REQUESTED, PREPARE_MONTHLY_REPORTS);
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getBusinessKey()).isEqualTo("MR-2026-09");
    verify(figures).mentorsByRegion(YearMonth.of(2026, 9));
  }

  @Test
  void shouldCollectTheMentorsReportsThenTheCoordinatorsAndDeliverAPdfToEachMunicipality() {
    regions(Map.of("grenland", List.of(1L, 3L), "agder", List.of()));
    ProcessInstance pi = requestMonth("2026-10");

    // Lars has a login: his own task; Per has none: the coordinators report for him
    Task lars = task(pi, WRITE_MONTHLY_MENTOR_REPORT, MENTOR_ID, 1L);
    Task per = task(pi, WRITE_MONTHLY_MENTOR_REPORT, MENTOR_ID, 3L);
    assertThat(lars).isAssignedTo("likemann");
    assertThat(taskService().getIdentityLinksForTask(lars.getId())).extracting(l -> l.getGroupId())
        .contains("coordinator");
    assertThat(lars.getDueDate()).isEqualTo(oslo(2026, 11, 8, 7, 0));
    assertThat(per.getAssignee()).isNull();
    assertThat(per).hasCandidateGroup("coordinator");
    assertThat((String) taskService().getVariable(lars.getId(), PARTICIPANT_FIGURES))
        .isEqualTo("- " + LARS_REF + " (Skien): 4 kontakter, 3 nådde deltakeren, 180 minutter (75 utenom vanlig arbeidstid).")
        .doesNotContain(PER_REF);
    assertThat(taskService().getVariable(lars.getId(), PARTICIPANT_STATUS)).isEqualTo(LARS_REF + ": ");
    // the agder region has no mentors: its coordinator may report at once
    assertThat(task(pi, WRITE_MONTHLY_COORDINATOR_REPORT, REGION, "agder")).isNotNull();

    // refused: negative mileage, expenses without what for, a participant without status, someone else's line
    assertThatThrownBy(() -> taskService().complete(lars.getId(), mentorReport(LARS_REF + ": Bra", -5, 0, null)))
        .hasMessageContaining("må være minst 0");
    assertThatThrownBy(() -> taskService().complete(lars.getId(), mentorReport(LARS_REF + ": Bra", 5, 200, null)))
        .hasMessageContaining("Skriv hva utleggene gjaldt.");
    assertThatThrownBy(() -> taskService().complete(lars.getId(), mentorReport(LARS_REF + ": ", 5, 0, null)))
        .hasMessageContaining("Skriv en kort status for hver deltaker");
    assertThatThrownBy(() -> taskService().complete(lars.getId(),
        mentorReport(LARS_REF + ": Bra\n" + PER_REF + ": Dårlig", 5, 0, null)))
        .hasMessageContaining("Hver linje skal begynne med en av henvisningene i listen");

    // another mentor may not write Lars's report (through the API, since the task is not theirs), a coordinator may
    // write Per's; a participant smuggled in through the variables is not kept
    org.camunda.bpm.engine.IdentityService identity = engine.getIdentityService();
    identity.setAuthentication("kari", List.of("mentor"));
    try {
      assertThatThrownBy(() -> taskService().complete(lars.getId(), mentorReport(LARS_REF + ": Bra", 1, 0, null)))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class)
          .hasMessageContaining("only the mentor or a coordinator");
    } finally {
      identity.clearAuthentication();
    }
    // each mentor's values stay with that mentor, though both report side by side
    taskService().complete(lars.getId(), mentorReport(LARS_REF + ": Møter opp, har fått jobb", 120, 300, "Parkering"));
    identity.setAuthentication("koordinator", List.of("coordinator"));
    try {
      Map<String, Object> perReport = mentorReport(PER_REF + ": Jevn kontakt\n" + LARS_REF + ": Smuglet", 40, 0, null);
      perReport.put(PARTICIPANT_REFERENCES, org.camunda.spin.plugin.variable.SpinValues
          .jsonValue("[\"" + PER_REF + "\",\"" + LARS_REF + "\"]").create());
      taskService().complete(per.getId(), perReport);
    } finally {
      identity.clearAuthentication();
    }
    verify(reports).recordMentorReport(eq(OCTOBER), eq("grenland"), eq(1L), eq(120), eq(300), eq("Parkering"),
        eq(Map.of(LARS_REF, "Møter opp, har fått jobb")), isNull());
    verify(reports).recordMentorReport(eq(OCTOBER), eq("grenland"), eq(3L), eq(40), eq(0), isNull(),
        eq(Map.of(PER_REF, "Jevn kontakt")), eq("koordinator"));
    verify(reports, never()).recordMentorReportMissing(any(), any(), anyLong());

    Task grenland = task(pi, WRITE_MONTHLY_COORDINATOR_REPORT, REGION, "grenland");
    Task agder = task(pi, WRITE_MONTHLY_COORDINATOR_REPORT, REGION, "agder");
    assertThat(grenland).hasCandidateGroup("coordinator");
    assertThat(taskService().getVariable(grenland.getId(), MENTOR_REPORTS_SUMMARY)).asString().contains("LM-0001");
    assertThat(taskService().getVariable(grenland.getId(), PARTICIPANT_GOALS))
        .isEqualTo(LARS_REF + ": \n" + PER_REF + ": ");
    assertThatThrownBy(() -> taskService().complete(grenland.getId(),
        coordinatorReport("HEN-2026-09999: Noe", "Plan", 10))).hasMessageContaining("Hver linje skal begynne med");
    taskService().complete(grenland.getId(), coordinatorReport(LARS_REF + ": Fast jobb\n" + PER_REF + ": ",
        "Samarbeidsmøte med NAV", 80));
    taskService().complete(agder.getId(), coordinatorReport("", "Oppstart i Kristiansand", 0));
    verify(reports).recordRegionReport(eq(OCTOBER), eq("grenland"), eq(new MonthlyReports.RegionReport(
        "Samarbeidsmøte med NAV", "NAV og rustjenesten", 80, 0, null)), eq(Map.of(LARS_REF, "Fast jobb")), isNull());
    verify(reports).recordRegionReport(eq(OCTOBER), eq("agder"), eq(new MonthlyReports.RegionReport(
        "Oppstart i Kristiansand", "NAV og rustjenesten", 0, 0, null)), eq(Map.of()), isNull());
    // the texts are kept in the tables, not in the process the counsellors' tasks can read
    assertThat(runtimeService().createVariableInstanceQuery().processInstanceIdIn(pi.getId())
        .variableNameIn(PARTICIPANT_GOALS, MENTOR_REPORTS_SUMMARY, NEXT_MONTH_PLAN, PARTICIPANT_STATUS).count()).isZero();

    // sending is a job of its own, retried on failure
    assertThat(pi).isWaitingAt(SEND_MONTHLY_REPORT);
    verify(reports, never()).send(any(), any());
    managementService().executeJob(job(pi, SEND_MONTHLY_REPORT).getId());
    managementService().executeJob(job(pi, SEND_MONTHLY_REPORT).getId());
    verify(reports).send(OCTOBER, "grenland");
    verify(reports).send(OCTOBER, "agder");

    List<Task> reading = taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(READ_MONTHLY_REPORT).list();
    assertThat(reading).hasSize(3);
    // each municipality's report goes to that municipality's counsellors only
    assertThat(task(pi, READ_MONTHLY_REPORT, MONTHLY_REPORT_ID, 11L)).hasCandidateGroup("counsellorPorsgrunn");
    Task skien = task(pi, READ_MONTHLY_REPORT, MONTHLY_REPORT_ID, 12L);
    assertThat(skien).hasCandidateGroup("counsellorSkien");
    assertThat(taskService().getIdentityLinksForTask(skien.getId())).extracting(l -> l.getGroupId())
        .containsExactly("counsellorSkien");
    assertThat(taskService().getVariable(skien.getId(), MUNICIPALITY_NAME)).isEqualTo("Skien");
    assertThatThrownBy(() -> taskService().complete(skien.getId(), Map.of(MONTHLY_REPORT_READ, false)))
        .hasMessageContaining("må krysses av");
    for (Task t : reading) {
      taskService().complete(t.getId(), Map.of(MONTHLY_REPORT_READ, true));
    }
    verify(reports).acknowledge(11L, null);
    verify(reports).acknowledge(12L, null);
    verify(reports).acknowledge(13L, null);
    assertThat(pi).isEnded().hasPassed(MENTOR_REPORT_RECEIVED, REGION_REPORT_SENT, MONTHLY_REPORTS_SENT)
        .hasNotPassed(MENTOR_REPORT_NOT_RECEIVED, NOTHING_TO_REPORT);
  }

  @Test
  void shouldNotWaitForAMentorWhoHasNotReportedWithinSevenDays() {
    regions(Map.of("grenland", List.of(1L, 3L)));
    ProcessInstance pi = requestMonth("2026-10");
    taskService().complete(task(pi, WRITE_MONTHLY_MENTOR_REPORT, MENTOR_ID, 3L).getId(),
        mentorReport(PER_REF + ": Jevn kontakt", 40, 0, null));
    assertThat(taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(WRITE_MONTHLY_COORDINATOR_REPORT).count()).isZero();

    Job overdue = job(pi, MENTOR_REPORT_OVERDUE);
    assertThat(overdue.getDuedate()).isEqualTo(oslo(2026, 11, 8, 7, 0));
    ClockUtil.setCurrentTime(oslo(2026, 11, 8, 7, 1));
    managementService().executeJob(overdue.getId());

    verify(reports).recordMentorReportMissing(OCTOBER, "grenland", 1L);
    assertThat(pi).hasPassed(MENTOR_REPORT_OVERDUE, RECORD_MENTOR_REPORT_MISSING, MENTOR_REPORT_NOT_RECEIVED,
        MENTOR_REPORT_RECEIVED).isWaitingAt(WRITE_MONTHLY_COORDINATOR_REPORT);
    assertThat(taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(WRITE_MONTHLY_MENTOR_REPORT).count()).isZero();
  }

  @Test
  void shouldGoStraightToTheCoordinatorInARegionWithoutMentors() {
    regions(Map.of("agder", List.of()));
    ProcessInstance pi = requestMonth("2026-10");

    assertThat(pi).hasPassed(COMPILE_REGION_REPORT).hasNotPassed(PREPARE_MENTOR_REPORT)
        .isWaitingAt(WRITE_MONTHLY_COORDINATOR_REPORT);
    verify(reports).summary(OCTOBER, "agder");
  }

  @Test
  void shouldEndAtOnceWhenEveryRegionIsAlreadyReported() {
    regions(Map.of("agder", List.of(), "grenland", List.of(1L)));
    when(reports.regionsReported(OCTOBER)).thenReturn(Set.of("agder", "grenland"));

    ProcessInstance pi = requestMonth("2026-10");

    assertThat(pi).isEnded().hasPassed(NOTHING_TO_REPORT).hasNotPassed(REGION_REPORT);
  }

  @Test
  void shouldLeaveOutRegionsAlreadySentAndNotRunTheSameMonthTwice() {
    regions(Map.of("agder", List.of(), "grenland", List.of()));
    when(reports.regionsReported(OCTOBER)).thenReturn(Set.of("agder"));

    ProcessInstance first = requestMonth("2026-10");
    assertThat(runtimeService().getVariable(first.getId(), REGIONS).toString()).isEqualTo("[\"grenland\"]");
    assertThat(taskService().createTaskQuery().processInstanceId(first.getId()).count()).isEqualTo(1);

    ProcessInstance second = requestMonth("2026-10");
    assertThat(second).isEnded().hasPassed(NOTHING_TO_REPORT);
  }
}
