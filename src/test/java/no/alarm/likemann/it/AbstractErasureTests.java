package no.alarm.likemann.it;

import static no.alarm.likemann.journey.ParticipantJourney.Element.*;
import static no.alarm.likemann.journey.ParticipantJourney.Var.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import no.alarm.likemann.erasure.ErasePerson;
import no.alarm.likemann.erasure.PersonErasure;
import no.alarm.likemann.reporting.PublishedSummary;
import no.alarm.likemann.reporting.ServiceSummary;
import no.alarm.likemann.reporting.SmallNumbers;
import no.alarm.likemann.reporting.steering.SteeringFigures;
import no.alarm.likemann.support.Referrals;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A person is erased (issue 13): two journeys of one participant, the first through every stage (coupling, weekly
 * contacts, the closing report, the evaluation, reads of the case), the second a return that was declined; the
 * project leader asks, the administrator confirms; then every table of the database, the engine's and the project's,
 * is searched for the references and for every word entered about the person: none is found, and the reports'
 * figures are what they were (nested in the H2 and PostgreSQL test classes).
 */
abstract class AbstractErasureTests extends ApplicationTestSupport {

  static final String MENTOR = "erik";
  static final String SUBMIT_ERASURE = "/engine-rest/process-definition/key/" + ErasePerson.PROCESS_KEY
      + "/submit-form";

  @Autowired ServiceSummary summary;
  @Autowired SteeringFigures steeringFigures;
  @Autowired SmallNumbers smallNumbers;
  @Autowired PersonErasure erasure;

  /** Words only this person's case holds, entered at each step; the search looks for each of them. */
  final String tag = Long.toString(System.nanoTime(), 36);
  final String substance = "Rusvakt-" + tag + " alkohol";
  final String wishes = "Ønskevakt-" + tag;
  final String goals = "Målvakt-" + tag;
  final String rules = "Regelvakt-" + tag;
  final String meetingNote = "Møtevakt-" + tag;
  final String closing = "Sluttvakt-" + tag;
  final String comment = "Kommentarvakt-" + tag;
  final String status = "Statusvakt-" + tag;
  final String monthGoal = "Månedsmålvakt-" + tag;
  final String view = "Vurderingsvakt-" + tag;
  final String deviationWords = "Avviksvakt-" + tag;
  final String deviationNote = "Oppfølgingsvakt-" + tag;
  final String groupNote = "Ansvarsgruppevakt-" + tag;
  final String stayNote = "Utskrivingsvakt-" + tag;
  final String stayMentorNote = "Overgangsvakt-" + tag;

  @Autowired no.alarm.likemann.reporting.MonthlyReports monthlyReports;

  /** The month whose reports this class made, when no other test had: they go again, so that the month is theirs. */
  java.time.YearMonth madeHere;

  @org.junit.jupiter.api.AfterEach
  void forgetTheMonthMadeHere() {
    if (madeHere != null) {
      java.sql.Date first = java.sql.Date.valueOf(madeHere.atDay(1));
      jdbc.update("DELETE FROM monthly_report_delivery WHERE report_id IN (SELECT id FROM monthly_report"
          + " WHERE region = 'grenland' AND report_month = ?)", first);
      jdbc.update("DELETE FROM monthly_report WHERE region = 'grenland' AND report_month = ?", first);
      jdbc.update("DELETE FROM monthly_mentor_report WHERE region = 'grenland' AND report_month = ? AND recorded_by = ?",
          first, MENTOR);
      madeHere = null;
    }
  }

