package no.alarm.likemann.it;

import static no.alarm.likemann.journey.ParticipantJourney.Element.*;
import static no.alarm.likemann.journey.ParticipantJourney.Var.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.support.Referrals;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What a person can read and change of a participant's case, tried as an attacker with a login would: through
 * /engine-rest and through Tasklist's own session API, the paths the forms do not show (nested in the H2 and
 * PostgreSQL test classes).
 */
abstract class AbstractLeastAccessTests extends ApplicationTestSupport {

  /** What the mentor's weekly log shows: the week, the reference, the goals and the participant's own rules. */
  static final Set<String> WEEK_VARIABLES = Set.of(WEEK_START, WEEK_END, WEEK_LABEL, WEEK_COUPLING_ID,
      REFERRAL_REFERENCE, MENTOR_USERNAME, MENTOR_NAME, "goals", "homeVisitsAllowed", "contactRelativesAllowed",
      "otherFollowUpRules");
  /** The referral's and the coordinator's details, never the mentor's to read. */
  static final List<String> CASE_DETAILS = List.of(SUBSTANCE_HISTORY, FUTURE_WISHES, COUNSELLOR_CONTACT,
      COUNSELLOR_NAME, "assessmentNote", "informationMeetingNotes", "matchingNote", MENTOR_SUGGESTIONS, MENTOR_OPTIONS,
      AGE, TREATMENT_STATUS);

  static final ObjectMapper JSON = new ObjectMapper();

  /** The mentor of these tests: matchable only while a test of this class follows a participant with him. */
  static final String MENTOR = "tore";

  /** A journey in follow-up with {@link #MENTOR}; afterwards the journey ends and the mentor is paused again. */
  void withOwnMentor(JourneyTest test) throws Exception {
    long id = ownMentor(MENTOR, "Tore Testmann");
    ProcessInstance pi = atMatching();
    try {
      work("koordinator", pi, MATCH_MENTOR, values(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(id)));
      work("koordinator", pi, HOLD_COUPLING_MEETING, couplingContract(true));
      test.run(pi);
    } finally {
      endJourneys(pi);
      pause(id);
    }
  }

  interface JourneyTest {
    void run(ProcessInstance pi) throws Exception;
  }

  @Test
  void theMentorReadsTheWeekOfHisLogAndNothingOfTheJourneyThroughAnyApi() throws Exception {
    withOwnMentor(this::mentorReadsOnlyTheWeek);
  }

  void mentorReadsOnlyTheWeek(ProcessInstance pi) throws Exception {
    Task week = openWeeklyLog(pi);
    // the coupling meeting's agreement is the register's, put on the week's task; the journey holds none of it
    assertThat(runtime.getVariables(pi.getId())).doesNotContainKeys("goals", "homeVisitsAllowed",
        "contactRelativesAllowed", "otherFollowUpRules", "informationExchange");
    assertThat(tasks.getVariablesLocal(week.getId())).containsEntry("goals", "Stabil bolig og jobb")
        .containsEntry("homeVisitsAllowed", "yes").containsEntry("contactRelativesAllowed", "no");
    var mentor = rest.withBasicAuth(MENTOR, MENTOR);

    for (String path : List.of("/engine-rest/task/%s/variables", "/engine-rest/task/%s/form-variables")) {
      ResponseEntity<String> answer = mentor.getForEntity(path.formatted(week.getId()), String.class);
      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
      assertThat(names(answer.getBody())).as(path).isSubsetOf(WEEK_VARIABLES).contains(WEEK_LABEL, REFERRAL_REFERENCE)
          .doesNotContainAnyElementsOf(CASE_DETAILS);
    }
    // the same through Tasklist's own API, with the mentor's login session
    Webapp tasklist = Webapp.logIn(rest.getRootUri(), MENTOR);
    for (String path : List.of("/camunda/api/engine/engine/default/task/%s/variables",
        "/camunda/api/engine/engine/default/task/%s/form-variables")) {
      HttpResponse<String> answer = tasklist.get(path.formatted(week.getId()));
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      assertThat(names(answer.body())).as(path).isSubsetOf(WEEK_VARIABLES).doesNotContainAnyElementsOf(CASE_DETAILS);
    }
    // the journey itself: its variables, its history and its decisions are not his
    assertThat(mentor.getForEntity("/engine-rest/process-instance/" + pi.getId() + "/variables", String.class)
        .getStatusCode().is2xxSuccessful()).isFalse();
    for (String list : List.of("/engine-rest/variable-instance?processInstanceIdIn=" + pi.getId(),
        "/engine-rest/history/variable-instance?processInstanceId=" + pi.getId(),
        "/engine-rest/history/detail?processInstanceId=" + pi.getId(),
        "/engine-rest/history/decision-instance?includeInputs=true&processInstanceId=" + pi.getId(),
        "/engine-rest/history/user-operation?processInstanceId=" + pi.getId(),
        "/engine-rest/task?processInstanceId=" + pi.getId(),
        "/engine-rest/history/task?processInstanceId=" + pi.getId())) {
      ResponseEntity<String> answer = mentor.getForEntity(list, String.class);
      assertThat(answer.getStatusCode().is5xxServerError()).as(list).isFalse();
      if (answer.getStatusCode().is2xxSuccessful()) {
        assertThat(JSON.readTree(answer.getBody())).as(list).isEmpty();
      }
      assertThat(tasklist.get(list.replace("/engine-rest", "/camunda/api/engine/engine/default")).body())
          .as("session API " + list).doesNotContain("Alkohol", "Rune", "35 00");
    }
  }

