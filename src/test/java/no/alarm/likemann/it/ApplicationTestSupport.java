package no.alarm.likemann.it;

import static no.alarm.likemann.journey.ParticipantJourney.Element.*;
import static no.alarm.likemann.journey.ParticipantJourney.Var.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.mentor.MentorRegister;
import no.alarm.likemann.onboarding.MentorOnboarding;
import no.alarm.likemann.security.Roles;
import no.alarm.likemann.support.Referrals;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the integration tests share: the engine's services as the demo users use them, and small helpers. */
abstract class ApplicationTestSupport {

  @Autowired TestRestTemplate rest;
  /** The administrator's password: the demo's, or the one the profile sets. */
  @org.springframework.beans.factory.annotation.Value("${likemann.admin.password:admin}") String adminPassword;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired FormService forms;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired MentorRegister mentors;

  static final String TODAY = LocalDate.now(ZoneId.of("Europe/Oslo")).toString();

  /** A test user's password: the user's id, the administrator's own. */
  String password(String user) {
    return "admin".equals(user) ? adminPassword : user;
  }

  @AfterEach
  void logOut() {
    identity.clearAuthentication();
  }

  void as(String user) {
    identity.clearAuthentication();
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(g -> g.getId()).toList(), identity.createTenantQuery().userMember(user).includingGroupsOfUser(true)
        .list().stream().map(t -> t.getId()).toList());
  }

  ProcessInstance referByCounsellor() {
    as("ruskonsulent");
    String definitionId = latestJourney();
    // the counsellor refers with the municipality's view: the coordinator assesses next
    ProcessInstance pi = forms.submitStartForm(definitionId, Referrals.with(MUNICIPALITY_VIEW, "offer"));
    identity.clearAuthentication();
    return pi;
  }

  @Autowired org.camunda.bpm.engine.RepositoryService repository;

  String latestJourney() {
    return latest(ParticipantJourney.PROCESS_KEY);
  }

  String latest(String processKey) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult()
        .getId();
  }

  /** The journey's open weekly logs, oldest first: each week is a process of its own, called by the journey. */
  org.camunda.bpm.engine.task.TaskQuery weeklyLogs(ProcessInstance pi) {
    identity.clearAuthentication();
    List<String> weeks = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list().stream()
        .map(ProcessInstance::getId).toList();
    return tasks.createTaskQuery().processInstanceIdIn(weeks.isEmpty() ? new String[] {"none"}
        : weeks.toArray(String[]::new)).taskDefinitionKey(LOG_WEEKLY_CONTACTS);
  }

  Task taskOf(ProcessInstance pi, String key) {
    identity.clearAuthentication();
    if (ASSESS_REFERRAL.equals(key)) {
      municipalityViewIfAsked(pi);
    }
    Task t = LOG_WEEKLY_CONTACTS.equals(key) ? weeklyLogs(pi).singleResult()
        : tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    assertThat(t).as("task " + key).isNotNull();
    return t;
  }

  /** The user claims (unless assigned to them) and completes the task, as Tasklist does. */
  void work(String user, ProcessInstance pi, String key, Map<String, Object> values) {
    complete(user, taskOf(pi, key), values);
  }

  /**
   * The joint assessment's first half, where the referral did not carry it (a coordinator registered it): a
   * counsellor of the referral's municipality recommends an offer, as {@link #taskOf} asks for the assessment.
   * Tests about the view itself do it themselves.
   */
  void municipalityViewIfAsked(ProcessInstance pi) {
    Task asked = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(GIVE_MUNICIPALITY_VIEW)
        .singleResult();
    if (asked != null) {
      complete(counsellorOf(jdbc.queryForObject("SELECT municipality_code FROM referral WHERE process_instance_id = ?",
          String.class, pi.getId())), asked, values(MUNICIPALITY_VIEW, "offer"));
    }
  }

  /** A counsellor of the municipality (user id {@code rk} and the code), working in its region. */
  String counsellorOf(String municipality) {
    String id = "rk" + municipality.replaceAll("[^a-z0-9]", "");
    String region = jdbc.queryForObject("SELECT region FROM municipality WHERE code = ?", String.class, municipality);
    ensureUserIn(region, id, Roles.COUNSELLOR, Roles.counsellorsOf(municipality));
    return id;
  }

  /** As the user: claims the task unless it is theirs already, and submits its form. */
  void complete(String user, Task task, Map<String, Object> values) {
    as(user);
    try {
      if (!user.equals(task.getAssignee())) {
        tasks.claim(task.getId(), user);
      }
      forms.submitTaskForm(task.getId(), values);
    } finally {
      identity.clearAuthentication();
    }
  }

  static Map<String, Object> values(Object... keysAndValues) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  static Map<String, Object> couplingContract(boolean consent) {
    return values(COUPLING_MEETING_DATE, TODAY, "goals", "Stabil bolig og jobb", "confidentialityAgreed", true,
        "informationExchange", "Likemann og ruskonsulent deler det deltakeren samtykker til",
        "homeVisitsAllowed", "yes", "contactRelativesAllowed", "no", "participantInpatient", "no",
        CONSENT_SIGNED_BY_PARTICIPANT, true, CONSENT_SIGNED_BY_MENTOR, consent,
        AGREEMENT_SIGNED_BY_PARTICIPANT, true, AGREEMENT_SIGNED_BY_MENTOR, true, AGREEMENT_SIGNED_BY_COUNSELLOR, true);
  }

  static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  /** Coordinators complete their claimed matchMentor tasks at the same moment, all choosing the same mentor. */
  List<String> matchAtOnce(List<Task> matching, long mentorId) throws Exception {
    java.util.concurrent.ExecutorService coordinators =
        java.util.concurrent.Executors.newFixedThreadPool(matching.size());
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
    for (Task t : matching) {
      results.add(coordinators.submit(() -> {
        identity.setAuthentication("koordinator", List.of(no.alarm.likemann.security.Roles.COORDINATOR),
            List.of("grenland"));
        go.await();
        try {
          forms.submitTaskForm(t.getId(), values(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(mentorId)));
          return "ok";
        } catch (RuntimeException e) {
          return e.getMessage();
        } finally {
          identity.clearAuthentication();
        }
      }));
    }
    go.countDown();
    List<String> outcomes = new java.util.ArrayList<>();
    for (var f : results) {
      outcomes.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
    }
    coordinators.shutdown();
    return outcomes;
  }

  // the journey walked as far as a test needs it, by the demo users

  @Autowired no.alarm.likemann.followup.FollowUpCalendar calendar;

  /** A user (password = id) in the given groups, made once, working in Grenland like the demo users. */
  void ensureUser(String id, String... groups) {
    ensureUserIn("grenland", id, groups);
  }

  /** A user (password = id) in the given groups, made once, working in the region. */
  void ensureUserIn(String region, String id, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setPassword(id);
      // a test user, like the demo users: past the password policy
      ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identity).saveUser(user, true);
      for (String group : groups) {
        identity.createMembership(id, group);
      }
      identity.createTenantUserMembership(region, id);
    }
  }

  /**
   * A mentor of one test class's own, with a login and one slot, made active: the other tests count the demo
   * mentor's slots. {@link #pause} him when done, so that no other test matches him.
   */
  /** A counsellor of Porsgrunn, the test candidates' municipality: the one whose comment the onboarding asks for. */
  String candidatesCounsellor() {
    return counsellorOf("porsgrunn");
  }

  /**
   * A registered candidate through every gate of the onboarding to an active mentor: suitability, the
   * municipality's comment, the A-larm school (42 hours, then 3 supplementary), the confidentiality declaration,
   * employment with a NAV grant and a capacity of 3.
   */
  void onboardToActive(ProcessInstance pi) {
    work("prosjektleder", pi, MentorOnboarding.Element.ASSESS_SUITABILITY,
        values(MentorOnboarding.Var.SUITABILITY_DECISION, "approve"));
    work(candidatesCounsellor(), pi, MentorOnboarding.Element.COLLECT_MUNICIPALITY_COMMENT,
        values("municipalityComment", "Ingen innvendinger"));
    course(pi, MentorOnboarding.Element.COMPLETE_BEDRE_HVERDAG, "bedreHverdag", 12);
    course(pi, MentorOnboarding.Element.COMPLETE_BRUKERREPRESENTANT, "brukerrepresentant", 12);
    course(pi, MentorOnboarding.Element.COMPLETE_LIKEMANNSKURS, "likemannskurs", 18);
    // 42 hours: supplementary training first
    work("radgiver", pi, MentorOnboarding.Element.COMPLETE_SCHOOL_HOURS, values(
        MentorOnboarding.Var.SUPPLEMENT_COMPLETED_ON, TODAY, MentorOnboarding.Var.SUPPLEMENT_HOURS, 3));
    work("radgiver", pi, MentorOnboarding.Element.SIGN_CONFIDENTIALITY_DECLARATION, values(
        MentorOnboarding.Var.CONFIDENTIALITY_SIGNED_ON, TODAY, "confidentialityDeclarationSigned", true));
    work("prosjektleder", pi, MentorOnboarding.Element.ACKNOWLEDGE_CONFIDENTIALITY_COPY,
        values("confidentialityCopyReceived", true));
    work("radgiver", pi, MentorOnboarding.Element.EMPLOY_MENTOR, values(MentorOnboarding.Var.EMPLOYED_ON, TODAY,
        MentorOnboarding.Var.NAV_GRANT, "yes", MentorOnboarding.Var.MENTOR_CAPACITY, 3));
  }


  void course(ProcessInstance pi, String task, String prefix, int hours) {
    work("radgiver", pi, task, values(prefix + "CompletedOn", TODAY, prefix + "Hours", hours));
  }

  /** The task a timer makes: run the timer here unless the job executor is already at it. */
  Task dueTask(ProcessInstance pi, String key) throws InterruptedException {
    long until = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < until) {
      Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
      if (task != null) {
        return task;
      }
      org.camunda.bpm.engine.runtime.Job job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
      if (job != null) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException e) {
          // the job executor took it at the same moment (an optimistic-locking failure, or a null pointer from the
          // execution it had already moved on): wait for its task
        }
      }
      Thread.sleep(100);
    }
    return taskOf(pi, key);
  }

  long ownMentor(String username, String name) {
    ensureUser(username, Roles.MENTOR);
    long id = mentors.findByUsername(username).map(no.alarm.likemann.mentor.Mentor::id).orElseGet(() -> mentors.add(
        new no.alarm.likemann.mentor.NewMentor(username, name, no.alarm.likemann.mentor.MentorStatus.ACTIVE,
            "grenland", "skien", "male", 1980, "own", "Alkohol", null, 1)));
    jdbc.update("UPDATE mentor SET status = 'ACTIVE' WHERE id = ?", id);
    return id;
  }

  void pause(long mentorId) {
    jdbc.update("UPDATE mentor SET status = 'PAUSED' WHERE id = ?", mentorId);
  }

  /** Ends the journeys still running, as the participant's withdrawn consent does: their mentor's slots come free. */
  void endJourneys(ProcessInstance... journeys) {
    identity.clearAuthentication();
    for (ProcessInstance pi : journeys) {
      if (runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0) {
        runtime.createMessageCorrelation(ParticipantJourney.MESSAGE_CONSENT_WITHDRAWN).processInstanceId(pi.getId())
            .correlate();
      }
    }
  }

  long demoMentorId() {
    return mentors.findByUsername("likemann").orElseThrow().id();
  }

  ProcessInstance atMatching() {
    ProcessInstance pi = referByCounsellor();
    work("koordinator", pi, ASSESS_REFERRAL, values("assessment", "offer"));
    work("koordinator", pi, HOLD_INFORMATION_MEETING, values(INFORMATION_MEETING_DATE, TODAY,
        "participantAttended", true, PARTICIPANT_WANTS_MENTOR, "yes"));
    return pi;
  }

  ProcessInstance inFollowUpWithLars() {
    ProcessInstance pi = atMatching();
    work("koordinator", pi, MATCH_MENTOR, values(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(demoMentorId())));
    work("koordinator", pi, HOLD_COUPLING_MEETING, couplingContract(true));
    return pi;
  }

  /** Opens the journey's log for the week before today, as Monday morning's follow-up calendar would. */
  Task openWeeklyLog(ProcessInstance pi) {
    long coupling = ((Number) runtime.getVariable(pi.getId(), COUPLING_ID)).longValue();
    LocalDate today = LocalDate.now(no.alarm.likemann.calendar.OsloCalendar.OSLO);
    assertThat(calendar.openWeek(coupling, pi.getId(), no.alarm.likemann.followup.ContactWeek.before(today, today)))
        .isEqualTo(no.alarm.likemann.followup.FollowUpCalendar.Outcome.OPENED);
    return weeklyLogs(pi)
        .orderByTaskCreateTime().desc().list().get(0);
  }

}
