package no.alarm.likemann.it;

import static no.alarm.likemann.onboarding.MentorOnboarding.Element.*;
import static no.alarm.likemann.onboarding.MentorOnboarding.Var.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.mentor.Mentor;
import no.alarm.likemann.mentor.MentorStatus;
import no.alarm.likemann.onboarding.MentorOnboarding;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Mentor onboarding in the real application, as the demo users (nested in the H2 and PostgreSQL test classes). */
abstract class AbstractOnboardingTests extends ApplicationTestSupport {


  static final LocalDate TODAY_DATE = LocalDate.now(ZoneId.of("Europe/Oslo"));

  static Map<String, Object> candidate(String name, LocalDate soberSince) {
    Map<String, Object> v = new HashMap<>();
    v.put(CANDIDATE_NAME, name);
    v.put(CANDIDATE_CONTACT, "900 00 000");
    v.put(MUNICIPALITY, "porsgrunn");
    v.put(EXPERIENCE, "own");
    v.put(SOBER_SINCE, soberSince.toString());
    v.put(GENDER, "female");
    v.put(BIRTH_YEAR, 1984);
    v.put(SUBSTANCE_HISTORY, "Amfetamin og hasj");
    v.put(INTERESTS, "Trening, musikk");
    return v;
  }

  ProcessInstance register(Map<String, Object> candidate) {
    String onboarding = latest(MentorOnboarding.PROCESS_KEY);
    as("radgiver");
    ProcessInstance pi = forms.submitStartForm(onboarding, candidate);
    identity.clearAuthentication();
    return pi;
  }

  long mentorIdOf(ProcessInstance pi) {
    return ((Number) runtime.getVariable(pi.getId(), MENTOR_ID)).longValue();
  }


  @org.springframework.beans.factory.annotation.Autowired
  no.alarm.likemann.reporting.ServiceSummary summary;

  @org.springframework.beans.factory.annotation.Autowired
  no.alarm.likemann.reporting.steering.SteeringFigures steeringFigures;

  /**
   * Plan 000 §6 and app. 1: NAV's mentor grant as a case of its own. The adviser applies for one mentor, records the
   * agreement, claims the refund for each month of it once the month is over, and reports to NAV at the end; the
   * steering group counts the mentor as NAV-funded while the agreement is in force.
   */
  @Autowired org.camunda.bpm.engine.FilterService filterService;
  @Autowired no.alarm.likemann.security.TasklistFilters tasklistFilters;

