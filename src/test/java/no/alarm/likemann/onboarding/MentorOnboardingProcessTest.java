package no.alarm.likemann.onboarding;

import static no.alarm.likemann.onboarding.MentorOnboarding.Element.*;
import static no.alarm.likemann.onboarding.MentorOnboarding.Var.*;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.support.TestEngines;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path through processes/mentor-onboarding.bpmn, with the real eligibility decision and Oslo calendar. */
@Deployment(resources = {"processes/mentor-onboarding.bpmn", "processes/mentor-eligibility.dmn",
    "processes/candidate-withdrawal.bpmn"})
class MentorOnboardingProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(TestEngines.inMemory())
      .build();

  static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  private final List<String> calls = new ArrayList<>();

  @BeforeEach
  void standIns() {
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(10, 0).atZone(OSLO).toInstant()));
    Mocks.register("oslo", new OsloCalendar());
    Mocks.register("formInputGuard", (ExecutionListener) e -> { });
    Mocks.register("candidateMunicipality", new OwnMunicipality());
    Mocks.register("registerCandidateDelegate", (JavaDelegate) e -> {
      calls.add("register");
      e.setProcessBusinessKey("LM-0001");
      e.setVariable(MENTOR_ID, 1L);
      e.setVariable(CANDIDATE_REFERENCE, "LM-0001");
    });
    Mocks.register("recordOnboardingStep", (ExecutionListener) e -> {
      if (!e.isCanceled() || MUNICIPALITY_COMMENT_TIMEOUT.equals(e.getCurrentActivityId())) {
        calls.add("step:" + e.getCurrentActivityId());
      }
    });
    Mocks.register("sumSchoolHoursDelegate", (JavaDelegate) this::sumHours);
    Mocks.register("activateMentorDelegate", (JavaDelegate) e -> calls.add("activate"));
    Mocks.register("recordOnboardingOutcome", (ExecutionListener) e -> calls.add("outcome:" + e.getCurrentActivityId()));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  private void sumHours(DelegateExecution e) {
    int sum = 0;
    for (String v : List.of("bedreHverdagHours", "brukerrepresentantHours", "likemannskursHours", SUPPLEMENT_HOURS)) {
      Object hours = e.getVariable(v);
      sum += hours instanceof Number n ? n.intValue() : 0;
    }
    e.setVariable(SCHOOL_HOURS_TOTAL, sum);
  }

  static Map<String, Object> candidate(String experience, LocalDate soberSince) {
    Map<String, Object> v = new HashMap<>();
    v.put(CANDIDATE_NAME, "Kari Kandidat");
    v.put(CANDIDATE_CONTACT, "900 00 000");
    v.put(MUNICIPALITY, "skien");
    v.put(EXPERIENCE, experience);
    v.put(SOBER_SINCE, soberSince.toString());
    v.put(GENDER, "female");
    v.put(BIRTH_YEAR, 1985);
    v.put(SUBSTANCE_HISTORY, "Alkohol");
    v.put(INTERESTS, "Trening");
    return v;
  }

  ProcessInstance start(String experience, LocalDate soberSince) {
    return runtimeService().startProcessInstanceByKey(MentorOnboarding.PROCESS_KEY, candidate(experience, soberSince));
  }

  ProcessInstance atMunicipalityComment() {
    ProcessInstance pi = start("own", TODAY.minusYears(3));
    complete(task(ASSESS_SUITABILITY, pi), withVariables(SUITABILITY_DECISION, "approve"));
    assertThat(pi).isWaitingAt(COLLECT_MUNICIPALITY_COMMENT);
    // the candidate's own municipality's counsellors, nobody else
    assertThat(task(COLLECT_MUNICIPALITY_COMMENT, pi)).hasCandidateGroup("counsellorPorsgrunn");
    assertThat(engine.getTaskService().getIdentityLinksForTask(task(COLLECT_MUNICIPALITY_COMMENT, pi).getId()))
        .extracting(l -> l.getGroupId()).containsExactly("counsellorPorsgrunn");
    return pi;
  }

  /** The stand-in for the register's look-up of the candidate's municipality (mentor 1 lives in Porsgrunn). */
  public static class OwnMunicipality {
    public String counsellors(Object mentorId) {
      return ((Number) mentorId).longValue() == 1L ? "counsellorPorsgrunn" : "counsellorUnknown";
    }
  }

  void completeSchool(ProcessInstance pi, int h1, int h2, int h3) {
    complete(task(COMPLETE_BEDRE_HVERDAG, pi), withVariables("bedreHverdagCompletedOn", "2026-10-01", "bedreHverdagHours", h1));
    complete(task(COMPLETE_BRUKERREPRESENTANT, pi), withVariables("brukerrepresentantCompletedOn", "2026-10-08",
        "brukerrepresentantHours", h2));
    complete(task(COMPLETE_LIKEMANNSKURS, pi), withVariables("likemannskursCompletedOn", "2026-10-15",
        "likemannskursHours", h3));
  }

  void finishAfterSchool(ProcessInstance pi) {
    complete(task(SIGN_CONFIDENTIALITY_DECLARATION, pi), withVariables(CONFIDENTIALITY_SIGNED_ON, "2026-11-20",
        "confidentialityDeclarationSigned", true));
    complete(task(ACKNOWLEDGE_CONFIDENTIALITY_COPY, pi), withVariables("confidentialityCopyReceived", true));
    complete(task(EMPLOY_MENTOR, pi), withVariables(EMPLOYED_ON, "2026-12-01", NAV_GRANT, "yes", MENTOR_CAPACITY, 2));
  }

  @Test
  void shouldTakeAnEligibleCandidateThroughEveryGateToActive() {
    ProcessInstance pi = start("own", TODAY.minusYears(3));
    assertThat(pi).hasBusinessKey("LM-0001").isWaitingAt(ASSESS_SUITABILITY);
    assertThat(pi).variables().containsEntry(ELIGIBILITY, "eligible");
    assertThat(task(ASSESS_SUITABILITY, pi)).hasCandidateGroup("projectLeader");

    complete(task(ASSESS_SUITABILITY, pi), withVariables(SUITABILITY_DECISION, "approve"));
    complete(task(COLLECT_MUNICIPALITY_COMMENT, pi), withVariables("municipalityComment", "Ingen innvendinger"));
    assertThat(pi).isWaitingAt(COMPLETE_BEDRE_HVERDAG, COMPLETE_BRUKERREPRESENTANT, COMPLETE_LIKEMANNSKURS);
    completeSchool(pi, 12, 12, 24);
    assertThat(pi).variables().containsEntry(SCHOOL_HOURS_TOTAL, 48);
    finishAfterSchool(pi);

    assertThat(pi).isEnded().hasPassed(MENTOR_ACTIVATED);
    assertThat(calls).containsSubsequence("register", "step:" + CHECK_ELIGIBILITY, "step:" + ASSESS_SUITABILITY,
        "step:" + COLLECT_MUNICIPALITY_COMMENT, "step:" + SIGN_CONFIDENTIALITY_DECLARATION,
        "step:" + ACKNOWLEDGE_CONFIDENTIALITY_COPY, "step:" + EMPLOY_MENTOR, "activate", "outcome:" + MENTOR_ACTIVATED);
    assertThat(calls).contains("step:" + COMPLETE_BEDRE_HVERDAG, "step:" + COMPLETE_BRUKERREPRESENTANT,
        "step:" + COMPLETE_LIKEMANNSKURS);
  }

  @Test
  void shouldEndWithoutOwnOrNextOfKinExperience() {
    ProcessInstance pi = start("none", TODAY.minusYears(5));

    assertThat(pi).isEnded().hasPassed(CANDIDATE_NOT_ELIGIBLE).hasNotPassed(ASSESS_SUITABILITY);
    assertThat(calls).contains("outcome:" + CANDIDATE_NOT_ELIGIBLE);
  }

  @Test
  void shouldWaitForACandidateAt23MonthsSoberAndResumeOnTheTwoYearDay() {
    LocalDate soberSince = TODAY.minusMonths(23);
    ProcessInstance pi = start("nextOfKin", soberSince);

    assertThat(pi).isWaitingAt(WAIT_UNTIL_TWO_YEARS_SOBER).hasNotPassed(ASSESS_SUITABILITY);
    Job timer = job(pi);
    LocalDate twoYearDay = soberSince.plusYears(2);
    assertThat(timer.getDuedate()).isEqualTo(Date.from(twoYearDay.atTime(6, 0).atZone(OSLO).toInstant()));

    // the day before: still not two years
    ClockUtil.setCurrentTime(Date.from(twoYearDay.minusDays(1).atTime(12, 0).atZone(OSLO).toInstant()));
    assertThat(engine.getManagementService().createJobQuery().executable().count()).isZero();

    ClockUtil.setCurrentTime(Date.from(twoYearDay.atTime(6, 1).atZone(OSLO).toInstant()));
    execute(job(pi));

    assertThat(pi).isWaitingAt(ASSESS_SUITABILITY);
    assertThat(pi).variables().containsEntry(ELIGIBILITY, "eligible");
  }

  @Test
  void shouldEndWhenNotSuitable() {
    ProcessInstance pi = start("own", TODAY.minusYears(4));

    complete(task(ASSESS_SUITABILITY, pi), withVariables(SUITABILITY_DECISION, "reject", SUITABILITY_REASON, "Ikke nå"));

    assertThat(pi).isEnded().hasPassed(CANDIDATE_REJECTED).hasNotPassed(COLLECT_MUNICIPALITY_COMMENT);
  }

  @Test
  void shouldGoOnAfterFourteenDaysWithoutAMunicipalityComment() {
    ProcessInstance pi = atMunicipalityComment();
    Job timeout = job(pi);
    assertThat(timeout.getDuedate()).isEqualTo(Date.from(TODAY.atTime(10, 0).atZone(OSLO).plusDays(14).toInstant()));

    execute(timeout);

    assertThat(pi).hasPassed(MUNICIPALITY_COMMENT_TIMEOUT)
        .isWaitingAt(COMPLETE_BEDRE_HVERDAG, COMPLETE_BRUKERREPRESENTANT, COMPLETE_LIKEMANNSKURS);
    assertThat(calls).contains("step:" + MUNICIPALITY_COMMENT_TIMEOUT).doesNotContain("step:" + COLLECT_MUNICIPALITY_COMMENT);
  }

  @Test
  void shouldAskForSupplementaryTrainingUntilFortyFiveHours() {
    ProcessInstance pi = atMunicipalityComment();
    complete(task(COLLECT_MUNICIPALITY_COMMENT, pi), withVariables("municipalityComment", "Ok"));
    completeSchool(pi, 10, 10, 20);

    assertThat(pi).isWaitingAt(COMPLETE_SCHOOL_HOURS).hasNotPassed(SIGN_CONFIDENTIALITY_DECLARATION);
    complete(task(COMPLETE_SCHOOL_HOURS, pi), withVariables(SUPPLEMENT_COMPLETED_ON, "2026-11-01", SUPPLEMENT_HOURS, 5));

    assertThat(pi).isWaitingAt(SIGN_CONFIDENTIALITY_DECLARATION);
    assertThat(pi).variables().containsEntry(SCHOOL_HOURS_TOTAL, 45);
    finishAfterSchool(pi);
    assertThat(pi).isEnded().hasPassed(MENTOR_ACTIVATED);
  }

  @Test
  void shouldEndWhenTheCandidateWithdrawsWhileWaiting() {
    ProcessInstance pi = start("own", TODAY.minusMonths(20));
    assertThat(pi).isWaitingAt(WAIT_UNTIL_TWO_YEARS_SOBER);

    runtimeService().createMessageCorrelation(MentorOnboarding.MESSAGE_CANDIDATE_WITHDREW).processInstanceBusinessKey("LM-0001")
        .correlate();

    assertThat(pi).isEnded().hasPassed(CANDIDATE_WITHDRAWN).hasNotPassed(MENTOR_ACTIVATED);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void shouldEndWhenTheCandidateWithdrawsDuringTheSchool() {
    ProcessInstance pi = atMunicipalityComment();
    complete(task(COLLECT_MUNICIPALITY_COMMENT, pi), withVariables("municipalityComment", "Ok"));

    runtimeService().createMessageCorrelation(MentorOnboarding.MESSAGE_CANDIDATE_WITHDREW).processInstanceId(pi.getId())
        .correlate();

    assertThat(pi).isEnded().hasPassed(CANDIDATE_WITHDRAWN);
    assertThat(calls).doesNotContain("step:" + COMPLETE_BEDRE_HVERDAG, "activate");
  }

  @Test
  void shouldEndTheOnboardingWhenAWithdrawalIsReportedInTasklist() {
    ProcessInstance pi = start("own", TODAY.minusMonths(20));
    Mocks.register("withdrawCandidateDelegate", (JavaDelegate) e -> e.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(MentorOnboarding.MESSAGE_CANDIDATE_WITHDREW)
        .processInstanceBusinessKey((String) e.getVariable("candidateReference")).correlate());

    ProcessInstance report = runtimeService().startProcessInstanceByKey(MentorOnboarding.WITHDRAWAL_KEY,
        Map.of("candidateReference", "LM-0001", "withdrawalConfirmed", true));

    assertThat(report).isEnded().hasPassed("withdrawCandidate");
    assertThat(pi).isEnded().hasPassed(CANDIDATE_WITHDRAWN);
  }
}