  @Test
  void anErasedPersonLeavesNothingInAnyTableAndEveryFigureStaysTheSame() throws Exception {
    long mentor = ownMentor(MENTOR, "Erik Slettesen");
    ProcessInstance first;
    ProcessInstance second;
    try {
      first = throughEveryStage(mentor);
    } finally {
      pause(mentor);
    }
    monthReported(first.getBusinessKey(), mentor);
    second = returning(first.getBusinessKey());
    List<String> references = List.of(first.getBusinessKey(), second.getBusinessKey());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_read WHERE reference = ?", Integer.class,
        references.get(0))).isPositive();
    assertThat(hits(references.get(0))).as("the search finds the case before").isNotEmpty();
    // the forms' example reference is one the register never gives (numbers start at 1)
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM referral WHERE reference LIKE 'HEN-%-00000'", Integer.class))
        .isZero();
    assertThat(hits(goals)).isNotEmpty();

    // before: the project leader shows the person everything stored about them, in one PDF (GDPR art. 15)
    String insight = "/api/persons/" + references.get(1) + "/insight.pdf";
    ResponseEntity<byte[]> pdf = rest.withBasicAuth("prosjektleder", password("prosjektleder"))
        .getForEntity(insight, byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).hasToString("application/pdf");
    String text = pdfText(pdf.getBody()).replaceAll("\\s+", " ");
    assertThat(text).contains(references.get(0), references.get(1), substance, wishes, goals, rules, meetingNote,
        comment, status, monthGoal, view, deviationWords, deviationNote, groupNote, stayNote, stayMentorNote,
        "Hvem har lest saken", MENTOR,
        "Stegene i prosessene");
    // and that was a read of both cases
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_read WHERE reference = ? AND what = 'insight (PDF)'"
        + " AND read_by = 'prosjektleder'", Integer.class, references.get(0))).isEqualTo(1);
    for (String user : List.of("koordinator", "koordinatorsr", "ruskonsulent", MENTOR, "radgiver", "styringsgruppe")) {
      assertThat(rest.withBasicAuth(user, MENTOR.equals(user) ? MENTOR : password(user))
          .getForEntity(insight, byte[].class).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(rest.getForEntity(insight, byte[].class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    Map<String, Object> ask = Map.of(no.alarm.likemann.erasure.ErasePerson.Var.ERASURE_REFERENCE,
        references.get(1), no.alarm.likemann.erasure.ErasePerson.Var.ERASURE_REASON, "consentWithdrawn");
    // while a month's reporting that names the person runs, the erasure waits; once it has ended, its history goes
    // with the person (a month long ago, when the first coupling is moved to have started)
    ProcessInstance month = monthlyReportingNaming(references.get(0));
    ResponseEntity<String> waits = rest.withBasicAuth("prosjektleder", password("prosjektleder"))
        .postForEntity(SUBMIT_ERASURE, json(AbstractFormFuzzTests.body(ask)), String.class);
    assertThat(waits.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(waits.getBody()).contains("månedsrapportering som nevner deltakeren");
    runtime.deleteProcessInstance(month.getId(), "the month's reporting ended");
    assertThat(hits(references.get(0))).anySatisfy(h -> assertThat(h).startsWith("ACT_"));

    var before = summary.now();
    LocalDate today = LocalDate.now(no.alarm.likemann.calendar.OsloCalendar.OSLO);
    var periodBefore = steeringFigures.of(today.withDayOfYear(1), today, today);
    var publishedBefore = new ObjectMapper().writeValueAsString(PublishedSummary.of(before, smallNumbers));

    // the project leader asks, through the REST API as Tasklist does

    ResponseEntity<String> asked = rest.withBasicAuth("prosjektleder", password("prosjektleder"))
        .postForEntity(SUBMIT_ERASURE, json(AbstractFormFuzzTests.body(ask)), String.class);
    assertThat(asked.getStatusCode()).as(asked.getBody()).isEqualTo(HttpStatus.OK);
    String erasureInstance = new ObjectMapper().readTree(asked.getBody()).path("id").asText();
    Task confirm = tasks.createTaskQuery().processInstanceId(erasureInstance).singleResult();
    // the one who asked cannot confirm
    ResponseEntity<String> own = rest.withBasicAuth("prosjektleder", password("prosjektleder")).postForEntity(
        "/engine-rest/task/" + confirm.getId() + "/submit-form",
        json("{\"variables\":{\"erasureConfirmed\":{\"value\":\"yes\"}}}"), String.class);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(own.getBody()).contains("må bekreftes av en annen");
    // the administrator confirms
    rest.withBasicAuth("admin", adminPassword).postForEntity("/engine-rest/task/" + confirm.getId() + "/claim",
        json("{\"userId\":\"admin\"}"), String.class);
    ResponseEntity<String> confirmed = rest.withBasicAuth("admin", adminPassword).postForEntity(
        "/engine-rest/task/" + confirm.getId() + "/submit-form",
        json("{\"variables\":{\"erasureConfirmed\":{\"value\":\"yes\"}}}"), String.class);
    assertThat(confirmed.getStatusCode()).as(confirmed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    runJobs(erasureInstance);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(erasureInstance).singleResult()
        .getEndActivityId()).isEqualTo(ErasePerson.Element.PERSON_ERASED);

    // nothing, anywhere
    for (String needle : List.of(references.get(0), references.get(1), substance, wishes, goals, rules,
        meetingNote, closing, comment, status, monthGoal, view, deviationWords, deviationNote, groupNote, stayNote,
        stayMentorNote)) {
      assertThat(hits(needle)).as(needle).isEmpty();
    }
    // the erasure itself: who, when, why, how many journeys, and hashes the references can be checked against
    Map<String, Object> row = jdbc.queryForMap("SELECT e.* FROM erasure e WHERE e.id = (SELECT MAX(id) FROM erasure)");
    assertThat(row).containsEntry("status", "ERASED").containsEntry("reference", null).containsEntry("journeys", 2);
    assertThat(erasure.erasureOf(references.get(0))).isPresent();
    assertThat(erasure.erasureOf("HEN-1999-00001")).isEmpty();

    // the insight has nothing left to show
    assertThat(rest.withBasicAuth("prosjektleder", password("prosjektleder")).getForEntity(insight, byte[].class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    // and every figure is the same
    var after = summary.now();
    assertThat(after).isEqualTo(before);
    assertThat(steeringFigures.of(today.withDayOfYear(1), today, today)).isEqualTo(periodBefore);
    assertThat(new ObjectMapper().writeValueAsString(PublishedSummary.of(after, smallNumbers)))
        .isEqualTo(publishedBefore);
  }

  @Test
  void onlyTheRegionsProjectLeaderAsksAndAnOpenJourneyIsEndedFirst() throws Exception {
    ProcessInstance open = referByCounsellor();
    try {
      Map<String, Object> ask = new HashMap<>(Map.of(ErasePerson.Var.ERASURE_REFERENCE, open.getBusinessKey(),
          ErasePerson.Var.ERASURE_REASON, "participantAsked"));
      ResponseEntity<String> refused = rest.withBasicAuth("prosjektleder", password("prosjektleder"))
          .postForEntity(SUBMIT_ERASURE, json(AbstractFormFuzzTests.body(ask)), String.class);
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("er ikke avsluttet");
      for (String user : List.of("koordinator", "ruskonsulent", "likemann", "radgiver", "styringsgruppe")) {
        assertThat(rest.withBasicAuth(user, password(user)).postForEntity(SUBMIT_ERASURE,
            json(AbstractFormFuzzTests.body(ask)), String.class).getStatusCode().is2xxSuccessful()).as(user).isFalse();
      }
      ask.put(ErasePerson.Var.ERASURE_REFERENCE, "Ola Nordmann");
      ResponseEntity<String> notAReference = rest.withBasicAuth("prosjektleder", password("prosjektleder"))
          .postForEntity(SUBMIT_ERASURE, json(AbstractFormFuzzTests.body(ask)), String.class);
      assertThat(notAReference.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(notAReference.getBody()).contains("Skriv referansen slik den står på henvisningen");
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM erasure WHERE reference = ?", Integer.class,
          open.getBusinessKey())).isZero();
    } finally {
      endJourneys(open);
    }
  }

  @Autowired no.alarm.likemann.erasure.Retention retention;

  /**
   * With the clock moved past the retention time, the nightly pass erases exactly the persons whose every journey
   * ended longer ago: one who ended a day too long ago goes, one who ended yesterday, one with a journey still open
   * and one who came back within the time stay.
   */
  @Test
  void theNightlyPassErasesExactlyThePersonsWhoseTimeIsOver() {
    ProcessInstance expired = referByCounsellor();
    ProcessInstance recent = referByCounsellor();
    ProcessInstance open = referByCounsellor();
    endJourneys(expired, recent);
    java.time.Instant now = java.time.Instant.now().plus(java.time.Duration.ofDays(3650));
    java.time.Duration keep = retention.keep();
    jdbc.update("UPDATE referral SET ended_at = ? WHERE reference = ?",
        java.sql.Timestamp.from(now.minus(keep).minus(java.time.Duration.ofDays(1))), expired.getBusinessKey());
    jdbc.update("UPDATE referral SET ended_at = ? WHERE reference = ?",
        java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(1))), recent.getBusinessKey());
    try {
      // what the pass should erase, worked out from the register itself: every person whose last journey ended
      // before the time (another test's old rows among them), none with a journey open
      List<String> due = jdbc.queryForList("SELECT reference FROM referral r WHERE NOT r.anonymous AND r.person_id IN"
          + " (SELECT person_id FROM referral GROUP BY person_id HAVING COUNT(*) = COUNT(ended_at)"
          + " AND MAX(ended_at) < ?)", String.class, java.sql.Timestamp.from(now.minus(keep)));
      assertThat(due).contains(expired.getBusinessKey())
          .doesNotContain(recent.getBusinessKey(), open.getBusinessKey());
      int erasuresBefore = jdbc.queryForObject("SELECT COUNT(*) FROM erasure WHERE reason = 'retentionOver'",
          Integer.class);

      // a person named by a month's reporting that still runs waits for another night (another test's month)
      List<String> waiting = due.stream().filter(r -> {
        try {
          erasure.checkErasable(r);
          return false;
        } catch (PersonErasure.NotErasable e) {
          return true;
        }
      }).toList();
      assertThat(waiting).doesNotContain(expired.getBusinessKey());

      assertThat(retention.eraseExpired(now)).isEqualTo(due.size() - waiting.size());

      for (String gone : due.stream().filter(r -> !waiting.contains(r)).toList()) {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM referral WHERE reference = ?", Integer.class, gone))
            .as(gone).isZero();
      }
      assertThat(hits(expired.getBusinessKey())).isEmpty();
      for (ProcessInstance kept : List.of(recent, open)) {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM referral WHERE reference = ?", Integer.class,
            kept.getBusinessKey())).isEqualTo(1);
      }
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM erasure WHERE reason = 'retentionOver'"
          + " AND status = 'ERASED' AND requested_by = 'system'", Integer.class))
          .isGreaterThan(erasuresBefore);
      // the next night there is nothing left to do
      assertThat(retention.eraseExpired(now)).isZero();
    } finally {
      endJourneys(open);
    }
  }

  /**
   * A candidate who was not found suitable is kept a year after the onboarding ended, then the name, the sober-since
   * date, the experience, the interests and the onboarding's history (the two-year check's inputs among it) go; the
   * figures count a former candidate as before.
   */
  @Test
  void aCandidateWhoDidNotBecomeAMentorIsErasedAYearAfter() {
    String name = "Kari Kandidatvakt-" + tag;
    String experience = "Erfaringsvakt-" + tag;
    String interests = "Interessevakt-" + tag;
    Map<String, Object> candidate = new HashMap<>(AbstractOnboardingTests.candidate(name,
        java.time.LocalDate.now(no.alarm.likemann.calendar.OsloCalendar.OSLO).minusYears(3)));
    candidate.put(no.alarm.likemann.onboarding.MentorOnboarding.Var.SUBSTANCE_HISTORY, experience);
    candidate.put(no.alarm.likemann.onboarding.MentorOnboarding.Var.INTERESTS, interests);
    as("radgiver");
    ProcessInstance onboarding = forms.submitStartForm(latest(no.alarm.likemann.onboarding.MentorOnboarding.PROCESS_KEY),
        candidate);
    identity.clearAuthentication();
    String reference = onboarding.getBusinessKey();
    work("prosjektleder", onboarding, no.alarm.likemann.onboarding.MentorOnboarding.Element.ASSESS_SUITABILITY,
        values("suitabilityDecision", "reject", "suitabilityReason", "Ikke nå"));
    long mentorId = jdbc.queryForObject("SELECT mentor_id FROM mentor_candidate WHERE reference = ?", Long.class,
        reference);
    assertThat(jdbc.queryForObject("SELECT outcome FROM mentor_candidate WHERE mentor_id = ?", String.class, mentorId))
        .isEqualTo("REJECTED");
    assertThat(hits(name)).isNotEmpty();
    var statusBefore = summary.now().mentorsByStatus();

    // a day short of the year: kept
    java.time.Instant ended = jdbc.queryForObject("SELECT ended_at FROM mentor_candidate WHERE mentor_id = ?",
        java.sql.Timestamp.class, mentorId).toInstant();
    assertThat(retention.eraseExpiredCandidates(ended.plus(retention.keepCandidates()).minus(
        java.time.Duration.ofDays(1)))).isGreaterThanOrEqualTo(0);
    assertThat(jdbc.queryForObject("SELECT display_name FROM mentor WHERE id = ?", String.class, mentorId))
        .isEqualTo(name);
    // a day past it: gone
    assertThat(retention.eraseExpiredCandidates(ended.plus(retention.keepCandidates()).plus(
        java.time.Duration.ofDays(1)))).isPositive();
    for (String needle : List.of(name, reference, experience, interests, "900 00 000")) {
      assertThat(hits(needle)).as(needle).isEmpty();
    }
    assertThat(jdbc.queryForMap("SELECT m.status, m.birth_year, c.sober_since FROM mentor m JOIN mentor_candidate c"
        + " ON c.mentor_id = m.id WHERE m.id = ?", mentorId)).containsEntry("status", "LEFT")
        .containsEntry("birth_year", 1980).containsEntry("sober_since", null);
    assertThat(summary.now().mentorsByStatus()).isEqualTo(statusBefore);
  }

  /**
   * A mentor who left after a relapse is erased five years after leaving: the onboarding, the active year and the
   * relapse report go with their history, the name, login, experience, interests and sober-since date from the
   * register and the identity tables; the reports' former mentor stays.
   */
  @Test
  void aMentorWhoLeftIsErasedWhenTheRetentionTimeAfterLeavingIsOver() {
    String name = "Mia Mentorvakt-" + tag;
    String experience = "Erfaringsvakt-" + tag;
    String interests = "Interessevakt-" + tag;
    String username = "mia" + tag;
    Map<String, Object> candidate = new HashMap<>(AbstractOnboardingTests.candidate(name,
        java.time.LocalDate.now(no.alarm.likemann.calendar.OsloCalendar.OSLO).minusYears(3)));
    candidate.put(no.alarm.likemann.onboarding.MentorOnboarding.Var.SUBSTANCE_HISTORY, experience);
    candidate.put(no.alarm.likemann.onboarding.MentorOnboarding.Var.INTERESTS, interests);
    as("radgiver");
    ProcessInstance onboarding = forms.submitStartForm(latest(no.alarm.likemann.onboarding.MentorOnboarding.PROCESS_KEY),
        candidate);
    identity.clearAuthentication();
    String reference = onboarding.getBusinessKey();
    long mentorId = jdbc.queryForObject("SELECT mentor_id FROM mentor_candidate WHERE reference = ?", Long.class,
        reference);
    onboardToActive(onboarding);
    // the mentor's login, with the name in the identity tables
    ensureUser(username, no.alarm.likemann.security.Roles.MENTOR);
    var user = identity.createUserQuery().userId(username).singleResult();
    user.setFirstName(name);
    identity.saveUser(user);
    jdbc.update("UPDATE mentor SET username = ? WHERE id = ?", username, mentorId);
    // NAV's mentor grant for the mentor, applied for and refused
    String grantNote = "Søknadsvakt-" + tag;
    String navReference = "NAVvakt-" + tag;
    as("radgiver");
    ProcessInstance grant = forms.submitStartForm(latest(no.alarm.likemann.navgrant.NavMentorGrant.PROCESS_KEY),
        values("mentorReference", reference, "appliedOn", TODAY, "appliedFrom", TODAY, "appliedTo", TODAY,
            "positionPercent", 20, "amountAppliedPerMonth", 8000, "applicationNote", grantNote));
    identity.clearAuthentication();
    work("radgiver", grant, no.alarm.likemann.navgrant.NavMentorGrant.Element.RECORD_DECISION, values(
        "grantDecision", "refused", "decidedOn", TODAY, "navReference", navReference, "decisionNote", grantNote));

    // a relapse, the coordinator's report, the adviser's follow-up: the mentor leaves
    as("koordinator");
    forms.submitStartForm(latest(no.alarm.likemann.mentor.ActiveMentor.RELAPSE_REPORT_KEY),
        values("mentorReference", reference, "relapseConfirmed", true));
    identity.clearAuthentication();
    ProcessInstance year = runtime.createProcessInstanceQuery()
        .processDefinitionKey(no.alarm.likemann.mentor.ActiveMentor.PROCESS_KEY).processInstanceBusinessKey(reference)
        .singleResult();
    work("radgiver", year, no.alarm.likemann.mentor.ActiveMentor.Element.FOLLOW_UP_RELAPSE,
        values("relapseFollowedUpOn", TODAY, "soberSince", TODAY, "internalRoutineFollowed", true,
            "relapseOutcome", "leave"));
    assertThat(jdbc.queryForObject("SELECT status FROM mentor WHERE id = ?", String.class, mentorId)).isEqualTo("LEFT");
    for (String needle : List.of(name, reference, experience, interests, grantNote, navReference)) {
      assertThat(hits(needle)).as(needle).isNotEmpty();
    }
    var statusBefore = summary.now().mentorsByStatus();
    java.time.Instant left = jdbc.queryForObject("SELECT left_at FROM mentor WHERE id = ?", java.sql.Timestamp.class,
        mentorId).toInstant();

    // a day short of the time: kept
    retention.eraseExpiredMentors(left.plus(retention.keep()).minus(java.time.Duration.ofDays(1)));
    assertThat(jdbc.queryForObject("SELECT display_name FROM mentor WHERE id = ?", String.class, mentorId))
        .isEqualTo(name);
    // a day past it: gone, from every table
    assertThat(retention.eraseExpiredMentors(left.plus(retention.keep()).plus(java.time.Duration.ofDays(1))))
        .isPositive();
    for (String needle : List.of(name, reference, experience, interests, username, "900 00 000", grantNote,
        navReference)) {
      assertThat(hits(needle)).as(needle).isEmpty();
    }
    assertThat(identity.createUserQuery().userId(username).count()).isZero();
    assertThat(jdbc.queryForMap("SELECT m.status, m.birth_year, m.erased, c.sober_since FROM mentor m"
        + " JOIN mentor_candidate c ON c.mentor_id = m.id WHERE m.id = ?", mentorId)).containsEntry("status", "LEFT")
        .containsEntry("birth_year", 1980).containsEntry("erased", true).containsEntry("sober_since", null);
    assertThat(jdbc.queryForObject("SELECT SUM(hours) FROM mentor_course WHERE mentor_id = ?", Integer.class,
        mentorId)).isEqualTo(45);
    assertThat(summary.now().mentorsByStatus()).isEqualTo(statusBefore);
    assertThat(jdbc.queryForObject("SELECT amount_applied FROM nav_grant WHERE mentor_id = ?", Integer.class,
        mentorId)).isEqualTo(8000);
    // and not twice
    assertThat(retention.eraseExpiredMentors(left.plus(retention.keep()).plus(java.time.Duration.ofDays(2))))
        .isZero();
  }

  /**
   * A Portalen co-worker who left is erased five years after leaving: the process with the name and the attendance
   * steps goes with its history, the register's row keeps workplace and dates under a random key.
   */
  @Test
  void aPortalenCoworkerWhoLeftIsErasedWhenTheRetentionTimeAfterLeavingIsOver() throws Exception {
    String name = "Ola Medarbeidervakt-" + tag;
    var before = portalen.counts();
    java.time.LocalDate today = java.time.LocalDate.now(no.alarm.likemann.calendar.OsloCalendar.OSLO);
    // an agreed day the form offers (Monday to Saturday): today, or yesterday on a Sunday
    java.time.LocalDate agreed = AbstractPortalenTests.lastAgreeableDay(today);
    as("likemann");
    ProcessInstance pi = forms.submitStartForm(latest(no.alarm.likemann.portalen.WorkParticipation.PROCESS_KEY),
        values("medarbeiderName", name, "workplace", "kafe", "agreedDays",
            List.of(agreed.getDayOfWeek().name().toLowerCase(java.util.Locale.ROOT)), "startDate", agreed.toString()));
    identity.clearAuthentication();
    String reference = pi.getBusinessKey();
    dueTask(pi, no.alarm.likemann.portalen.WorkParticipation.Element.REGISTER_ATTENDANCE);
    work("likemann", pi, no.alarm.likemann.portalen.WorkParticipation.Element.REGISTER_ATTENDANCE,
        values("attendanceDate", agreed.toString(), "attendance", "leave"));
    assertThat(hits(name)).isNotEmpty();
    long id = jdbc.queryForObject("SELECT id FROM work_participant WHERE reference = ?", Long.class, reference);
    java.time.Instant left = today.atStartOfDay(no.alarm.likemann.calendar.OsloCalendar.OSLO).toInstant();

    retention.eraseExpiredCoworkers(left.plus(retention.keep()).minus(java.time.Duration.ofDays(1)));
    assertThat(jdbc.queryForObject("SELECT reference FROM work_participant WHERE id = ?", String.class, id))
        .isEqualTo(reference);
    assertThat(retention.eraseExpiredCoworkers(left.plus(retention.keep()).plus(java.time.Duration.ofDays(1))))
        .isPositive();
    assertThat(hits(name)).isEmpty();
    assertThat(hits(reference)).isEmpty();
    assertThat(jdbc.queryForMap("SELECT workplace, status, joined_on FROM work_participant WHERE id = ?", id))
        .containsEntry("workplace", "kafe").containsEntry("status", "LEFT")
        .containsEntry("joined_on", java.sql.Date.valueOf(agreed));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM work_attendance WHERE participant_id = ?", Integer.class, id))
        .isEqualTo(1);
    assertThat(portalen.counts()).isEqualTo(new no.alarm.likemann.portalen.PortalenRegister.Counts(
        before.joined() + 1, before.stillActive()));
  }

  @Autowired no.alarm.likemann.portalen.PortalenRegister portalen;

  /**
   * The administrator sees that the clean-ups ran: Camunda's history clean-up (its job, its last run and outcome,
   * what it removed) and the nightly retention pass; nobody else may look.
   */
  @Test
  void theAdministratorSeesThatTheCleanUpsRanAndWhatTheyRemoved() throws Exception {
    retention.eraseExpired(java.time.Instant.now());
    var job = history.cleanUpHistoryAsync(true);
    try {
      management.executeJob(job.getId());
    } catch (org.camunda.bpm.engine.ProcessEngineException e) {
      // the job executor took it at the same moment: its run is the one the report shows
    }
    long until = System.currentTimeMillis() + 30_000;
    while (history.createHistoricJobLogQuery().jobId(job.getId()).successLog().count() == 0) {
      assertThat(System.currentTimeMillis()).as("the history clean-up ran").isLessThan(until);
      Thread.sleep(100);
    }

    ResponseEntity<String> seen = rest.withBasicAuth("admin", adminPassword).getForEntity("/api/admin/retention",
        String.class);
    assertThat(seen.getStatusCode()).isEqualTo(HttpStatus.OK);
    var report = new ObjectMapper().readTree(seen.getBody());
    assertThat(report.path("engineHistory").path("window").asText()).isEqualTo("22:00–05:00");
    assertThat(report.path("engineHistory").path("jobs")).isNotEmpty();
    assertThat(report.path("engineHistory").path("jobs").get(0).path("lastSuccess").asText()).isNotBlank();
    assertThat(report.path("engineHistory").path("removed").has("history-cleanup-removed-process-instances")).isTrue();
    assertThat(report.path("retentionLastRun").path("ranAt").asText()).isNotBlank();
    assertThat(report.path("keepAfterEndDays").asLong()).isEqualTo(1825);
    assertThat(seen.getBody()).doesNotContain("HEN-");
    for (String user : List.of("prosjektleder", "koordinator", "styringsgruppe", "ruskonsulent", "likemann")) {
      assertThat(rest.withBasicAuth(user, password(user)).getForEntity("/api/admin/retention", String.class)
          .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(rest.getForEntity("/api/admin/retention", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  /** Referral, assessment, information meeting, coupling, a week's contacts, closing report, evaluation, reads. */
  ProcessInstance throughEveryStage(long mentor) throws Exception {
    as("ruskonsulent");
    Map<String, Object> referral = new HashMap<>(Referrals.valid());
    referral.put(SUBSTANCE_HISTORY, substance);
    referral.put(FUTURE_WISHES, wishes);
    referral.put(MUNICIPALITY_VIEW, "offer");
    referral.put(MUNICIPALITY_VIEW_NOTE, view);
    ProcessInstance pi = forms.submitStartForm(latestJourney(), referral);
    identity.clearAuthentication();
    work("koordinator", pi, ASSESS_REFERRAL, values("assessment", "offer", "assessmentNote", meetingNote));
    work("koordinator", pi, HOLD_INFORMATION_MEETING, values(INFORMATION_MEETING_DATE, TODAY,
        "participantAttended", true, PARTICIPANT_WANTS_MENTOR, "yes"));
    work("koordinator", pi, MATCH_MENTOR, values(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(mentor)));
    Map<String, Object> contract = new HashMap<>(couplingContract(true));
    contract.put("goals", goals);
    contract.put("otherFollowUpRules", rules);
    work("koordinator", pi, HOLD_COUPLING_MEETING, contract);
    // a deviation from the agreement, reported by the counsellor and followed up by the coordinator
    as("ruskonsulent");
    ProcessInstance deviation = forms.submitStartForm(latest(no.alarm.likemann.journey.AgreementDeviation.PROCESS_KEY),
        values("referralReference", pi.getBusinessKey(), "deviationKind", "ownRules", "deviationBy", "mentor",
            "deviationDate", TODAY, "deviationDescription", deviationWords));
    identity.clearAuthentication();
    work("koordinator", deviation, no.alarm.likemann.journey.AgreementDeviation.Element.FOLLOW_UP_DEVIATION,
        values("deviationOutcome", "resolved", "deviationFollowUpNote", deviationNote));
    // a responsibility group meeting where the coordinator stood in for the counsellor
    as("koordinator");
    forms.submitStartForm(latest(no.alarm.likemann.journey.JourneyMeeting.PROCESS_KEY),
        values("referralReference", pi.getBusinessKey(), "meetingKind", "responsibilityGroup", "meetingDate", TODAY,
            "meetingAttendees", List.of("participant", "mentor", "coordinator"), "coordinatorStoodIn", true,
            "meetingNote", groupNote));
    identity.clearAuthentication();
    // a planned admission during the follow-up, discharged; the mentor could not take part
    as("ruskonsulent");
    forms.submitStartForm(latest(no.alarm.likemann.journey.JourneyChange.PROCESS_KEY), values("referralReference",
        pi.getBusinessKey(), "journeyChange", "admitted", "admissionKind", "planned", "admittedDate", TODAY,
        "expectedDischargeDate", TODAY));
    identity.clearAuthentication();
    var stayTasks = tasks.createTaskQuery().processDefinitionKey(no.alarm.likemann.journey.InpatientStay.PROCESS_KEY)
        .processInstanceBusinessKey(pi.getBusinessKey());
    complete("koordinator", stayTasks.taskDefinitionKey("recordDischarge").singleResult(), values("dischargeOutcome",
        "discharged", "dischargedOn", TODAY, "dischargeNote", stayNote));
    complete(MENTOR, tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
        .taskDefinitionKey("takePartInDischarge").singleResult(), values("mentorPart", "notPossible",
        "mentorPartNote", stayMentorNote));
    Task week = openWeeklyLog(pi);
    String day = (String) tasks.getVariable(week.getId(), WEEK_END);
    // the mentor reads his week (a read of the case) and logs it
    assertThat(rest.withBasicAuth(MENTOR, MENTOR).getForEntity("/engine-rest/task/" + week.getId()
        + "/form-variables", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    work(MENTOR, pi, LOG_WEEKLY_CONTACTS, AbstractJourneyIT.contacts(
        AbstractJourneyIT.contact(day, "18:00", "physicalMeeting", "yes", 45)));
    work("koordinator", pi, CLOSE_FOLLOW_UP, values(CLOSING_REASON, "goalsReached"));
    work("koordinator", pi, WRITE_CLOSING_REPORT, values("closingReportSummary", closing,
        "closingReportGoals", goals, "closingReportSentDate", TODAY));
    assertThat(rest.withBasicAuth("koordinator", "koordinator").getForEntity("/api/closing-reports/"
        + pi.getBusinessKey() + ".pdf", byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);

    as("koordinator");
    ProcessInstance ev = forms.submitStartForm(latest("closingEvaluation"), values(REFERRAL_REFERENCE,
        pi.getBusinessKey()));
    identity.clearAuthentication();
    Map<String, Object> scores = new HashMap<>();
    for (int q = 1; q <= 12; q++) {
      scores.put("evaluationQ" + q, 7);
    }
    Map<String, Object> withComment = new HashMap<>(scores);
    withComment.put("evaluationComment", comment);
    work(MENTOR, ev, "answerEvaluationMentor", withComment);
    Map<String, Object> participant = new HashMap<>(scores);
    participant.put("evaluationQualityOfLife", 6);
    work(MENTOR, ev, "answerEvaluationParticipant", participant);
    work("ruskonsulent", ev, "answerEvaluationCounsellor", scores);
    return pi;
  }

  /**
   * The month's report: the mentor's status line and the coordinator's goal line for the participant, and Skien's
   * PDF with them (made again if another test's month made it before).
   */
  void monthReported(String reference, long mentor) {
    java.time.YearMonth month = java.time.YearMonth.now(no.alarm.likemann.calendar.OsloCalendar.OSLO);
    boolean madeBefore = jdbc.queryForObject("SELECT COUNT(*) FROM monthly_report WHERE region = 'grenland'"
        + " AND report_month = ?", Integer.class, java.sql.Date.valueOf(month.atDay(1))) > 0;
    if (!madeBefore) {
      madeHere = month;
    }
    monthlyReports.recordMentorReport(month, "grenland", mentor, 12, 0, null, Map.of(reference, status), MENTOR);
    jdbc.update("INSERT INTO monthly_participant_goal (report_month, referral_reference, goals_text) VALUES (?, ?, ?)",
        java.sql.Date.valueOf(month.atDay(1)), reference, monthGoal);
    monthlyReports.send(month, "grenland");
    jdbc.update("UPDATE monthly_report SET pdf = ? WHERE region = 'grenland' AND report_month = ?"
        + " AND municipality_code = 'skien'", no.alarm.likemann.reporting.MonthlyReportPdf.render(
            monthlyReports.municipalityReport(month, "grenland", "skien")), java.sql.Date.valueOf(month.atDay(1)));
    assertThat(hits(reference)).contains("MONTHLY_REPORT.PDF");
  }

  /**
   * A month's reporting whose variables name the participant: the coupling is moved to have started fourteen months
   * ago, and the coordinator starts that month's reporting, which gives the mentor his report to write.
   */
  ProcessInstance monthlyReportingNaming(String reference) {
    java.time.YearMonth past = java.time.YearMonth.now(no.alarm.likemann.calendar.OsloCalendar.OSLO).minusMonths(14);
    jdbc.update("UPDATE coupling SET started_at = ? WHERE referral_reference = ?", java.sql.Timestamp.from(
        past.atDay(2).atStartOfDay(no.alarm.likemann.calendar.OsloCalendar.OSLO).toInstant()), reference);
    as("koordinator");
    ProcessInstance month = forms.submitStartForm(latest(no.alarm.likemann.reporting.MonthlyReporting.PROCESS_KEY),
        values(no.alarm.likemann.reporting.MonthlyReporting.Var.REPORT_MONTH, past.toString()));
    identity.clearAuthentication();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(month.getId()).count()).isEqualTo(1);
    assertThat(erasure.monthlyReportingNaming(List.of(reference))).contains(month.getId());
    return month;
  }

  /** The participant comes back, and the coordinator declines the referral. */
  ProcessInstance returning(String earlier) {
    as("ruskonsulent");
    Map<String, Object> again = new HashMap<>(Referrals.valid());
    again.put(EARLIER_REFERENCE, earlier);
    again.put(SUBSTANCE_HISTORY, substance);
    ProcessInstance pi = forms.submitStartForm(latestJourney(), again);
    identity.clearAuthentication();
    work("koordinator", pi, ASSESS_REFERRAL, values("assessment", "decline", DECLINE_REASON, meetingNote));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    return pi;
  }

  /** The erasure's steps are asynchronous: the job executor runs them, as it does in production. */
  void runJobs(String processInstanceId) throws InterruptedException {
    long until = System.currentTimeMillis() + 30_000;
    while (history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).finished().count() == 0) {
      assertThat(System.currentTimeMillis()).as("the erasure ran within 30 s").isLessThan(until);
      Thread.sleep(100);
    }
  }

  /**
   * Where the text is found: every column of every table, the engine's and the project's, as text, as bytes, and
   * a PDF's text.
   */
  List<String> hits(String needle) {
    List<String> found = new ArrayList<>();
    byte[] bytes = needle.getBytes(StandardCharsets.UTF_8);
    jdbc.execute((java.sql.Connection c) -> {
      DatabaseMetaData meta = c.getMetaData();
      List<String[]> columns = new ArrayList<>();
      try (ResultSet rs = meta.getColumns(null, null, "%", "%")) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          if (schema != null && (schema.equalsIgnoreCase("information_schema") || schema.equalsIgnoreCase("pg_catalog"))) {
            continue;
          }
          columns.add(new String[] {schema, rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME"),
              Integer.toString(rs.getInt("DATA_TYPE"))});
        }
      }
      for (String[] col : columns) {
        int type = Integer.parseInt(col[3]);
        String table = (col[0] == null ? "" : "\"" + col[0] + "\".") + "\"" + col[1] + "\"";
        String column = "\"" + col[2] + "\"";
        boolean text = type == Types.VARCHAR || type == Types.CHAR || type == Types.CLOB || type == Types.LONGVARCHAR
            || type == Types.NVARCHAR || type == Types.NCLOB;
        boolean binary = type == Types.BLOB || type == Types.BINARY || type == Types.VARBINARY
            || type == Types.LONGVARBINARY;
        if (!text && !binary) {
          continue;
        }
        boolean byteArrays = col[1].equalsIgnoreCase("ACT_GE_BYTEARRAY");
        String what = byteArrays ? column + ", NAME_, ROOT_PROC_INST_ID_" : column;
        try (var ps = c.prepareStatement("SELECT " + what + " FROM " + table + " WHERE " + column + " IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            // the engine's byte arrays say whose they are: a variable's name, an exception, and the process
            String whose = byteArrays ? " (" + rs.getString(2) + " of " + rs.getString(3) + ")" : "";
            if (text) {
              String value = rs.getString(1);
              if (value != null && value.contains(needle)) {
                found.add((col[1] + "." + col[2]).toUpperCase(java.util.Locale.ROOT));
              }
            } else {
              byte[] value = rs.getBytes(1);
              // bytes as Latin-1 keep one character per byte: the UTF-8 of the needle is found as it is stored
              if (value != null && (new String(value, StandardCharsets.ISO_8859_1).contains(new String(bytes,
                  StandardCharsets.ISO_8859_1)) || pdfText(value).contains(needle))) {
                found.add((col[1] + "." + col[2]).toUpperCase(java.util.Locale.ROOT) + whose);
              }
            }
          }
        }
      }
      return null;
    });
    return found;
  }

  private static String pdfText(byte[] value) {
    if (value.length < 5 || !new String(value, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
      return "";
    }
    try {
      var reader = new com.lowagie.text.pdf.PdfReader(value);
      var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
      StringBuilder all = new StringBuilder();
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        all.append(extractor.getTextFromPage(page)).append('\n');
      }
      return all.toString();
    } catch (Exception e) {
      throw new IllegalStateException("A PDF in the database cannot be read", e);
    }
  }
}