  /**
   * The filter of the onboarding's tasks lists them by the model's key and by its user tasks' keys (ADR 13): the same
   * tasks as by the key alone. A filter made before the keys were added gets them at the next start, and what a
   * modeller changed in it stays.
   */
  @Test
  void theOnboardingFilterListsTheModelsTasksByTheirKeysAndKeepsAModellersEdits() {
    ProcessInstance pi = register(candidate("Filtrert Kandidat", TODAY_DATE.minusYears(3)));
    var filter = filterService.createFilterQuery().filterName("Rekruttering av likemenn").singleResult();
    org.camunda.bpm.engine.impl.TaskQueryImpl query = filter.getQuery();
    try {
      var modelTasks = repository.getBpmnModelInstance(latest(MentorOnboarding.PROCESS_KEY))
          .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class).stream()
          .map(t -> t.getId()).toList();
      assertThat(query.getProcessDefinitionKey()).isEqualTo(MentorOnboarding.PROCESS_KEY);
      assertThat(query.getKeys()).containsAll(modelTasks);
      // the same tasks as by the key alone, for the adviser who registered the candidate
      as("radgiver");
      try {
        List<String> byFilter = filterService.list(filter.getId()).stream().map(t -> ((Task) t).getId()).toList();
        assertThat(byFilter).isNotEmpty().containsExactlyInAnyOrderElementsOf(tasks.createTaskQuery()
            .processDefinitionKey(MentorOnboarding.PROCESS_KEY)
            .taskCandidateGroupIn(identity.getCurrentAuthentication().getGroupIds()).includeAssignedTasks().list()
            .stream().map(Task::getId).toList());
      } finally {
        identity.clearAuthentication();
      }

      // as made before: no keys; a modeller sorted it by due date
      var before = (org.camunda.bpm.engine.impl.TaskQueryImpl) tasks.createTaskQuery()
          .processDefinitionKey(MentorOnboarding.PROCESS_KEY).taskCandidateGroupInExpression("${currentUserGroups()}")
          .includeAssignedTasks().orderByDueDate().desc();
      filter.setQuery(before);
      filterService.saveFilter(filter);
      tasklistFilters.ensureFilters();
      org.camunda.bpm.engine.impl.TaskQueryImpl after = filterService.getFilter(filter.getId()).getQuery();
      assertThat(after.getKeys()).containsAll(modelTasks);
      assertThat(after.getOrderingProperties()).hasSize(1);
      assertThat(after.getOrderingProperties().get(0).getQueryProperty().getName()).isEqualTo("DUE_DATE_");
    } finally {
      runtime.deleteProcessInstance(pi.getId(), "test done");
      var current = filterService.getFilter(filter.getId());
      current.setQuery(query);
      filterService.saveFilter(current);
    }
  }

  @Test
  void navsMentorGrantRunsFromTheApplicationThroughEveryMonthsRefundToTheReport() throws Exception {
    ProcessInstance onboarding = register(candidate("Nina Navsen", TODAY_DATE.minusYears(3)));
    long mentorId = mentorIdOf(onboarding);
    onboardToActive(onboarding);
    String reference = "LM-" + String.format("%04d", mentorId);
    String grantDefinition = latest(no.alarm.likemann.navgrant.NavMentorGrant.PROCESS_KEY);
    java.time.YearMonth thisMonth = java.time.YearMonth.from(TODAY_DATE);
    String from = thisMonth.minusMonths(1).atDay(1).toString();
    String to = thisMonth.atEndOfMonth().toString();
    Map<String, Object> application = new HashMap<>(Map.of("mentorReference", reference, "appliedOn", TODAY,
        "appliedFrom", from, "appliedTo", to, "positionPercent", 20, "amountAppliedPerMonth", 8000,
        "applicationNote", "Søkt sammen med NAV Porsgrunn"));

    as("radgiver");
    ProcessInstance grant = forms.submitStartForm(grantDefinition, application);
    // the same months for the same mentor are refused, and so is a mentor the register does not know
    assertThatThrownBy(() -> forms.submitStartForm(grantDefinition, application))
        .hasMessageContaining("allerede et tilskudd");
    Map<String, Object> unknown = new HashMap<>(application);
    unknown.put("mentorReference", "LM-99999");
    assertThatThrownBy(() -> forms.submitStartForm(grantDefinition, unknown)).hasMessageContaining("Fant ingen likemann");
    identity.clearAuthentication();
    assertThat(grant.getBusinessKey()).matches("MT-\\d{4}");
    assertThat(grant.getTenantId()).isEqualTo("grenland");
    assertThat(runtime.getVariables(grant.getId())).doesNotContainKey("applicationNote");
    // nobody outside the adviser's and project leader's work sees the grant's tasks
    for (String user : List.of("koordinator", "likemann", "ruskonsulent", "styringsgruppe")) {
      as(user);
      assertThat(tasks.createTaskQuery().processInstanceId(grant.getId()).count()).as(user).isZero();
      identity.clearAuthentication();
    }
    int fundedBefore = summary.now().activeMentorsWithNavGrant();

    Task decision = taskOf(grant, "recordGrantDecision");
    assertThat(tasks.getVariableLocal(decision.getId(), "grantText")).asString()
        .startsWith("Mentortilskudd for Nina Navsen (" + reference + "), 20 % stilling");
    complete("radgiver", decision, values("grantDecision", "granted", "decidedOn", TODAY, "grantedFrom", from,
        "grantedTo", to, "amountGrantedPerMonth", 7500, "navReference", "NAV-2026-77"));
    assertThat(summary.now().activeMentorsWithNavGrant()).isEqualTo(fundedBefore + 1);

    // last month is over: its refund is claimed; this month's comes when it is over
    Task lastMonth = dueTask(grant, "claimRefund");
    assertThat(runtime.getVariable(grant.getId(), "refundMonth")).isEqualTo(thisMonth.minusMonths(1).toString());
    complete("radgiver", lastMonth, values("refundOutcome", "claimed", "amountClaimed", 7500, "claimedOn", TODAY));
    assertThat(management.createJobQuery().processInstanceId(grant.getId()).singleResult().getDuedate())
        .isEqualTo(no.alarm.likemann.navgrant.NavGrants.claimableAt(thisMonth));
    Task month = dueTask(grant, "claimRefund");
    complete("radgiver", month, values("refundOutcome", "claimed", "amountClaimed", 7000, "claimedOn", TODAY));
    complete("radgiver", taskOf(grant, "reportToNav"), values("reportedOn", TODAY, "navReportNote", "Sluttrapport"));

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(grant.getId()).count()).isZero();
    long id = jdbc.queryForObject("SELECT id FROM nav_grant WHERE process_instance_id = ?", Long.class, grant.getId());
    assertThat(jdbc.queryForList("SELECT amount_kr FROM nav_grant_refund WHERE grant_id = ? ORDER BY refund_month",
        Integer.class, id)).containsExactly(7500, 7000);
    assertThat(jdbc.queryForObject("SELECT ended_reason || ':' || nav_reference FROM nav_grant WHERE id = ?",
        String.class, id)).isEqualTo("periodOver:NAV-2026-77");
  }

  @Test
  void aPersonTakesACandidateFromRegistrationToAnActiveMentor() {
    int navBefore = summary.now().activeMentorsWithNavGrant();
    var yearBefore = steeringFigures.of(TODAY_DATE.withDayOfYear(1), TODAY_DATE, TODAY_DATE);
    ProcessInstance pi = register(candidate("Mona Mentorsen", TODAY_DATE.minusYears(3)));
    assertThat(pi.getBusinessKey()).matches("LM-\\d{4}");
    long mentorId = mentorIdOf(pi);
    assertThat(mentors.find(mentorId).orElseThrow().status()).isEqualTo(MentorStatus.CANDIDATE);

    onboardToActive(pi);

    Mentor mentor = mentors.find(mentorId).orElseThrow();
    assertThat(mentor.status()).isEqualTo(MentorStatus.ACTIVE);
    assertThat(mentor.capacity()).isEqualTo(3);
    assertThat(mentor.region()).isEqualTo("grenland");
    assertThat(mentors.findMatchable()).extracting(Mentor::id).contains(mentorId);
    assertThat(jdbc.queryForMap("SELECT outcome, nav_grant, suitability_approved_by, confidentiality_copy_by"
        + " FROM mentor_candidate WHERE mentor_id = ?", mentorId))
        .containsEntry("outcome", "ACTIVATED").containsEntry("suitability_approved_by", "prosjektleder")
        .containsEntry("confidentiality_copy_by", "prosjektleder");
    assertThat(jdbc.queryForObject("SELECT SUM(hours) FROM mentor_course WHERE mentor_id = ?", Integer.class,
        mentorId)).isEqualTo(45);
    // the steering group counts the mentors NAV funds: on Cockpit's dashboard and in this year's report
    assertThat(summary.now().activeMentorsWithNavGrant()).isEqualTo(navBefore + 1);
    var year = steeringFigures.of(TODAY_DATE.withDayOfYear(1), TODAY_DATE, TODAY_DATE);
    assertThat(year.mentorsEmployed()).isEqualTo(yearBefore.mentorsEmployed() + 1);
    assertThat(year.mentorsEmployedWithNavGrant()).isEqualTo(yearBefore.mentorsEmployedWithNavGrant() + 1);
    assertThat(year.activeMentorsWithNavGrantNow()).isEqualTo(yearBefore.activeMentorsWithNavGrantNow() + 1);
  }

  /**
   * The comment on hiring comes from the candidate's own municipality: its counsellors see and complete the task;
   * another municipality's counsellor and the project leader neither see nor complete it.
   */
  @Test
  void onlyTheCandidatesOwnMunicipalityComments() {
    ProcessInstance pi = register(candidate("Kommune Kandidat", TODAY_DATE.minusYears(4)));
    work("prosjektleder", pi, ASSESS_SUITABILITY, values(SUITABILITY_DECISION, "approve"));
    Task comment = taskOf(pi, COLLECT_MUNICIPALITY_COMMENT);
    for (String outsider : List.of("ruskonsulent", "prosjektleder")) {
      as(outsider);
      assertThat(tasks.createTaskQuery().taskId(comment.getId()).count()).as(outsider).isZero();
      assertThatThrownBy(() -> tasks.claim(comment.getId(), outsider)).as(outsider)
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
      identity.clearAuthentication();
    }
    String own = candidatesCounsellor();
    as(own);
    assertThat(tasks.createTaskQuery().taskId(comment.getId()).count()).isEqualTo(1);
    identity.clearAuthentication();
    work(own, pi, COLLECT_MUNICIPALITY_COMMENT, values("municipalityComment", "Ingen innvendinger"));
    assertThat(jdbc.queryForObject("SELECT municipality_comment_given FROM mentor_candidate WHERE mentor_id = ?",
        Boolean.class, mentorIdOf(pi))).isTrue();
  }

  @Test
  void aCandidateAt23MonthsSoberWaitsForTheTwoYearDay() {
    LocalDate soberSince = TODAY_DATE.minusMonths(23);
    ProcessInstance pi = register(candidate("Vera Venter", soberSince));

    Job timer = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(timer).isNotNull();
    assertThat(timer.getDuedate().toInstant().atZone(ZoneId.of("Europe/Oslo")).toLocalDate())
        .isEqualTo(soberSince.plusYears(2));
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();

    // the two-year day has come: the job executor runs the timer, the check passes
    management.executeJob(timer.getId());
    // executed "early" here, so the decision still says not yet: it waits again for the same day
    Job again = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(again.getDuedate()).isEqualTo(timer.getDuedate());

    // the candidate withdraws while waiting: reported in Tasklist by the adviser
    String withdrawal = latest(MentorOnboarding.WITHDRAWAL_KEY);
    as("radgiver");
    assertThatThrownBy(() -> forms.submitStartForm(withdrawal, values("candidateReference", "LM-9999",
        "withdrawalConfirmed", true))).hasMessageContaining("Fant ingen pågående rekruttering");
    forms.submitStartForm(withdrawal, values("candidateReference", pi.getBusinessKey().toLowerCase(),
        "withdrawalConfirmed", true));
    identity.clearAuthentication();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(mentors.find(mentorIdOf(pi, pi.getBusinessKey())).orElseThrow().status()).isEqualTo(MentorStatus.LEFT);
  }

  long mentorIdOf(ProcessInstance pi, String reference) {
    return jdbc.queryForObject("SELECT mentor_id FROM mentor_candidate WHERE reference = ?", Long.class, reference);
  }

  @Test
  void impossibleCandidateDataIsRefusedInNorwegian() {
    Map<String, Object> tooYoung = candidate("Ung Kandidat", TODAY_DATE.minusYears(3));
    tooYoung.put(BIRTH_YEAR, TODAY_DATE.getYear() - 17);
    tooYoung.put(SOBER_SINCE, TODAY_DATE.plusDays(3).toString());
    String onboarding = latest(MentorOnboarding.PROCESS_KEY);
    as("radgiver");
    assertThatThrownBy(() -> forms.submitStartForm(onboarding, tooYoung))
        .hasMessageContaining("Kandidaten må være minst 18 år.")
        .hasMessageContaining("Datoen kan ikke være fram i tid.");
    identity.clearAuthentication();

    ResponseEntity<String> viaRest = rest.withBasicAuth("radgiver", "radgiver").postForEntity(
        "/engine-rest/process-definition/key/mentorOnboarding/submit-form",
        json("{\"variables\":{\"birthYear\":{\"value\":" + (TODAY_DATE.getYear() - 10) + "}}}"), String.class);
    assertThat(viaRest.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(viaRest.getBody()).contains("Kandidaten må være minst 18 år.");
  }

  @Test
  void negativeHoursAndACourseCompletedTwiceAreRefused() {
    ProcessInstance pi = register(candidate("Kurs Kandidat", TODAY_DATE.minusYears(5)));
    work("prosjektleder", pi, ASSESS_SUITABILITY, values(SUITABILITY_DECISION, "approve"));
    work(candidatesCounsellor(), pi, COLLECT_MUNICIPALITY_COMMENT, values("municipalityComment", "Ok"));

    assertThatThrownBy(() -> course(pi, COMPLETE_BEDRE_HVERDAG, "bedreHverdag", -4))
        .hasMessageContaining("«Antall timer» må være minst 0.");
    jdbc.update("INSERT INTO mentor_course (mentor_id, course, completed_on, hours) VALUES (?, 'bedreHverdag', ?, 10)",
        mentorIdOf(pi), java.sql.Date.valueOf(TODAY_DATE));
    assertThatThrownBy(() -> course(pi, COMPLETE_BEDRE_HVERDAG, "bedreHverdag", 10))
        .hasMessageContaining("Kurset «Bedre hverdag» er allerede registrert som fullført.");
    assertThat(taskOf(pi, COMPLETE_BEDRE_HVERDAG)).isNotNull();
  }

  @Test
  void onlyTheRightRolesWorkInOnboarding() {
    ProcessInstance pi = register(candidate("Rolle Kandidat", TODAY_DATE.minusYears(4)));
    var assess = taskOf(pi, ASSESS_SUITABILITY);
    for (String user : new String[] {"likemann", "koordinator", "ruskonsulent", "radgiver"}) {
      as(user);
      assertThatThrownBy(() -> tasks.complete(assess.getId(), values(SUITABILITY_DECISION, "approve")))
          .as(user).isInstanceOf(AuthorizationException.class);
    }
    identity.clearAuthentication();
    String onboarding = latest(MentorOnboarding.PROCESS_KEY);
    as("likemann");
    assertThatThrownBy(() -> forms.submitStartForm(onboarding,
        candidate("Nei", TODAY_DATE.minusYears(4)))).isInstanceOf(AuthorizationException.class);
  }
}