  @Test
  void theMentorChangesNothingButThroughHisWeeklyLogsForm() throws Exception {
    withOwnMentor(this::mentorChangesOnlyThroughTheForm);
  }

  void mentorChangesOnlyThroughTheForm(ProcessInstance pi) throws Exception {
    Task week = openWeeklyLog(pi);
    var mentor = rest.withBasicAuth(MENTOR, MENTOR);
    Object wishes = runtime.getVariable(pi.getId(), FUTURE_WISHES);

    ResponseEntity<String> put = mentor.exchange("/engine-rest/task/" + week.getId() + "/variables/" + FUTURE_WISHES,
        HttpMethod.PUT, json("{\"value\":\"endret\",\"type\":\"String\"}"), String.class);
    assertThat(put.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> modify = mentor.postForEntity("/engine-rest/task/" + week.getId() + "/variables",
        json("{\"modifications\":{\"" + WEEK_COUPLING_ID + "\":{\"value\":3,\"type\":\"Long\"}}}"), String.class);
    assertThat(modify.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(runtime.getVariable(pi.getId(), FUTURE_WISHES)).isEqualTo(wishes);

    // another participant's coupling and another assignee sent with the log: refused, and nothing is written
    int logged = jdbc.queryForObject("SELECT COUNT(*) FROM weekly_contact_log", Integer.class);
    ResponseEntity<String> submitted = mentor.postForEntity("/engine-rest/task/" + week.getId() + "/submit-form",
        json("{\"variables\":{\"contactCount\":{\"value\":0},\"weekCouplingId\":{\"value\":3},"
            + "\"mentorUsername\":{\"value\":\"koordinator\"}}}"), String.class);
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(submitted.getBody()).contains("weekCouplingId is not a field of form logWeeklyContacts")
        .contains("mentorUsername is not a field");
    ResponseEntity<String> serialized = mentor.postForEntity("/engine-rest/task/" + week.getId() + "/complete",
        json("{\"variables\":{\"contactCount\":{\"type\":\"Object\",\"value\":\"rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==\","
            + "\"valueInfo\":{\"objectTypeName\":\"java.util.HashMap\","
            + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}"), String.class);
    assertThat(serialized.getStatusCode().is4xxClientError()).as(serialized.getBody()).isTrue();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM weekly_contact_log", Integer.class)).isEqualTo(logged);
    assertThat(tasks.createTaskQuery().taskId(week.getId()).count()).isEqualTo(1);

    // the form's own fields go through
    ResponseEntity<String> fine = mentor.postForEntity("/engine-rest/task/" + week.getId() + "/submit-form",
        json("{\"variables\":{\"contactCount\":{\"value\":0},\"coordinatorContact\":{\"value\":\"yes\"}}}"), String.class);
    assertThat(fine.getStatusCode()).as(fine.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM weekly_contact_log", Integer.class)).isEqualTo(logged + 1);
  }

  @Test
  void theCoordinatorCannotRewriteTheReferralWhileAssessingIt() {
    ProcessInstance pi = referByCounsellor();
    Object age = runtime.getVariable(pi.getId(), AGE);
    Task assess = taskOf(pi, ASSESS_REFERRAL);
    var kari = rest.withBasicAuth("koordinator", "koordinator");
    assertThat(kari.postForEntity("/engine-rest/task/" + assess.getId() + "/claim",
        json("{\"userId\":\"koordinator\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    ResponseEntity<String> refused = kari.postForEntity("/engine-rest/task/" + assess.getId() + "/complete",
        json("{\"variables\":{\"assessment\":{\"value\":\"offer\"},\"age\":{\"value\":5},"
            + "\"municipality\":{\"value\":\"porsgrunn\"},\"referralReference\":{\"value\":\"HEN-2026-00001\"}}}"),
        String.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("Feltet «age» finnes ikke i skjemaet.")
        .contains("municipality is not a field of form assessReferral");
    assertThat(runtime.getVariable(pi.getId(), AGE)).isEqualTo(age).isNotEqualTo(5);
    assertThat(runtime.getVariable(pi.getId(), REFERRAL_REFERENCE)).isEqualTo(pi.getBusinessKey());
    assertThat(taskOf(pi, ASSESS_REFERRAL).getId()).isEqualTo(assess.getId());
    // what the coordinator writes is kept in the register, not in the journey the next tasks can read
    work("koordinator", pi, ASSESS_REFERRAL, values("assessment", "offer", "assessmentNote", "Passer godt for Lars"));
    assertThat(runtime.getVariables(pi.getId())).doesNotContainKey("assessmentNote");
    assertThat(jdbc.queryForList("SELECT note FROM case_note WHERE reference = ? AND step = ?", String.class,
        pi.getBusinessKey(), ASSESS_REFERRAL)).containsExactly("Passer godt for Lars");
    assertThat(tasks.getVariables(taskOf(pi, HOLD_INFORMATION_MEETING).getId())).doesNotContainKey("assessmentNote");
    // nor read the journey's variables outside the task
    assertThat(kari.getForEntity("/engine-rest/process-instance/" + pi.getId() + "/variables", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  /**
   * Who may start which process through /engine-rest, every demo role against every deployed process: a role that may
   * start it gets its form's refusal of an empty start (400, nothing started), any other role 403 or 404. The table is
   * written here, not read from the models, so a model that lets one more group start fails the test.
   */
  static final Map<String, Set<String>> STARTERS = Map.ofEntries(
      Map.entry("participantJourney", Set.of("koordinator", "ruskonsulent")),
      Map.entry("treatmentUpdate", Set.of("koordinator", "ruskonsulent")),
      Map.entry("journeyChange", Set.of("koordinator", "ruskonsulent", "likemann")),
      Map.entry("agreementDeviation", Set.of("koordinator", "ruskonsulent", "likemann")),
      Map.entry("journeyMeeting", Set.of("koordinator", "ruskonsulent", "likemann")),
      Map.entry("closingEvaluation", Set.of("koordinator")),
      Map.entry("monthlyReporting", Set.of("koordinator")),
      Map.entry("workParticipation", Set.of("koordinator", "likemann")),
      Map.entry("relapseReport", Set.of("koordinator", "likemann", "radgiver")),
      Map.entry("mentorOnboarding", Set.of("koordinator", "radgiver", "prosjektleder")),
      Map.entry("candidateWithdrawal", Set.of("koordinator", "radgiver", "prosjektleder")),
      Map.entry("steeringGroupReport", Set.of("prosjektleder")),
      Map.entry("workingGroupMonth", Set.of("prosjektleder")),
      Map.entry("erasePerson", Set.of("prosjektleder")),
      Map.entry("addMunicipality", Set.of()),
      Map.entry("activeMentor", Set.of()),
      Map.entry("inpatientStay", Set.of()),
      Map.entry("navMentorGrant", Set.of("radgiver", "prosjektleder")),
      Map.entry("contactWeek", Set.of()),
      Map.entry("finalContactWeek", Set.of()),
      Map.entry("monthlyReportingTimer", Set.of()),
      Map.entry("steeringGroupReportTimer", Set.of()),
      Map.entry("workingGroupMonthTimer", Set.of()));

  @Test
  void everyRoleStartsOnlyTheProcessesItsWorkNeeds() {
    List<String> deployed = repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(d -> d.getKey()).distinct().sorted().toList();
    assertThat(deployed).as("every deployed process has its row").containsExactlyInAnyOrderElementsOf(
        STARTERS.keySet());
    long instances = runtime.createProcessInstanceQuery().count();
    StringBuilder measured = new StringBuilder();
    List<String> wrong = new java.util.ArrayList<>();
    for (String key : deployed) {
      measured.append(String.format("%-26s", key));
      for (String user : List.of("koordinator", "ruskonsulent", "likemann", "radgiver", "prosjektleder",
          "styringsgruppe", "arbeidsgruppe", "koordinatorsr")) {
        ResponseEntity<String> answer = rest.withBasicAuth(user, password(user)).postForEntity(
            "/engine-rest/process-definition/key/" + key + "/submit-form", json("{\"variables\":{}}"), String.class);
        int status = answer.getStatusCode().value();
        boolean may = status == 400;
        measured.append(String.format(" %s:%d", user, status));
        boolean expected = STARTERS.get(key).contains(user.replaceFirst("sr$", ""));
        if (may != expected || (status != 400 && status != 403 && status != 404)) {
          wrong.add(key + " " + user + " " + status + " " + answer.getBody());
        }
      }
      measured.append('\n');
    }
    System.out.println("Who may start what (400: the form refused an empty start; 403/404: not theirs)\n" + measured);
    assertThat(wrong).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  /**
   * What Tasklist opens after "Fullfør" ({@code /api/tasks/next}): the case's next task for the one who completed the
   * task, never standing tasks, nothing about another's work or another region's, 401 anonymous.
   */
  @Test
  void theNextTaskIsTheCompletersOwnCasesAndNothingMore() {
    ProcessInstance pi = referByCounsellor();
    Task assess = taskOf(pi, ASSESS_REFERRAL);
    complete("koordinator", assess, values("assessment", "offer"));
    var kari = rest.withBasicAuth("koordinator", "koordinator");

    ResponseEntity<String> next = kari.getForEntity("/api/tasks/next?after=" + assess.getId(), String.class);
    assertThat(next.getStatusCode()).isEqualTo(HttpStatus.OK);
    Task meeting = taskOf(pi, HOLD_INFORMATION_MEETING);
    assertThat(next.getBody()).contains("\"completed\":\"Vurder henvisning\"", "\"reference\":\""
        + pi.getBusinessKey() + "\"", "\"taskId\":\"" + meeting.getId() + "\"", "\"yours\":false")
        .doesNotContain("Alkohol", "Rune");
    assertThat(next.getHeaders().getCacheControl()).isEqualTo("no-store");
    // another coordinator did not complete it, nor did another region's; anonymous: 401
    for (String user : List.of("koordinatorsr", "ruskonsulent", "likemann")) {
      assertThat(rest.withBasicAuth(user, user).getForEntity("/api/tasks/next?after=" + assess.getId(), String.class)
          .getStatusCode()).as(user).isEqualTo(HttpStatus.NOT_FOUND);
    }
    assertThat(rest.getForEntity("/api/tasks/next?after=" + assess.getId(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(kari.getForEntity("/api/tasks/next", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // the one who started the journey is told its reference; a referral from Skien's counsellor is not Kari's start
    assertThat(rest.withBasicAuth("ruskonsulent", "ruskonsulent").getForEntity("/api/tasks/next?started="
        + pi.getId(), String.class).getBody()).contains("\"reference\":\"" + pi.getBusinessKey() + "\"");
    assertThat(kari.getForEntity("/api/tasks/next?started=" + pi.getId(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    endJourneys(pi);
  }

  @Test
  void nobodyButTheAdministratorStartsAProcessWithoutItsFormOrSendsItVariables() throws Exception {
    long instances = runtime.createProcessInstanceQuery().count();
    var rune = rest.withBasicAuth("ruskonsulent", "ruskonsulent");

    ResponseEntity<String> start = rune.postForEntity(
        "/engine-rest/process-definition/key/" + ParticipantJourney.PROCESS_KEY + "/start",
        json("{\"variables\":{\"municipality\":{\"value\":\"skien\"},\"priority\":{\"value\":3}}}"), String.class);
    assertThat(start.getStatusCode()).as(start.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> extra = rune.postForEntity(
        "/engine-rest/process-definition/key/" + ParticipantJourney.PROCESS_KEY + "/submit-form",
        json("{\"variables\":{\"municipality\":{\"value\":\"skien\"},\"priority\":{\"value\":3}}}"), String.class);
    assertThat(extra.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(extra.getBody()).contains("priority is not a field of form referralReceived");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);

    withOwnMentor(this::noMessageWithVariables);
  }

  void noMessageWithVariables(ProcessInstance pi) {
    ResponseEntity<String> message = rest.withBasicAuth("koordinator", "koordinator").postForEntity(
        "/engine-rest/message", json("{\"messageName\":\"" + ParticipantJourney.MESSAGE_CONTACT_WEEK_ENDED + "\","
            + "\"processInstanceId\":\"" + pi.getId() + "\",\"processVariables\":{\"mentorUsername\":"
            + "{\"value\":\"koordinator\"}}}"), String.class);
    assertThat(message.getStatusCode().is4xxClientError()).as(message.getBody()).isTrue();
    assertThat(runtime.getVariable(pi.getId(), MENTOR_USERNAME)).isEqualTo(MENTOR);
  }

  @Test
  void aMentorReportsARelapseAboutHimselfOnly() {
    // another active mentor, with no free slot so that no other test matches him
    long other = mentors.add(new no.alarm.likemann.mentor.NewMentor(null, "Per Annenmann",
        no.alarm.likemann.mentor.MentorStatus.ACTIVE, "grenland", "skien", "male", 1980, "own", "Alkohol", null, 0));
    ResponseEntity<String> refused = rest.withBasicAuth("likemann", "likemann").postForEntity(
        "/engine-rest/process-definition/key/" + no.alarm.likemann.mentor.ActiveMentor.RELAPSE_REPORT_KEY
            + "/submit-form", json("{\"variables\":{\"mentorReference\":{\"value\":\"LM-" + other + "\"},"
            + "\"relapseConfirmed\":{\"value\":true}}}"), String.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("Som likemann kan du bare melde om deg selv")
        .contains("a mentor may report a relapse about himself only");
    assertThat(mentors.find(other).orElseThrow().status()).isEqualTo(no.alarm.likemann.mentor.MentorStatus.ACTIVE);
  }

  @Test
  void theReferralCarriesTheCounsellorOfTheLoginNotWhatWasTyped() {
    ProcessInstance pi = referByCounsellor();
    // kept in the register and shown on the assessment, never a variable of the journey
    Map<String, Object> kept = jdbc.queryForMap("SELECT counsellor_name, counsellor_contact, substance_history"
        + " FROM referral_detail WHERE reference = ?", pi.getBusinessKey());
    assertThat(List.of(kept.get("counsellor_name"), kept.get("counsellor_contact"), kept.get("substance_history")))
        .containsExactly("Rune Ruskonsulent", "ruskonsulent@likemann.example", "Alkohol og piller");
    assertThat(runtime.getVariables(pi.getId())).doesNotContainKeys(COUNSELLOR_NAME, COUNSELLOR_CONTACT,
        SUBSTANCE_HISTORY, FUTURE_WISHES);
    Task assess = taskOf(pi, ASSESS_REFERRAL);
    assertThat(tasks.getVariablesLocal(assess.getId())).containsEntry(COUNSELLOR_NAME, "Rune Ruskonsulent")
        .containsEntry(SUBSTANCE_HISTORY, "Alkohol og piller").containsEntry(FUTURE_WISHES, "Komme i jobb");
    ResponseEntity<String> typed = rest.withBasicAuth("ruskonsulent", "ruskonsulent").postForEntity(
        "/engine-rest/process-definition/key/" + ParticipantJourney.PROCESS_KEY + "/submit-form",
        json("{\"variables\":{\"counsellorName\":{\"value\":\"Noen Andre\"}}}"), String.class);
    assertThat(typed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void everyReadOfACaseIsLoggedAndOnlyTheProjectLeaderSeesWhoRead() throws Exception {
    withOwnMentor(this::readsAreLogged);
  }

  void readsAreLogged(ProcessInstance pi) throws Exception {
    String reference = pi.getBusinessKey();
    Task week = openWeeklyLog(pi);
    int before = reads(reference);

    // the mentor opens his weekly log through the REST API and through Tasklist
    assertThat(rest.withBasicAuth(MENTOR, MENTOR).getForEntity("/engine-rest/task/" + week.getId()
        + "/form-variables", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    Webapp tasklist = Webapp.logIn(rest.getRootUri(), MENTOR);
    assertThat(tasklist.get("/camunda/api/engine/engine/default/task/" + week.getId() + "/form-variables")
        .statusCode()).isEqualTo(200);
    // a refused read reads nothing
    assertThat(rest.withBasicAuth(MENTOR, MENTOR).getForEntity("/engine-rest/process-instance/" + pi.getId()
        + "/variables", String.class).getStatusCode().is2xxSuccessful()).isFalse();
    // the coordinator's list shows the case among others
    assertThat(rest.withBasicAuth("koordinator", "koordinator").getForEntity("/api/referrals", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(reads(reference)).isEqualTo(before + 3);
    List<Map<String, Object>> logged = jdbc.queryForList("SELECT read_by, what, via FROM case_read"
        + " WHERE reference = ? ORDER BY id DESC", reference).subList(0, 3);
    assertThat(logged).extracting(r -> r.get("read_by") + " " + r.get("what") + " " + r.get("via")).containsExactly(
        "koordinator referral list API",
        MENTOR + " task logWeeklyContacts: form-variables WEBAPP",
        MENTOR + " task logWeeklyContacts: form-variables REST");

    // the administrator's look at the instance, as Cockpit's instance view asks for it, is a read too
    assertThat(rest.withBasicAuth("admin", adminPassword).getForEntity("/engine-rest/process-instance/"
        + pi.getId(), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(jdbc.queryForList("SELECT read_by || ' ' || what FROM case_read WHERE reference = ? ORDER BY id DESC",
        String.class, reference).get(0)).isEqualTo("admin process instance");
    // the project leader sees who has read the case; nobody else may
    ResponseEntity<String> seen = rest.withBasicAuth("prosjektleder", "prosjektleder")
        .getForEntity("/api/case-reads/" + reference, String.class);
    assertThat(seen.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(seen.getBody()).contains("\"readBy\":\"" + MENTOR + "\"").contains("koordinator");
    assertThat(seen.getHeaders().getCacheControl()).isEqualTo("no-store");
    for (String other : List.of("koordinator", "ruskonsulent", "likemann", "radgiver", "styringsgruppe")) {
      assertThat(rest.withBasicAuth(other, other).getForEntity("/api/case-reads/" + reference, String.class)
          .getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(rest.getForEntity("/api/case-reads/" + reference, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // and looking is itself a read
    assertThat(jdbc.queryForList("SELECT read_by FROM case_read WHERE reference = ? ORDER BY id DESC",
        String.class, reference).get(0)).isEqualTo("prosjektleder");
  }

  @Test
  void postedQueriesAndListsOverManyCasesAreLoggedForEachCaseTheyShow() throws Exception {
    ProcessInstance one = referByCounsellor();
    ProcessInstance two = referByCounsellor();
    try {
      String both = "{\"processInstanceIdIn\":[\"" + one.getId() + "\",\"" + two.getId() + "\"]}";
      int beforeOne = reads(one.getBusinessKey());
      int beforeTwo = reads(two.getBusinessKey());
      // the administrator's POSTed query over both journeys' variables, through /engine-rest
      assertThat(rest.withBasicAuth("admin", adminPassword).postForEntity("/engine-rest/variable-instance",
          json(both), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
      // and Cockpit's query of their history, through the webapps' session API
      Webapp cockpit = Webapp.logIn(rest.getRootUri(), "admin", adminPassword, "cockpit");
      assertThat(cockpit.post("/camunda/api/engine/engine/default/history/variable-instance", both).statusCode())
          .isEqualTo(200);
      // a GET of one journey's variable changes
      assertThat(rest.withBasicAuth("admin", adminPassword).getForEntity("/engine-rest/history/detail"
          + "?processInstanceId=" + one.getId(), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
      // a count shows no case
      assertThat(rest.withBasicAuth("admin", adminPassword).postForEntity("/engine-rest/variable-instance/count",
          json(both), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

      assertThat(whatWasRead(one.getBusinessKey(), beforeOne)).containsExactly(
          "admin variables REST", "admin history: variables WEBAPP", "admin history: variable changes REST");
      assertThat(whatWasRead(two.getBusinessKey(), beforeTwo)).containsExactly(
          "admin variables REST", "admin history: variables WEBAPP");
      // a query that shows nothing of the case (a person without the right to its variables) reads nothing
      int now = reads(one.getBusinessKey());
      assertThat(rest.withBasicAuth(MENTOR, MENTOR).postForEntity("/engine-rest/variable-instance", json(both),
          String.class).getBody()).isEqualTo("[]");
      assertThat(reads(one.getBusinessKey())).isEqualTo(now);
    } finally {
      endJourneys(one, two);
    }
  }

  /** Who read what through which path since the first {@code before} reads, the oldest first. */
  List<String> whatWasRead(String reference, int before) {
    List<String> all = jdbc.queryForList("SELECT read_by || ' ' || what || ' ' || via FROM case_read"
        + " WHERE reference = ? ORDER BY id", String.class, reference);
    return all.subList(before, all.size());
  }

  @org.springframework.beans.factory.annotation.Autowired no.alarm.likemann.readlog.CaseReads caseReads;

  @Test
  void theReadLogGoesWithTheCasesHistory() {
    ProcessInstance old = referByCounsellor();
    ProcessInstance recent = referByCounsellor();
    try {
      var now = java.time.Instant.now();
      caseReads.record(List.of(
          new no.alarm.likemann.readlog.CaseRead(old.getBusinessKey(), "koordinator", now, "test",
              no.alarm.likemann.readlog.CaseRead.Via.API),
          new no.alarm.likemann.readlog.CaseRead(recent.getBusinessKey(), "koordinator", now, "test",
              no.alarm.likemann.readlog.CaseRead.Via.API)));
      // one journey ended a day more than the history's time to live ago, the other yesterday
      jdbc.update("UPDATE referral SET outcome = 'CLOSED', ended_at = ? WHERE reference = ?",
          java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(1826))), old.getBusinessKey());
      jdbc.update("UPDATE referral SET outcome = 'CLOSED', ended_at = ? WHERE reference = ?",
          java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(1))), recent.getBusinessKey());

      assertThat(caseReads.removeExpired(java.time.Duration.ofDays(1825))).isGreaterThanOrEqualTo(1);

      assertThat(reads(old.getBusinessKey())).isZero();
      assertThat(reads(recent.getBusinessKey())).isPositive();
    } finally {
      endJourneys(old, recent);
    }
  }

  int reads(String reference) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM case_read WHERE reference = ?", Integer.class, reference);
  }

  @Test
  void theMentorSeesTheParticipantsHeFollowsWithTheirGoalsAndRulesAndNoHealthDetails() throws Exception {
    withOwnMentor(this::mentorSeesHisParticipants);
  }

  void mentorSeesHisParticipants(ProcessInstance pi) throws Exception {
    ResponseEntity<String> mine = rest.withBasicAuth(MENTOR, MENTOR).getForEntity("/api/my-participants",
        String.class);
    assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode participants = JSON.readTree(mine.getBody());
    assertThat(participants).hasSize(1);
    assertThat(participants.get(0).path("reference").asText()).isEqualTo(pi.getBusinessKey());
    assertThat(participants.get(0).path("goals").asText()).isEqualTo("Stabil bolig og jobb");
    assertThat(participants.get(0).path("homeVisitsAllowed").asText()).isEqualTo("yes");
    assertThat(names(JSON.writeValueAsString(participants.get(0)))).containsExactlyInAnyOrder("reference",
        "followedSince", "goals", "homeVisitsAllowed", "contactRelativesAllowed", "otherFollowUpRules");
    assertThat(mine.getBody()).doesNotContain("Alkohol", "Rune", "ruskonsulent", "Komme i jobb");
    assertThat(jdbc.queryForList("SELECT what FROM case_read WHERE reference = ? AND read_by = ?", String.class,
        pi.getBusinessKey(), MENTOR)).contains("mentor's participants");
    assertThat(rest.withBasicAuth(MENTOR, MENTOR).getForEntity("/api/my-participants/access", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    for (String other : List.of("koordinator", "ruskonsulent", "styringsgruppe")) {
      assertThat(rest.withBasicAuth(other, other).getForEntity("/api/my-participants", String.class)
          .getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(rest.withBasicAuth(other, other).getForEntity("/api/my-participants/access", String.class)
          .getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(rest.getForEntity("/api/my-participants", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // another mentor sees none of them
    assertThat(rest.withBasicAuth("likemann", "likemann").getForEntity("/api/my-participants", String.class)
        .getBody()).doesNotContain(pi.getBusinessKey());
  }

  @Test
  void eachRegionsSteeringGroupCountsItsOwnRegionOnly() throws Exception {
    // five in each region, so that each region's breakdown by municipality can be shown at all
    List<ProcessInstance> referred = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        referred.add(referByCounsellor());
        as("koordinatorsr");
        referred.add(forms.submitStartForm(latestJourney(), Referrals.with(MUNICIPALITY, "sandnes")));
        identity.clearAuthentication();
      }
      JsonNode own = JSON.readTree(rest.withBasicAuth("styringsgruppe", "styringsgruppe")
          .getForEntity("/api/reports/summary", String.class).getBody());
      JsonNode theirs = JSON.readTree(rest.withBasicAuth("styringsgruppesr", "styringsgruppesr")
          .getForEntity("/api/reports/summary", String.class).getBody());
      JsonNode all = JSON.readTree(rest.withBasicAuth("admin", adminPassword)
          .getForEntity("/api/reports/summary", String.class).getBody());

      // each counts its own region's referrals (at least the five just made: a number, not "under 5"), and its
      // breakdown names its own municipalities only (a table that cannot hide a small cell shows none)
      String inRegion = "SELECT COUNT(*) FROM referral r JOIN municipality m ON m.code = r.municipality_code"
          + " WHERE m.region = ?";
      assertThat(own.path("referrals").asInt()).isEqualTo(jdbc.queryForObject(inRegion, Integer.class, "grenland"));
      assertThat(theirs.path("referrals").asInt())
          .isEqualTo(jdbc.queryForObject(inRegion, Integer.class, "sorRogaland"));
      assertThat(names(own.path("referralsByMunicipality").path("cells").toString()))
          .isSubsetOf(jdbc.queryForList("SELECT name FROM municipality WHERE region = 'grenland'", String.class));
      assertThat(names(theirs.path("referralsByMunicipality").path("cells").toString()))
          .isSubsetOf(jdbc.queryForList("SELECT name FROM municipality WHERE region = 'sorRogaland'",
              String.class));
      assertThat(names(own.path("capacityByRegion").toString())).containsExactly("Grenland");
      assertThat(names(theirs.path("capacityByRegion").toString())).containsExactly("Sør-Rogaland");
      // the administrator's figures are the regions' together
      assertThat(all.path("referrals").asInt()).isGreaterThanOrEqualTo(
          own.path("referrals").asInt() + theirs.path("referrals").asInt()).isGreaterThanOrEqualTo(10);
      assertThat(all.path("referrals").asInt()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM referral",
          Integer.class));
    } finally {
      endJourneys(referred.toArray(ProcessInstance[]::new));
    }
  }

  /**
   * Whatever the database holds, no figure that leaves the case level is a count from 1 to 4: every whole number in
   * the summary, for every role that may read it, is 0 or at least 5 (shares, averages and medians are decimals, and
   * hidden when they are over fewer than five). One referral in a region of few makes the small numbers to hide.
   */
  @Test
  void noFigureThatLeavesTheCaseLevelIsACountFromOneToFour() throws Exception {
    as("koordinatorsr");
    ProcessInstance one = forms.submitStartForm(latestJourney(), Referrals.with(MUNICIPALITY, "sandnes"));
    identity.clearAuthentication();
    try {
      for (String user : List.of("styringsgruppe", "styringsgruppesr", "prosjektleder", "koordinator",
          "koordinatorsr", "radgiver", "admin")) {
        var answer = rest.withBasicAuth(user, "admin".equals(user) ? adminPassword : password(user))
            .getForEntity("/api/reports/summary", String.class);
        assertThat(answer.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        JsonNode summary = JSON.readTree(answer.getBody());
        assertThat(summary.path("smallestCountShown").asInt()).isEqualTo(5);
        List<String> small = new java.util.ArrayList<>();
        smallCounts(summary, "", small);
        assertThat(small).as(user + ": " + answer.getBody()).isEmpty();
      }
      // the region with the one new referral shows its municipalities' figures as under 5 or hidden, not as numbers
      JsonNode theirs = JSON.readTree(rest.withBasicAuth("styringsgruppesr", "styringsgruppesr")
          .getForEntity("/api/reports/summary", String.class).getBody());
      int sandnes = jdbc.queryForObject("SELECT COUNT(*) FROM referral WHERE municipality_code = 'sandnes'",
          Integer.class);
      JsonNode cell = theirs.path("referralsByMunicipality").path("cells").path("Sandnes");
      if (sandnes < 5) {
        assertThat(cell.isNumber()).as("Sandnes has %d referrals: %s", sandnes, cell).isFalse();
      }
    } finally {
      endJourneys(one);
    }
  }

  /** Every whole number in the JSON that is a count from 1 to 4, by its path (the threshold itself left out). */
  static void smallCounts(JsonNode node, String path, List<String> found) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (!e.getKey().equals("smallestCountShown")) {
          smallCounts(e.getValue(), path + "/" + e.getKey(), found);
        }
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        smallCounts(node.get(i), path + "/" + i, found);
      }
    } else if (node.isIntegralNumber() && node.asInt() >= 1 && node.asInt() <= 4) {
      found.add(path + "=" + node.asInt());
    }
  }

  @Test
  void eachRegionSeesOnlyItsOwnJourneysTheOtherRegionNothing() throws Exception {
    ProcessInstance grenland = referByCounsellor();
    as("koordinatorsr");
    ProcessInstance rogaland = forms.submitStartForm(latestJourney(), Referrals.with(MUNICIPALITY, "stavanger"));
    identity.clearAuthentication();
    try {
      // each journey, its history and its priority decision belong to the region of the referral's municipality
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(grenland.getId()).singleResult()
          .getTenantId()).isEqualTo("grenland");
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(rogaland.getId()).singleResult()
          .getTenantId()).isEqualTo("sorRogaland");
      assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(rogaland.getId()).list())
          .isNotEmpty().allSatisfy(d -> assertThat(d.getTenantId()).isEqualTo("sorRogaland"));

      record Sees(String user, ProcessInstance own, ProcessInstance other) {}
      for (Sees s : List.of(new Sees("koordinator", grenland, rogaland), new Sees("koordinatorsr", rogaland, grenland))) {
        as(s.user());
        try {
          assertThat(tasks.createTaskQuery().processInstanceId(s.own().getId()).count()).as(s.user()).isEqualTo(1);
          assertThat(tasks.createTaskQuery().processInstanceId(s.other().getId()).count()).as(s.user()).isZero();
          assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(s.other().getId()).count())
              .as(s.user()).isZero();
          assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(s.other().getId()).count())
              .as(s.user()).isZero();
        } finally {
          identity.clearAuthentication();
        }
        var api = rest.withBasicAuth(s.user(), s.user());
        assertThat(api.getForEntity("/engine-rest/task?processInstanceId=" + s.other().getId(), String.class)
            .getBody()).as(s.user()).isEqualTo("[]");
        assertThat(api.getForEntity("/engine-rest/history/process-instance?processInstanceId=" + s.other().getId(),
            String.class).getBody()).as(s.user()).isEqualTo("[]");
        assertThat(Webapp.logIn(rest.getRootUri(), s.user()).get("/camunda/api/engine/engine/default/task?"
            + "processInstanceId=" + s.other().getId()).body()).as(s.user() + " in Tasklist").isEqualTo("[]");
        String listed = api.getForEntity("/api/referrals", String.class).getBody();
        assertThat(listed).as(s.user()).contains(s.own().getBusinessKey()).doesNotContain(s.other().getBusinessKey());
        // nor can they work the other region's task
        Task theirs = taskOf(s.other(), ASSESS_REFERRAL);
        assertThat(api.postForEntity("/engine-rest/task/" + theirs.getId() + "/claim",
            json("{\"userId\":\"" + s.user() + "\"}"), String.class).getStatusCode().is2xxSuccessful())
            .as(s.user()).isFalse();
      }
      // nor report a change or a treatment update in the other region's journey: refused, never 500
      var sr = rest.withBasicAuth("koordinatorsr", "koordinatorsr");
      long changes = history.createHistoricProcessInstanceQuery().processDefinitionKey("treatmentUpdate").count()
          + history.createHistoricProcessInstanceQuery().processDefinitionKey("journeyChange").count();
      ResponseEntity<String> update = sr.postForEntity("/engine-rest/process-definition/key/treatmentUpdate/submit-form",
          json("{\"variables\":{\"referralReference\":{\"value\":\"" + grenland.getBusinessKey() + "\"},"
              + "\"tsbStartedOn\":{\"value\":\"" + TODAY + "\"},\"individualPlanUpdate\":{\"value\":\"yes\"},"
              + "\"brukerplanUpdate\":{\"value\":\"no\"}}}"), String.class);
      assertThat(update.getStatusCode().is4xxClientError()).as(update.getBody()).isTrue();
      ResponseEntity<String> change = sr.postForEntity("/engine-rest/process-definition/key/journeyChange/submit-form",
          json("{\"variables\":{\"referralReference\":{\"value\":\"" + grenland.getBusinessKey() + "\"},"
              + "\"journeyChange\":{\"value\":\"consentWithdrawn\"},"
              + "\"changeRequestedBy\":{\"value\":\"coordinator\"}}}"), String.class);
      assertThat(change.getStatusCode().is4xxClientError()).as(change.getBody()).isTrue();
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(grenland.getId()).count()).isEqualTo(1);
      assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("treatmentUpdate").count()
          + history.createHistoricProcessInstanceQuery().processDefinitionKey("journeyChange").count())
          .isEqualTo(changes);
      // the mentor of one region does not see the other's
      as("likemannsr");
      try {
        assertThat(tasks.createTaskQuery().processInstanceId(grenland.getId()).count()).isZero();
      } finally {
        identity.clearAuthentication();
      }
    } finally {
      endJourneys(grenland, rogaland);
    }
  }

  @org.springframework.beans.factory.annotation.Autowired no.alarm.likemann.security.login.LoginThrottle throttle;
  @org.springframework.beans.factory.annotation.Autowired no.alarm.likemann.security.login.LockExpiry lockExpiry;

  @Test
  void nobodyLocksAUserOutFromOutside() {
    String user = "laastute";
    ensureUser(user, no.alarm.likemann.security.Roles.COORDINATOR);
    throttle.forget("127.0.0.1");
    try {
      var guessing = rest.withBasicAuth(user, "feil-passord");
      List<Integer> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 15; i++) {
        answers.add(guessing.getForEntity("/engine-rest/task", String.class).getStatusCode().value());
      }
      // ten guesses reach the password check; then the address waits, and the user's own count stops rising
      assertThat(answers.subList(0, 10)).containsOnly(401);
      assertThat(answers.subList(10, 15)).containsOnly(429);
      ResponseEntity<String> waiting = rest.withBasicAuth(user, user).getForEntity("/engine-rest/task", String.class);
      assertThat(waiting.getStatusCode().value()).isEqualTo(429);
      assertThat(waiting.getHeaders().getFirst("Retry-After")).isNotBlank();
      assertThat(waiting.getBody()).contains("For mange mislykte innlogginger").contains("Too many failed logins");
      assertThat(jdbc.queryForObject("SELECT ATTEMPTS_ FROM ACT_ID_USER WHERE ID_ = ?", Integer.class, user))
          .isLessThanOrEqualTo(10).isLessThan(20);
      // anonymous requests are not logins: still 401, not counted
      assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode().value()).isEqualTo(401);

      // locked for good by guesses from many addresses: open again once the lock has expired
      jdbc.update("UPDATE ACT_ID_USER SET ATTEMPTS_ = 20, LOCK_EXP_TIME_ = ? WHERE ID_ = ?",
          java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofMinutes(16))), user);
      assertThat(lockExpiry.unlockExpired()).contains(user);
      throttle.forget("127.0.0.1");
      assertThat(rest.withBasicAuth(user, user).getForEntity("/engine-rest/task", String.class).getStatusCode())
          .isEqualTo(HttpStatus.OK);
      // a lock that is fresh stays
      jdbc.update("UPDATE ACT_ID_USER SET ATTEMPTS_ = 20, LOCK_EXP_TIME_ = ? WHERE ID_ = ?",
          java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofMinutes(1))), user);
      assertThat(lockExpiry.unlockExpired()).doesNotContain(user);
      assertThat(rest.withBasicAuth(user, user).getForEntity("/engine-rest/task", String.class).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    } finally {
      identity.unlockUser(user);
      throttle.forget("127.0.0.1");
    }
  }

  @Test
  void behindTheProxyEachClientIsThrottledOnItsOwn() {
    // the proxy (here: 127.0.0.1, a private address) passes on the client's address in X-Forwarded-For
    String user = "laastute2";
    String colleague = "laastute3"; // the guessed user is locked a while by Camunda after the failures: another one
    ensureUser(user, no.alarm.likemann.security.Roles.COORDINATOR);
    ensureUser(colleague, no.alarm.likemann.security.Roles.COORDINATOR);
    List<String> clients = List.of("203.0.113.7", "203.0.113.8", "127.0.0.1");
    clients.forEach(throttle::forget);
    try {
      TriFunction login = (client, who, password) -> {
        var headers = new org.springframework.http.HttpHeaders();
        headers.set("X-Forwarded-For", client);
        return rest.withBasicAuth(who, password).exchange("/engine-rest/task", org.springframework.http.HttpMethod.GET,
            new org.springframework.http.HttpEntity<>(headers), String.class).getStatusCode().value();
      };
      for (int i = 0; i < 10; i++) {
        assertThat(login.apply("203.0.113.7", user, "feil-passord")).isEqualTo(401);
      }
      assertThat(login.apply("203.0.113.7", colleague, colleague)).as("the guessing client waits").isEqualTo(429);
      assertThat(login.apply("203.0.113.8", colleague, colleague)).as("another client behind the same proxy")
          .isEqualTo(200);
      assertThat(jdbc.queryForObject("SELECT count(*) FROM login_failure WHERE address = '127.0.0.1'", Integer.class))
          .as("the proxy itself is never counted").isZero();
    } finally {
      identity.unlockUser(user);
      clients.forEach(throttle::forget);
    }
  }

  interface TriFunction {
    int apply(String client, String user, String password);
  }

  static Set<String> names(String json) throws Exception {
    JsonNode node = JSON.readTree(json);
    Set<String> names = new java.util.TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
