package no.alarm.likemann.journey;

import static no.alarm.likemann.journey.ParticipantJourney.Element.*;
import static no.alarm.likemann.journey.ParticipantJourney.Var.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.followup.WeeklyContact;
import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.support.Referrals;
import no.alarm.likemann.support.TestEngines;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path through processes/participant-journey.bpmn. The delegates are stand-ins that record what the model
 * asked of them; what they do is tested in the services' own tests and in the integration tests.
 */
@Deployment(resources = {"processes/participant-journey.bpmn", "processes/contact-week.bpmn",
    "processes/referral-priority.dmn"})
class ParticipantJourneyProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(TestEngines.inMemory())
      .build();

  private final List<String> calls = new ArrayList<>();
  private final List<String> weeks = new ArrayList<>();

  private static Date oslo(int year, int month, int day, int hour, int minute) {
    return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(OsloCalendar.OSLO).toInstant());
  }

  /** The form guard and the outcome listener, recording where they were called. */
  class Recorder implements TaskListener, ExecutionListener {
    private final String name;

    Recorder(String name) {
      this.name = name;
    }

    @Override
    public void notify(DelegateTask task) {
      calls.add(name + ":" + task.getTaskDefinitionKey());
    }

    @Override
    public void notify(DelegateExecution execution) {
      calls.add(name + ":" + execution.getCurrentActivityId());
    }
  }

  private JavaDelegate recording(String name, JavaDelegate then) {
    return execution -> {
      calls.add(name);
      then.execute(execution);
    };
  }

  @BeforeEach
  void registerStandIns() {
    Mocks.register("formInputGuard", new Recorder("guard"));
    Mocks.register("recordJourneyOutcome", new Recorder("outcome"));
    Mocks.register("registerReferralDelegate", recording("registerReferral", e -> {
      e.setProcessBusinessKey("HEN-2026-00001");
      e.setVariable(REFERRAL_REFERENCE, "HEN-2026-00001");
      // the referring counsellor gave the municipality's view in the form unless a test says otherwise
      e.setVariable(MUNICIPALITY_VIEW_GIVEN, e.getVariable(MUNICIPALITY_VIEW) != null);
      e.removeVariable(MUNICIPALITY_VIEW);
    }));
    Mocks.register("referralMunicipality", new Counsellors());
    Mocks.register("recordMunicipalityView", new Recorder("view"));
    Mocks.register("recordAssessment", new Recorder("assessment"));
    Mocks.register("keepAgreement", (ExecutionListener) e -> { });
    Mocks.register("showAgreement", (TaskListener) t -> { });
    Mocks.register("keepCaseNotes", (ExecutionListener) e -> { });
    Mocks.register("showReferral", (TaskListener) t -> t.setVariableLocal(SUBSTANCE_HISTORY, "fra registeret"));
    Mocks.register("offerMentorOptions", (TaskListener) t -> t.setVariable(MENTOR_OPTIONS,
        SpinValues.jsonValue("[{\"label\":\"Lars Likemann\",\"value\":\"1\"}]").create()));
    Mocks.register("reserveMentorDelegate", recording("reserveMentor", e -> {
      e.setVariable(COUPLING_ID, 7L);
      e.setVariable(MENTOR_USERNAME, "likemann");
      e.setVariable(MENTOR_NAME, "Lars Likemann");
    }));
    Mocks.register("releaseMentorSlotDelegate", recording("releaseMentorSlot", e -> { }));
    Mocks.register("oslo", new no.alarm.likemann.calendar.OsloCalendar());
    Mocks.register("startCouplingDelegate", recording("startCoupling", e -> e.setVariable(COUPLED_ON, "2026-11-18")));
    Mocks.register("openContactWeek", new no.alarm.likemann.followup.OpenContactWeekListener(
        new no.alarm.likemann.calendar.OsloCalendar()));
    Mocks.register("recordWeeklyContactsDelegate", recording("recordWeeklyContacts", e -> weeks.add(
        e.getVariable(WEEK_START) + ".." + e.getVariable(WEEK_END) + ":" + e.getVariable(WEEK_COUPLING_ID) + ":"
            + WeeklyContact.from(new FormInput(e::getVariable)))));
    Mocks.register("endParticipationDelegate", recording("endParticipation", e -> e.setVariable(CLOSING_REASON,
        ParticipantJourney.REASON_CONSENT_WITHDRAWN)));
    Mocks.register("produceClosingReportDelegate", recording("produceClosingReport", e -> { }));
    Mocks.register("recordDropOutDelegate", recording("recordDropOut", e -> e.setVariable(CLOSING_REASON, "dropOut")));
    Mocks.register("endCouplingDelegate", recording("endCoupling", e -> { }));
    Mocks.register("switchMentorDelegate", recording("switchMentor", e -> e.setVariable(COUPLING_ID, 9L)));
    Mocks.register("waitListMarker", (TaskListener) t -> calls.add("waitList:" + t.getEventName() + ":"
        + t.getTaskDefinitionKey()));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  /** The stand-in for the register's look-up of the referral's municipality. */
  public static class Counsellors {
    public String counsellors(Object reference) {
      return "counsellorSkien";
    }
  }

  private ProcessInstance startReferral() {
    return runtimeService().startProcessInstanceByKey(ParticipantJourney.PROCESS_KEY,
        Referrals.with(AGE, 25, TREATMENT_STATUS, "before", AT_RISK_OF_FALLING_OUT, false, MUNICIPALITY_VIEW, "offer"));
  }

  /** A referral registered without the municipality's view (by a coordinator): the municipality is asked first. */
  private ProcessInstance startReferralWithoutView() {
    return runtimeService().startProcessInstanceByKey(ParticipantJourney.PROCESS_KEY,
        Referrals.with(AGE, 25, TREATMENT_STATUS, "before", AT_RISK_OF_FALLING_OUT, false));
  }

  @Test
  void shouldAskTheReferringMunicipalityForItsViewBeforeTheAssessment() {
    ProcessInstance pi = startReferralWithoutView();

    assertThat(pi).hasPassed(DETERMINE_PRIORITY, MUNICIPALITY_VIEW_NEEDED).isWaitingAt(GIVE_MUNICIPALITY_VIEW);
    assertThat(task(GIVE_MUNICIPALITY_VIEW, pi)).hasCandidateGroup("counsellorSkien");
    assertThat(engine.getTaskService().getIdentityLinksForTask(task(GIVE_MUNICIPALITY_VIEW, pi).getId()))
        .extracting(l -> l.getGroupId()).containsExactly("counsellorSkien");
    complete(task(GIVE_MUNICIPALITY_VIEW, pi), withVariables(MUNICIPALITY_VIEW, "waitList"));

    assertThat(pi).hasPassed(GIVE_MUNICIPALITY_VIEW, MUNICIPALITY_VIEW_MERGE).isWaitingAt(ASSESS_REFERRAL);
    assertThat(calls).containsSubsequence("guard:" + GIVE_MUNICIPALITY_VIEW, "view:" + GIVE_MUNICIPALITY_VIEW);
    complete(task(ASSESS_REFERRAL, pi), withVariables(ASSESSMENT, "offer"));
    assertThat(calls).contains("assessment:" + ASSESS_REFERRAL);
  }

  @Test
  void shouldGoOnToTheAssessmentWhenTheMunicipalityDoesNotAnswerInFiveDays() {
    ProcessInstance pi = startReferralWithoutView();
    assertThat(job(pi).getDuedate()).isCloseTo(Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(5))),
        60_000);

    execute(job(pi));

    assertThat(pi).hasPassed(MUNICIPALITY_VIEW_TIMEOUT).isWaitingAt(ASSESS_REFERRAL);
    // the cancelled task's end listeners see a cancelled execution (and do nothing); the timeout records "none"
    assertThat(calls).endsWith("view:" + MUNICIPALITY_VIEW_TIMEOUT);
    assertThat(taskQuery().taskDefinitionKey(GIVE_MUNICIPALITY_VIEW).count()).isZero();
  }

  @Test
  void shouldGoStraightToTheAssessmentWhenTheReferralCarriedTheMunicipalitysView() {
    ProcessInstance pi = startReferral();

    assertThat(pi).hasPassed(MUNICIPALITY_VIEW_MERGE).hasNotPassed(GIVE_MUNICIPALITY_VIEW).isWaitingAt(ASSESS_REFERRAL);
  }

  private ProcessInstance atMatching() {
    ProcessInstance pi = startReferral();
    complete(task(ASSESS_REFERRAL, pi), withVariables(ASSESSMENT, "offer"));
    complete(task(HOLD_INFORMATION_MEETING, pi), withVariables(PARTICIPANT_WANTS_MENTOR, "yes"));
    assertThat(pi).isWaitingAt(MATCH_MENTOR);
    return pi;
  }

  private ProcessInstance atCouplingMeeting() {
    ProcessInstance pi = atMatching();
    complete(task(MATCH_MENTOR, pi), withVariables(NO_MENTOR_FITS, false, MENTOR_ID, "1"));
    assertThat(pi).isWaitingAt(HOLD_COUPLING_MEETING);
    return pi;
  }

  private static Map<String, Object> signatures(boolean all) {
    return withVariables(
        COUPLING_MEETING_DATE, "2026-11-02",
        CONFIDENTIALITY_AGREED, true,
        CONSENT_SIGNED_BY_PARTICIPANT, true,
        CONSENT_SIGNED_BY_MENTOR, all,
        AGREEMENT_SIGNED_BY_PARTICIPANT, true,
        AGREEMENT_SIGNED_BY_MENTOR, true,
        AGREEMENT_SIGNED_BY_COUNSELLOR, true);
  }

  @Test
  void shouldRegisterPrioritiseAndAskForAssessment() {
    ProcessInstance pi = startReferral();

    assertThat(pi).hasPassed(REFERRAL_RECEIVED, REGISTER_REFERRAL, DETERMINE_PRIORITY).isWaitingAt(ASSESS_REFERRAL);
    assertThat(pi).hasBusinessKey("HEN-2026-00001");
    assertThat(calls).containsSubsequence("guard:" + REFERRAL_RECEIVED, "registerReferral");
    // 25 years old (18–30) and on the way into treatment: two priority groups
    assertThat(pi).variables().containsEntry(PRIORITY, 2);
    assertThat(task(ASSESS_REFERRAL, pi)).hasCandidateGroup("coordinator");
    assertThat(task(ASSESS_REFERRAL, pi).getPriority()).isEqualTo(70);
  }

  @Test
  void shouldEndWhenReferralIsDeclined() {
    ProcessInstance pi = startReferral();

    complete(task(ASSESS_REFERRAL, pi), withVariables(ASSESSMENT, "decline", DECLINE_REASON, "Trenger annen hjelp"));

    assertThat(pi).isEnded().hasPassed(REFERRAL_DECLINED).hasNotPassed(HOLD_INFORMATION_MEETING);
    assertThat(calls).contains("guard:" + ASSESS_REFERRAL, "outcome:" + REFERRAL_DECLINED);
  }

  @Test
  void shouldKeepAWaitListedReferralUntilItIsAssessedAgain() {
    ProcessInstance pi = startReferral();

    complete(task(ASSESS_REFERRAL, pi), withVariables(ASSESSMENT, "waitList"));
    assertThat(pi).isWaitingAt(AWAIT_CAPACITY);
    assertThat(task(AWAIT_CAPACITY, pi).getPriority()).isEqualTo(70);

    complete(task(AWAIT_CAPACITY, pi));
    assertThat(pi).isWaitingAt(ASSESS_REFERRAL);
    complete(task(ASSESS_REFERRAL, pi), withVariables(ASSESSMENT, "offer"));
    assertThat(pi).isWaitingAt(HOLD_INFORMATION_MEETING);
  }

  @Test
  void shouldEndWhenParticipantSaysNo() {
    ProcessInstance pi = startReferral();
    complete(task(ASSESS_REFERRAL, pi), withVariables(ASSESSMENT, "offer"));

    complete(task(HOLD_INFORMATION_MEETING, pi), withVariables(PARTICIPANT_WANTS_MENTOR, "no"));

    assertThat(pi).isEnded().hasPassed(PARTICIPANT_SAID_NO).hasNotPassed(MATCH_MENTOR);
    assertThat(calls).contains("outcome:" + PARTICIPANT_SAID_NO);
  }

  @Test
  void shouldOfferMentorsAsJsonWhenMatching() {
    ProcessInstance pi = atMatching();

    Object options = engine.getTaskService().getVariableTyped(task(MATCH_MENTOR, pi).getId(), MENTOR_OPTIONS, false)
        .getType().getName();
    assertThat(options).isEqualTo("json");
  }

  @Test
  void shouldWaitAndResumeMatchingWhenNoMentorFits() {
    ProcessInstance pi = atMatching();

    complete(task(MATCH_MENTOR, pi), withVariables(NO_MENTOR_FITS, true));
    assertThat(pi).isWaitingAt(AWAIT_MENTOR).hasNotPassed(RESERVE_MENTOR);

    complete(task(AWAIT_MENTOR, pi));
    assertThat(pi).isWaitingAt(MATCH_MENTOR);
    complete(task(MATCH_MENTOR, pi), withVariables(NO_MENTOR_FITS, false, MENTOR_ID, "1"));
    assertThat(pi).hasPassed(RESERVE_MENTOR).isWaitingAt(HOLD_COUPLING_MEETING);
  }

  @Test
  void shouldEndAndReleaseTheSlotWhenConsentIsRefused() {
    ProcessInstance pi = atCouplingMeeting();

    complete(task(HOLD_COUPLING_MEETING, pi), signatures(false));

    assertThat(pi).isEnded().hasPassed(RELEASE_MENTOR_SLOT, CONSENT_REFUSED).hasNotPassed(FOLLOW_UP);
    assertThat(calls).containsSubsequence("reserveMentor", "releaseMentorSlot", "outcome:" + CONSENT_REFUSED);
    assertThat(calls).doesNotContain("startCoupling");
  }

  /** Confidentiality not gone through: no coupling, like a missing signature. */
  @Test
  void shouldNotCoupleWhenConfidentialityWasNotGoneThrough() {
    ProcessInstance pi = atCouplingMeeting();
    Map<String, Object> signed = new java.util.HashMap<>(signatures(true));
    signed.put(CONFIDENTIALITY_AGREED, false);

    complete(task(HOLD_COUPLING_MEETING, pi), signed);

    assertThat(pi).isEnded().hasPassed(RELEASE_MENTOR_SLOT, CONSENT_REFUSED).hasNotPassed(START_COUPLING);
    assertThat(calls).doesNotContain("startCoupling");
  }

  @Test
  void shouldFollowUpCloseAndReportWhenConsentIsGiven() {
    ProcessInstance pi = atCouplingMeeting();

    complete(task(HOLD_COUPLING_MEETING, pi), signatures(true));
    assertThat(pi).hasPassed(START_COUPLING).isWaitingAt(CLOSE_FOLLOW_UP);
    assertThat(task(CLOSE_FOLLOW_UP, pi)).hasCandidateGroup("coordinator");

    complete(task(CLOSE_FOLLOW_UP, pi), withVariables(CLOSING_REASON, "goalsReached"));
    assertThat(pi).hasPassed(FOLLOW_UP, END_COUPLING).isWaitingAt(WRITE_CLOSING_REPORT);

    complete(task(WRITE_CLOSING_REPORT, pi), withVariables("closingReportSummary", "Gikk bra"));
    assertThat(pi).isEnded().hasPassed(JOURNEY_CLOSED);
    assertThat(calls).containsSubsequence("startCoupling", "endCoupling", "produceClosingReport",
        "outcome:" + JOURNEY_CLOSED);
  }

  /** Opens a week's log as the follow-up calendar does: the message, with the week as transient variables. */
  private void openWeek(ProcessInstance pi, String start, String end, long couplingId) {
    runtimeService().createMessageCorrelation(ParticipantJourney.MESSAGE_CONTACT_WEEK_ENDED)
        .processInstanceId(pi.getId())
        .setVariablesLocal(org.camunda.bpm.engine.variable.Variables.createVariables()
            .putValueTyped(OPENED_WEEK_START, org.camunda.bpm.engine.variable.Variables.stringValue(start, true))
            .putValueTyped(OPENED_WEEK_END, org.camunda.bpm.engine.variable.Variables.stringValue(end, true))
            .putValueTyped(OPENED_WEEK_COUPLING_ID,
                org.camunda.bpm.engine.variable.Variables.longValue(couplingId, true)))
        .correlate();
  }

  /** The message without a week, as someone might send it through the REST API: the week before today opens. */
  private void openWeek(ProcessInstance pi) {
    runtimeService().createMessageCorrelation(ParticipantJourney.MESSAGE_CONTACT_WEEK_ENDED)
        .processInstanceId(pi.getId()).correlate();
  }

  /** The journey's open weekly logs: each week is a process of its own (contactWeek), called by the journey. */
  static org.camunda.bpm.engine.task.TaskQuery weekTasks(ProcessInstance pi) {
    List<String> weeks = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list()
        .stream().map(ProcessInstance::getId).toList();
    return taskQuery().processInstanceIdIn(weeks.isEmpty() ? new String[] {"none"} : weeks.toArray(String[]::new))
        .taskDefinitionKey(LOG_WEEKLY_CONTACTS);
  }

  @Test
  void shouldGiveTheMentorTheWeeksLogWhenTheCalendarSaysTheWeekHasEnded() {
    ClockUtil.setCurrentTime(oslo(2026, 11, 18, 14, 0)); // a Wednesday
    ProcessInstance pi = inFollowUp();
    assertThat(pi).isWaitingAt(CLOSE_FOLLOW_UP);
    assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
        .eventName(ParticipantJourney.MESSAGE_CONTACT_WEEK_ENDED).count()).isEqualTo(1);
    // no timer per journey: the follow-up calendar keeps the time
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();

    ClockUtil.setCurrentTime(oslo(2026, 11, 23, 6, 0));
    openWeek(pi, "2026-11-18", "2026-11-22", 7L);

    assertThat(pi).isWaitingAt(CLOSE_FOLLOW_UP, LOG_CONTACT_WEEK);
    Task log = weekTasks(pi).singleResult();
    assertThat(log).isAssignedTo("likemann");
    // the first week starts on the coupling day, a Wednesday
    assertThat(taskService().getVariables(log.getId())).containsEntry(WEEK_START, "2026-11-18")
        .containsEntry(WEEK_END, "2026-11-22").containsEntry(WEEK_LABEL, "uke 47 (18.11.2026–22.11.2026)")
        .containsEntry(WEEK_COUPLING_ID, 7L);
    assertThat(log.getDueDate()).isEqualTo(oslo(2026, 11, 24, 9, 0));

    // a late log never holds up the next week
    ClockUtil.setCurrentTime(oslo(2026, 11, 30, 6, 0));
    openWeek(pi, "2026-11-23", "2026-11-29", 7L);
    assertThat(weekTasks(pi).count()).isEqualTo(2);

    // each open week keeps its own contacts
    List<Task> open = weekTasks(pi)
        .orderByDueDate().asc().list();
    assertThat(taskService().getVariables(open.get(1).getId())).containsEntry(WEEK_START, "2026-11-23")
        .containsEntry(WEEK_END, "2026-11-29");
    complete(open.get(1), withVariables(CONTACT_COUNT, 1, ParticipantJourney.Var.contact(1), Map.of(CONTACT_DATE,
        "2026-11-25", CONTACT_TIME, "18:00", CONTACT_TYPE, "phone", CONTACT_REACHED, "yes", CONTACT_MINUTES, 30)));
    complete(open.get(0), withVariables(CONTACT_COUNT, 0));

    assertThat(weeks).containsExactly(
        "2026-11-23..2026-11-29:7:[WeeklyContact[date=2026-11-25, time=18:00, type=phone, reached=true, minutes=30]]",
        "2026-11-18..2026-11-22:7:[]");
    assertThat(calls).contains("guard:" + LOG_WEEKLY_CONTACTS);
    assertThat(pi).isWaitingAt(CLOSE_FOLLOW_UP);
  }

  @Test
  void shouldOpenTheWeekBeforeTodayWhenTheMessageComesWithoutAWeek() {
    ProcessInstance pi = inFollowUp();
    ClockUtil.setCurrentTime(oslo(2026, 11, 23, 10, 0)); // Monday; coupled on Wednesday the 18th
    openWeek(pi);

    assertThat(taskService().getVariables(weekTasks(pi).singleResult().getId()))
        .containsEntry(WEEK_START, "2026-11-18").containsEntry(WEEK_END, "2026-11-22")
        .containsEntry(WEEK_COUPLING_ID, 7L).doesNotContainKeys(OPENED_WEEK_START, OPENED_WEEK_END);
  }

  @Test
  void shouldNeverStoreTheWeekTheCalendarSends() {
    ProcessInstance pi = inFollowUp();
    openWeek(pi, "2026-11-16", "2026-11-22", 7L);

    assertThat(runtimeService().createVariableInstanceQuery().processInstanceIdIn(pi.getId())
        .variableNameIn(OPENED_WEEK_START, OPENED_WEEK_END, OPENED_WEEK_COUPLING_ID).count()).isZero();
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableNameLike("openedWeek%").count()).isZero();
  }

  @Test
  void shouldCancelOpenWeeklyLogsAndStopListeningForWeeksWhenTheFollowUpCloses() {
    ProcessInstance pi = inFollowUp();
    openWeek(pi);
    assertThat(pi).isWaitingAt(CLOSE_FOLLOW_UP, LOG_CONTACT_WEEK);

    complete(task(CLOSE_FOLLOW_UP, pi), withVariables(CLOSING_REASON, "goalsReached"));

    assertThat(weekTasks(pi).count()).isZero();
    assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
        .eventName(ParticipantJourney.MESSAGE_CONTACT_WEEK_ENDED).count()).isZero();
  }

  @Test
  void shouldLetTheCoordinatorFollowUpWhenTheMentorHasNoLogin() {
    ProcessInstance pi = atMatching();
    Mocks.register("reserveMentorDelegate", (JavaDelegate) e -> {
      e.setVariable(COUPLING_ID, 8L);
      e.setVariable(MENTOR_USERNAME, null);
      e.setVariable(MENTOR_NAME, "Kari Nilsen");
    });
    complete(task(MATCH_MENTOR, pi), withVariables(NO_MENTOR_FITS, false, MENTOR_ID, "2"));
    complete(task(HOLD_COUPLING_MEETING, pi), signatures(true));
    openWeek(pi);

    assertThat(weekTasks(pi).singleResult()).isNotAssigned().hasCandidateGroup("coordinator");
  }

  @Test
  void shouldEndTheJourneyAndLetGoOfTheMentorWhenConsentIsWithdrawnDuringFollowUp() {
    ProcessInstance pi = inFollowUp();
    openWeek(pi);

    runtimeService().createMessageCorrelation(ParticipantJourney.MESSAGE_CONSENT_WITHDRAWN)
        .processInstanceId(pi.getId()).correlate();

    assertThat(pi).isEnded().hasPassed(CONSENT_WITHDRAWN, END_PARTICIPATION, JOURNEY_WITHDRAWN)
        .hasNotPassed(END_COUPLING, WRITE_CLOSING_REPORT);
    assertThat(calls).containsSubsequence("startCoupling", "endParticipation", "outcome:" + JOURNEY_WITHDRAWN);
    assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void shouldEndTheJourneyWhenConsentIsWithdrawnBeforeFollowUp() {
    for (ProcessInstance pi : List.of(startReferral(), atMatching(), atCouplingMeeting())) {
      runtimeService().createMessageCorrelation(ParticipantJourney.MESSAGE_CONSENT_WITHDRAWN)
          .processInstanceId(pi.getId()).correlate();
      assertThat(pi).isEnded().hasPassed(END_PARTICIPATION, JOURNEY_WITHDRAWN).hasNotPassed(FOLLOW_UP);
    }
    assertThat(calls.stream().filter("endParticipation"::equals)).hasSize(3);
  }

  @Test
  void shouldGuardEveryHumanStep() {
    ProcessInstance pi = atCouplingMeeting();
    complete(task(HOLD_COUPLING_MEETING, pi), signatures(true));

    assertThat(calls).contains("guard:" + REFERRAL_RECEIVED, "guard:" + ASSESS_REFERRAL,
        "guard:" + HOLD_INFORMATION_MEETING, "guard:" + MATCH_MENTOR, "guard:" + HOLD_COUPLING_MEETING);
  }

  @Test
  void shouldResumeAWaitListedReferralWhenCapacityIsOffered() {
    ProcessInstance pi = startReferral();
    complete(task(ASSESS_REFERRAL, pi), withVariables(ASSESSMENT, "waitList"));
    assertThat(calls).contains("waitList:create:" + AWAIT_CAPACITY);

    runtimeService().createMessageCorrelation(ParticipantJourney.MESSAGE_CAPACITY_FREED)
        .processInstanceId(pi.getId()).correlate();

    assertThat(pi).hasPassed(CAPACITY_FREED_FOR_REFERRAL).isWaitingAt(ASSESS_REFERRAL);
    assertThat(calls).contains("waitList:delete:" + AWAIT_CAPACITY);
  }

  @Test
  void shouldReturnToMatchingWhenAMentorSlotIsOffered() {
    ProcessInstance pi = atMatching();
    complete(task(MATCH_MENTOR, pi), withVariables(NO_MENTOR_FITS, true));

    runtimeService().createMessageCorrelation(ParticipantJourney.MESSAGE_CAPACITY_FREED)
        .processInstanceId(pi.getId()).correlate();

    assertThat(pi).hasPassed(CAPACITY_FREED_FOR_MATCHING).isWaitingAt(MATCH_MENTOR);
    assertThat(calls).contains("waitList:create:" + AWAIT_MENTOR, "waitList:delete:" + AWAIT_MENTOR);
  }

  @Test
  void shouldRematchDuringFollowUpWithoutStoppingIt() {
    ProcessInstance pi = atCouplingMeeting();
    complete(task(HOLD_COUPLING_MEETING, pi), signatures(true));

    for (int round = 0; round < 2; round++) {
      runtimeService().createMessageCorrelation(ParticipantJourney.MESSAGE_REMATCH_NEEDED)
          .processInstanceId(pi.getId()).correlate();
      assertThat(pi).isWaitingAt(CLOSE_FOLLOW_UP, REMATCH_MENTOR);
      assertThat(task(REMATCH_MENTOR, pi)).hasCandidateGroup("coordinator");
      complete(task(REMATCH_MENTOR, pi), withVariables(MENTOR_ID, "2"));
      assertThat(pi).isWaitingAt(CLOSE_FOLLOW_UP);
    }
    assertThat(calls.stream().filter("switchMentor"::equals)).hasSize(2);
    assertThat(calls).contains("guard:" + REMATCH_MENTOR);

    complete(task(CLOSE_FOLLOW_UP, pi), withVariables(CLOSING_REASON, "moved"));
    assertThat(pi).hasPassed(MENTOR_SWITCHED, END_COUPLING).isWaitingAt(WRITE_CLOSING_REPORT);
  }

  @Test
  void shouldReleaseTheReservationAndMatchAgainWhenTheMentorBecomesUnavailableBeforeTheCouplingMeeting() {
    ProcessInstance pi = atCouplingMeeting();

    runtimeService().createMessageCorrelation(ParticipantJourney.MESSAGE_REMATCH_NEEDED)
        .processInstanceId(pi.getId()).correlate();

    assertThat(pi).hasPassed(REMATCH_BEFORE_COUPLING, RELEASE_RESERVATION).isWaitingAt(MATCH_MENTOR);
    assertThat(calls).containsSubsequence("reserveMentor", "releaseMentorSlot");
    complete(task(MATCH_MENTOR, pi), withVariables(NO_MENTOR_FITS, false, MENTOR_ID, "2"));
    assertThat(pi).isWaitingAt(HOLD_COUPLING_MEETING);
  }

  private ProcessInstance inFollowUp() {
    ProcessInstance pi = atCouplingMeeting();
    complete(task(HOLD_COUPLING_MEETING, pi), signatures(true));
    assertThat(pi).isWaitingAt(CLOSE_FOLLOW_UP);
    return pi;
  }

  private void silent(ProcessInstance pi) {
    runtimeService().createMessageCorrelation(ParticipantJourney.MESSAGE_PARTICIPANT_SILENT)
        .processInstanceId(pi.getId()).setVariable(LAST_REACHED_CONTACT_DATE, "2026-11-02").correlate();
  }

  @Test
  void shouldWarnTheCoordinatorWhenTheParticipantIsSilentAndCarryOnWhenBroughtBack() {
    ProcessInstance pi = inFollowUp();

    silent(pi);

    assertThat(pi).isWaitingAt(CLOSE_FOLLOW_UP, BRING_PARTICIPANT_BACK);
    assertThat(task(BRING_PARTICIPANT_BACK, pi)).hasCandidateGroup("coordinator");
    complete(task(BRING_PARTICIPANT_BACK, pi), withVariables(BRING_BACK_OUTCOME, "backOnTrack"));
    assertThat(pi).hasPassed(PARTICIPANT_BACK_ON_TRACK).isWaitingAt(CLOSE_FOLLOW_UP);
  }

  @Test
  void shouldCloseAsDropOutWhenTheParticipantCannotBeBroughtBack() {
    ProcessInstance pi = inFollowUp();
    silent(pi);

    complete(task(BRING_PARTICIPANT_BACK, pi), withVariables(BRING_BACK_OUTCOME, "dropOut"));

    assertThat(pi).hasPassed(RECORD_DROP_OUT, PARTICIPANT_DROPPED_OUT, FOLLOW_UP_DROPPED_OUT, END_COUPLING)
        .isWaitingAt(WRITE_CLOSING_REPORT);
    assertThat(pi).variables().containsEntry(CLOSING_REASON, "dropOut");
    assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(CLOSE_FOLLOW_UP).count()).isZero();
  }

  @Test
  void shouldCheckInWithTheParticipantEveryEightWeeksWithoutStoppingFollowUp() {
    ProcessInstance pi = inFollowUp();
    // the follow-up calendar sends it after eight weeks
    runtimeService().createMessageCorrelation(ParticipantJourney.MESSAGE_CHECK_IN_DUE).processInstanceId(pi.getId())
        .correlate();
    assertThat(pi).isWaitingAt(CLOSE_FOLLOW_UP, CHECK_IN_WITH_PARTICIPANT);
    assertThat(task(CHECK_IN_WITH_PARTICIPANT, pi)).hasCandidateGroup("coordinator");
    complete(task(CHECK_IN_WITH_PARTICIPANT, pi), withVariables("checkInCooperation", "good"));
    assertThat(pi).isWaitingAt(CLOSE_FOLLOW_UP);
    // ready for the next one, eight weeks on
    assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
        .eventName(ParticipantJourney.MESSAGE_CHECK_IN_DUE).count()).isEqualTo(1);
  }
}
