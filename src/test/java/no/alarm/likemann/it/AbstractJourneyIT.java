package no.alarm.likemann.it;

import static no.alarm.likemann.journey.ParticipantJourney.Element.*;
import static no.alarm.likemann.journey.ParticipantJourney.Var.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.mentor.ActiveMentor;
import no.alarm.likemann.mentor.MentorStatus;
import no.alarm.likemann.mentor.NewMentor;
import no.alarm.likemann.security.Roles;
import no.alarm.likemann.support.Referrals;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The real application, walked through by the demo users, on H2 and on PostgreSQL (the subclasses).
 * Everything the users do goes through the engine with their identity, so authorizations are checked.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // one engine "default" alive at a time
abstract class AbstractJourneyIT extends ApplicationTestSupport {

  @Autowired no.alarm.likemann.followup.SilenceWatch silenceWatch;
  @Autowired no.alarm.likemann.reporting.ServiceSummary summary;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired org.springframework.context.ApplicationContext context;

  @org.junit.jupiter.api.Test
  void theEngineRunsOnTheSqlMappingsReadWhileTheApplicationStarted() {
    var config = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    var read = context.getBean(no.alarm.likemann.startup.EngineMappings.class);

    assertThat(read.settings().databaseType()).isEqualTo(config.getDatabaseType());
    assertThat(config.getSqlSessionFactory()).isSameAs(read.factory());
    assertThat(config.getSqlSessionFactory().getConfiguration().getEnvironment().getDataSource())
        .isSameAs(config.getDataSource());
  }

  @org.junit.jupiter.api.Test
  void theEngineMakesItsIdsInTheOrderOfTime() {
    var config = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getIdGenerator()).isInstanceOf(no.alarm.likemann.operations.TimeOrderedIds.class);
    String first = referByCounsellor().getId();
    String second = referByCounsellor().getId();
    assertThat(first).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(second).isGreaterThan(first);
  }

  int load(long mentorId) {
    return mentors.find(mentorId).orElseThrow().currentLoad();
  }

  @Test
  void theMentorLogsTheLastDaysOfAFollowUpThatClosedMidWeekButNotAfterConsentIsWithdrawn() {
    LocalDate today = LocalDate.now(no.alarm.likemann.calendar.OsloCalendar.OSLO);
    ProcessInstance pi = inFollowUpWithLars();
    long coupling = ((Number) runtime.getVariable(pi.getId(), COUPLING_ID)).longValue();
    work("koordinator", pi, CLOSE_FOLLOW_UP, values(CLOSING_REASON, "goalsReached"));
    // one of Lars's slots at a time: the other tests need theirs
    ProcessInstance withdrawn = inFollowUpWithLars();
    long withdrawnCoupling = ((Number) runtime.getVariable(withdrawn.getId(), COUPLING_ID)).longValue();
    runtime.createMessageCorrelation(ParticipantJourney.MESSAGE_CONSENT_WITHDRAWN).processInstanceId(withdrawn.getId())
        .correlate();

    // the next morning's pass: the closed follow-up's last days go to its mentor; none after consent is withdrawn
    var ended = calendar.endedCouplings(today.minusDays(1));
    assertThat(ended).extracting(c -> c.id()).contains(coupling).doesNotContain(withdrawnCoupling);
    var closed = ended.stream().filter(c -> c.id() == coupling).findFirst().orElseThrow();
    var week = lastDaysOnTomorrowsPass(coupling, today).orElseThrow();
    assertThat(week.end()).isEqualTo(today);
    assertThat(calendar.openFinalWeek(closed, week))
        .isEqualTo(no.alarm.likemann.followup.FollowUpCalendar.Outcome.OPENED);
    assertThat(calendar.openFinalWeek(closed, week))
        .isEqualTo(no.alarm.likemann.followup.FollowUpCalendar.Outcome.OPENED_BEFORE);

    Task last = tasks.createTaskQuery().processDefinitionKey(no.alarm.likemann.followup.FinalContactWeek.PROCESS_KEY)
        .processInstanceBusinessKey(pi.getBusinessKey()).singleResult();
    assertThat(last.getAssignee()).isEqualTo("likemann");
    assertThat(tasks.getVariable(last.getId(), WEEK_LABEL)).isEqualTo(week.label());
    // another mentor does not see it
    ensureUser("likemann2", Roles.MENTOR);
    as("likemann2");
    try {
      assertThat(tasks.createTaskQuery().taskId(last.getId()).count()).isZero();
    } finally {
      identity.clearAuthentication();
    }
    // the mentor finds it and its form like any weekly log, and the same rules hold
    assertThatThrownBy(() -> complete("likemann", last, contacts(contact(today.minusDays(8).toString(), "10:00",
        "phone", "yes", 10)))).hasMessageContaining("datoen må ligge i");
    complete("likemann", last, contacts(contact(today.toString(), "00:00", "phone", "yes", 15)));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM weekly_contact_log WHERE coupling_id = ? AND week_end = ?",
        Integer.class, coupling, java.sql.Date.valueOf(today))).isEqualTo(1);
    assertThat(lastDaysOnTomorrowsPass(coupling, today)).isEmpty();

    work("koordinator", pi, WRITE_CLOSING_REPORT, values("closingReportSummary", "Deltakeren har fått jobb.",
        "closingReportGoals", "Målene er nådd", "closingReportSentDate", TODAY));
  }

  /** What tomorrow's pass of the calendar would open for the ended coupling's last days. */
  java.util.Optional<no.alarm.likemann.followup.ContactWeek> lastDaysOnTomorrowsPass(long coupling, LocalDate today) {
    var c = calendar.endedCouplings(today.minusDays(1)).stream().filter(e -> e.id() == coupling).findFirst()
        .orElseThrow();
    var owed = no.alarm.likemann.followup.FollowUpSchedule.weeksOwedAfterEnd(today.plusDays(1), c.coupledOn(),
        c.endedOn(), c.lastOpenedWeek(), 4);
    return owed.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(owed.get(owed.size() - 1));
  }

  /**
   * Coordinator and mentor in contact every week (report 001, ch. 4): the mentor says so in the weekly log; on
   * Wednesday a mentor in follow-up without a contact last week gets the coordinators a follow-up, once; a yes in
   * any of his logs that week counts; the steering group's figures count the weeks.
   */
  @Test
  void aWeekWithoutContactBetweenCoordinatorAndMentorIsFollowedUpOnce() {
    long mentor = ownMentor("kjell", "Kjell Kontaktløs");
    ProcessInstance pi = atMatching();
    work("koordinator", pi, MATCH_MENTOR, values(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(mentor)));
    Map<String, Object> contract = new java.util.HashMap<>(couplingContract(true));
    jdbc.update("UPDATE referral SET received_at = ? WHERE reference = ?", java.sql.Timestamp.from(
        LocalDate.parse(TODAY).minusDays(20).atStartOfDay(no.alarm.likemann.calendar.OsloCalendar.OSLO).toInstant()),
        pi.getBusinessKey());
    contract.put(COUPLING_MEETING_DATE, LocalDate.parse(TODAY).minusDays(14).toString());
    work("koordinator", pi, HOLD_COUPLING_MEETING, contract);
    mentorYear.start(mentor);
    LocalDate today = LocalDate.parse(TODAY);
    LocalDate lastMonday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
        .minusWeeks(1);
    var before = steeringFigures.of(today.withDayOfYear(1), today, today);
    String weeksThisYear = "SELECT COUNT(*) FROM mentor_coordinator_week WHERE week_start >= ?";
    java.sql.Date newYear = java.sql.Date.valueOf(today.withDayOfYear(1));
    int rowsBefore = jdbc.queryForObject(weeksThisYear, Integer.class, newYear);
    int contactsBefore = jdbc.queryForObject(weeksThisYear + " AND had_contact", Integer.class, newYear);

    // the mentor's log for last week: no contact with the coordinator
    Task week = openWeeklyLog(pi);
    Map<String, Object> log = new java.util.HashMap<>(values(CONTACT_COUNT, 0));
    log.put("coordinatorContact", "no");
    complete("kjell", week, log);
    assertThat(jdbc.queryForObject("SELECT had_contact FROM mentor_coordinator_week WHERE mentor_id = ?"
        + " AND week_start = ?", Boolean.class, mentor, java.sql.Date.valueOf(lastMonday))).isFalse();

    assertThat(coordinatorContact.raiseMissed(today)).isGreaterThanOrEqualTo(1);
    ProcessInstance year = runtime.createProcessInstanceQuery().processDefinitionKey(ActiveMentor.PROCESS_KEY)
        .processInstanceBusinessKey(ActiveMentor.reference(mentor)).singleResult();
    Task followUp = taskOf(year, ActiveMentor.Element.FOLLOW_UP_COORDINATOR_CONTACT);
    assertThat(tasks.getVariable(followUp.getId(), "contactWeekStart")).isEqualTo(lastMonday.toString());
    // a second pass, or a second node, raises nothing again
    coordinatorContact.raiseMissed(today);
    assertThat(tasks.createTaskQuery().processInstanceId(year.getId())
        .taskDefinitionKey(ActiveMentor.Element.FOLLOW_UP_COORDINATOR_CONTACT).count()).isEqualTo(1);
    // a mentor may not close the coordinators' follow-up
    as("kjell");
    assertThat(tasks.createTaskQuery().taskId(followUp.getId()).count()).isZero();
    identity.clearAuthentication();
    complete("koordinator", followUp, values("coordinatorContactOn", TODAY, "coordinatorContactNote", "Ringte"));
    assertThat(jdbc.queryForMap("SELECT followed_up_by, follow_up_note FROM mentor_coordinator_week"
        + " WHERE mentor_id = ? AND week_start = ?", mentor, java.sql.Date.valueOf(lastMonday)))
        .containsEntry("followed_up_by", "koordinator").containsEntry("follow_up_note", "Ringte");

    var after = steeringFigures.of(today.withDayOfYear(1), today, today);
    // the figures count the weeks the register holds (the watch made rows for other mentors in follow-up too)
    assertThat(after.mentorWeeks() - before.mentorWeeks())
        .isEqualTo(jdbc.queryForObject(weeksThisYear, Integer.class, newYear) - rowsBefore);
    assertThat(after.mentorWeeksWithCoordinatorContact() - before.mentorWeeksWithCoordinatorContact())
        .isEqualTo(jdbc.queryForObject(weeksThisYear + " AND had_contact", Integer.class, newYear) - contactsBefore);
    runtime.deleteProcessInstance(year.getId(), "test done");
    endJourneys(pi);
  }

  @Autowired no.alarm.likemann.followup.CoordinatorContact coordinatorContact;

  /**
   * Meetings in a journey (report 001): the counsellor records a responsibility group meeting, the coordinator one
   * where they stood in for the counsellor; standing in is only for that meeting and without the counsellor; the
   * steering group's figures count them.
   */
  @Test
  void meetingsInTheJourneyAreRecordedWithWhoAttended() {
    ProcessInstance pi = inFollowUpWithLars();
    String definition = latest(no.alarm.likemann.journey.JourneyMeeting.PROCESS_KEY);
    LocalDate today = LocalDate.parse(TODAY);
    var before = steeringFigures.of(today.withDayOfYear(1), today, today);

    as("ruskonsulent");
    ProcessInstance meeting = forms.submitStartForm(definition, values("referralReference", pi.getBusinessKey(),
        "meetingKind", "responsibilityGroup", "meetingDate", TODAY, "meetingAttendees",
        List.of("participant", "counsellor", "mentor"), "coordinatorStoodIn", false, "meetingNote", "Bolig drøftet"));
    identity.clearAuthentication();
    as("koordinator");
    assertThatThrownBy(() -> forms.submitStartForm(definition, values("referralReference", pi.getBusinessKey(),
        "meetingKind", "startup", "meetingDate", TODAY, "meetingAttendees", List.of("coordinator"),
        "coordinatorStoodIn", true))).hasMessageContaining("bare i ansvarsgruppemøter");
    forms.submitStartForm(definition, values("referralReference", pi.getBusinessKey(), "meetingKind",
        "responsibilityGroup", "meetingDate", TODAY, "meetingAttendees", List.of("participant", "coordinator"),
        "coordinatorStoodIn", true));
    identity.clearAuthentication();
    // another municipality's counsellor may not record for this participant
    as(counsellorOf("porsgrunn"));
    assertThatThrownBy(() -> forms.submitStartForm(definition, values("referralReference", pi.getBusinessKey(),
        "meetingKind", "evaluation", "meetingDate", TODAY, "meetingAttendees", List.of("counsellor"),
        "coordinatorStoodIn", false))).hasMessageContaining("Du kan bare melde for deltakere");
    identity.clearAuthentication();

    assertThat(meeting.getBusinessKey()).isEqualTo(pi.getBusinessKey());
    assertThat(jdbc.queryForList("SELECT recorded_as, coordinator_stood_in, counsellor_attended FROM journey_meeting"
        + " WHERE reference = ? ORDER BY id", pi.getBusinessKey())).extracting(r -> r.get("recorded_as") + ":"
        + r.get("coordinator_stood_in") + ":" + r.get("counsellor_attended"))
        .containsExactly("counsellor:false:true", "coordinator:true:false");
    var after = steeringFigures.of(today.withDayOfYear(1), today, today);
    assertThat(after.meetingsByKind().getOrDefault("responsibilityGroup", 0))
        .isEqualTo(before.meetingsByKind().getOrDefault("responsibilityGroup", 0) + 2);
    assertThat(after.meetingsCoordinatorStoodIn()).isEqualTo(before.meetingsCoordinatorStoodIn() + 1);
    endJourneys(pi);
  }

  /**
   * A deviation from the agreement (plan 000 §13): the mentor reports it for his own participant (no one else's,
   * and not before there is an agreement); the coordinator follows it up first and sends on what is not resolved;
   * the project leader closes it; the words stay in the register and the steering group's figures count it.
   */
  @Test
  void aDeviationFromTheAgreementIsFollowedUpAtTheLowestLevelAndCounted() {
    LocalDate today = LocalDate.parse(TODAY);
    var before = steeringFigures.of(today.withDayOfYear(1), today, today);
    long mentor = ownMentor("dagny", "Dagny Avvik");
    ownMentor("dagfinn", "Dagfinn Annen");
    ProcessInstance pi = atMatching();
    work("koordinator", pi, MATCH_MENTOR, values(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(mentor)));
    String definition = latest(no.alarm.likemann.journey.AgreementDeviation.PROCESS_KEY);
    Map<String, Object> report = values("referralReference", pi.getBusinessKey(), "deviationKind", "meetings",
        "deviationBy", "participant", "deviationDate", TODAY, "deviationDescription", "Møtte ikke tre ganger på rad");

    // before the coupling meeting there is no agreement to deviate from
    as("dagny");
    assertThatThrownBy(() -> forms.submitStartForm(definition, report)).hasMessageContaining("ingen avtale ennå");
    identity.clearAuthentication();
    work("koordinator", pi, HOLD_COUPLING_MEETING, couplingContract(true));
    // another mentor, and another municipality's counsellor, may not report for this participant
    for (String outsider : List.of("dagfinn", counsellorOf("porsgrunn"))) {
      as(outsider);
      assertThatThrownBy(() -> forms.submitStartForm(definition, report)).as(outsider)
          .hasMessageContaining("Du kan bare melde for deltakere");
      identity.clearAuthentication();
    }
    as("dagny");
    ProcessInstance deviation = forms.submitStartForm(definition, report);
    identity.clearAuthentication();

    assertThat(deviation.getBusinessKey()).isEqualTo(pi.getBusinessKey());
    assertThat(runtime.getVariables(deviation.getId())).doesNotContainKey("deviationDescription");
    assertThat(jdbc.queryForMap("SELECT kind, deviation_by, reported_as, level, description FROM agreement_deviation"
        + " WHERE process_instance_id = ?", deviation.getId())).containsEntry("kind", "meetings")
        .containsEntry("deviation_by", "participant").containsEntry("reported_as", "mentor")
        .containsEntry("level", "coordinator").containsEntry("description", "Møtte ikke tre ganger på rad");
    Task followUp = taskOf(deviation, no.alarm.likemann.journey.AgreementDeviation.Element.FOLLOW_UP_DEVIATION);
    assertThat((String) tasks.getVariableLocal(followUp.getId(), "deviationText"))
        .startsWith("Avtalte møter eller kontakt ble ikke holdt – deltakerens forpliktelse")
        .contains("Meldt av likemannen").contains("Møtte ikke tre ganger på rad");
    // the project leader does not take the coordinator's step
    as("prosjektleder");
    assertThat(tasks.createTaskQuery().taskId(followUp.getId()).count()).isZero();
    identity.clearAuthentication();
    complete("koordinator", followUp, values("deviationOutcome", "escalate", "deviationFollowUpNote",
        "Samtale med deltakeren, ikke enige"));
    Task projectLeader = taskOf(deviation,
        no.alarm.likemann.journey.AgreementDeviation.Element.FOLLOW_UP_DEVIATION_PROJECT_LEADER);
    assertThat((String) tasks.getVariableLocal(projectLeader.getId(), "deviationText"))
        .contains("Koordinatorens oppfølging: Samtale med deltakeren, ikke enige");
    complete("prosjektleder", projectLeader, values("deviationOutcome", "resolved", "deviationFollowUpNote",
        "Ny avtale om oppmøte"));

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(deviation.getId()).count()).isZero();
    assertThat(jdbc.queryForMap("SELECT level, outcome, project_leader_note FROM agreement_deviation"
        + " WHERE process_instance_id = ?", deviation.getId())).containsEntry("level", "projectLeader")
        .containsEntry("outcome", "resolved").containsEntry("project_leader_note", "Ny avtale om oppmøte");
    var after = steeringFigures.of(today.withDayOfYear(1), today, today);
    assertThat(after.deviations()).isEqualTo(before.deviations() + 1);
    assertThat(after.deviationsEscalated()).isEqualTo(before.deviationsEscalated() + 1);
    endJourneys(pi);
  }

  /**
   * The joint assessment (report 001, ch. 4): the referring counsellor gives the municipality's view in the referral
   * form; the coordinator assesses with it in front of them; the counsellor sees both under "Henvisninger".
   */
  @Test
  void theCounsellorsViewIsPartOfTheAssessmentAndTheDecisionIsShownToTheCounsellor() throws Exception {
    as("ruskonsulent");
    ProcessInstance pi = forms.submitStartForm(latestJourney(), Referrals.with(MUNICIPALITY_VIEW, "waitList",
        MUNICIPALITY_VIEW_NOTE, "Bor midlertidig, kan vente en måned"));
    identity.clearAuthentication();
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(GIVE_MUNICIPALITY_VIEW)
        .count()).isZero();
    Task assess = taskOf(pi, ASSESS_REFERRAL);
    assertThat((String) tasks.getVariableLocal(assess.getId(), MUNICIPALITY_VIEW_TEXT))
        .startsWith("Kan stå på venteliste").contains("Bor midlertidig, kan vente en måned");
    // the journey carries only that the view was given, not the view
    assertThat(runtime.getVariables(pi.getId())).containsEntry(MUNICIPALITY_VIEW_GIVEN, true)
        .doesNotContainKeys(MUNICIPALITY_VIEW, MUNICIPALITY_VIEW_NOTE);
    work("koordinator", pi, ASSESS_REFERRAL, values(ASSESSMENT, "offer"));

    var rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(rest.withBasicAuth("ruskonsulent",
        password("ruskonsulent")).getForEntity("/api/referrals", String.class).getBody());
    var row = java.util.stream.StreamSupport.stream(rows.spliterator(), false)
        .filter(r -> r.path("reference").asText().equals(pi.getBusinessKey())).findFirst().orElseThrow();
    assertThat(row.path("municipalityView").asText()).isEqualTo("Kan stå på venteliste");
    assertThat(row.path("assessment").asText()).isEqualTo("Tilbudt likemann");
    endJourneys(pi);
  }

  /**
   * A referral the coordinator registered: the municipality's counsellors are asked for their view first, and
   * only they can give it; the coordinator may not give it in the form; without an answer in five days the
   * assessment goes on and says so.
   */
  @Test
  void aReferralRegisteredByTheCoordinatorAsksTheMunicipalitysCounsellorsFirst() {
    as("koordinator");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> forms.submitStartForm(latestJourney(),
        Referrals.with(MUNICIPALITY_VIEW, "offer"))).hasMessageContaining("Kommunens vurdering gis av kommunens");
    ProcessInstance pi = forms.submitStartForm(latestJourney(), Referrals.valid());
    ProcessInstance silent = forms.submitStartForm(latestJourney(), Referrals.valid());
    identity.clearAuthentication();

    Task asked = taskOf(pi, GIVE_MUNICIPALITY_VIEW);
    for (String outsider : List.of("koordinator", counsellorOf("porsgrunn"))) {
      as(outsider);
      assertThat(tasks.createTaskQuery().taskId(asked.getId()).count()).as(outsider).isZero();
      identity.clearAuthentication();
    }
    assertThatThrownBy(() -> complete("koordinator", asked, values(MUNICIPALITY_VIEW, "offer")))
        .isInstanceOf(AuthorizationException.class);
    complete("ruskonsulent", asked, values(MUNICIPALITY_VIEW, "decline", MUNICIPALITY_VIEW_NOTE,
        "Har nettopp fått annen oppfølging"));
    Task assess = taskOf(pi, ASSESS_REFERRAL);
    assertThat((String) tasks.getVariableLocal(assess.getId(), MUNICIPALITY_VIEW_TEXT))
        .startsWith("Anbefaler ikke likemann nå").contains("Har nettopp fått annen oppfølging");
    assertThat(jdbc.queryForObject("SELECT municipality_view FROM referral WHERE reference = ?", String.class,
        pi.getBusinessKey())).isEqualTo("decline");

    // five days without an answer
    management.executeJob(management.createJobQuery().processInstanceId(silent.getId()).timers().singleResult().getId());
    Task assessSilent = taskOf(silent, ASSESS_REFERRAL);
    assertThat((String) tasks.getVariableLocal(assessSilent.getId(), MUNICIPALITY_VIEW_TEXT))
        .isEqualTo("Kommunen svarte ikke innen fem dager");
    endJourneys(pi, silent);
  }

  /**
   * The coupling counts from the meeting date the coordinator entered, not from the day the task was completed: the
   * coupling's start, the journey's {@code coupledOn} and the weekly logs the calendar opens; a meeting before the
   * referral came is refused in Norwegian.
   */
  @Test
  void theCouplingCountsFromTheMeetingDateEntered() {
    long mentor = ownMentor("kari", "Kari Koblingsdato");
    ProcessInstance pi = atMatching();
    LocalDate today = LocalDate.now(no.alarm.likemann.calendar.OsloCalendar.OSLO);
    LocalDate received = today.minusDays(30);
    LocalDate met = today.minusDays(16);
    // as if the referral came a month ago and the coordinator enters the meeting of sixteen days ago today
    jdbc.update("UPDATE referral SET received_at = ? WHERE reference = ?", java.sql.Timestamp.from(received
        .atTime(10, 0).atZone(no.alarm.likemann.calendar.OsloCalendar.OSLO).toInstant()), pi.getBusinessKey());
    work("koordinator", pi, MATCH_MENTOR, values(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(mentor)));

    Map<String, Object> tooEarly = new java.util.HashMap<>(couplingContract(true));
    tooEarly.put(COUPLING_MEETING_DATE, received.minusDays(1).toString());
    assertThatThrownBy(() -> work("koordinator", pi, HOLD_COUPLING_MEETING, tooEarly))
        .hasMessageContaining("Datoen kan ikke være før henvisningen kom");
    assertThat(taskOf(pi, HOLD_COUPLING_MEETING)).isNotNull();

    Map<String, Object> contract = new java.util.HashMap<>(couplingContract(true));
    contract.put(COUPLING_MEETING_DATE, met.toString());
    work("koordinator", pi, HOLD_COUPLING_MEETING, contract);

    long coupling = ((Number) runtime.getVariable(pi.getId(), COUPLING_ID)).longValue();
    assertThat(jdbc.queryForObject("SELECT started_at FROM coupling WHERE id = ?", java.sql.Timestamp.class, coupling)
        .toInstant().atZone(no.alarm.likemann.calendar.OsloCalendar.OSLO).toLocalDate()).isEqualTo(met);
    assertThat(runtime.getVariable(pi.getId(), COUPLED_ON)).isEqualTo(met.toString());
    // the weeks since the meeting that have ended are owed a log, the first from the meeting day
    calendar.openDue(today);
    List<String> starts = weeklyLogs(pi).orderByDueDate().asc().list().stream()
        .map(t -> (String) tasks.getVariable(t.getId(), WEEK_START)).toList();
    assertThat(starts).isEqualTo(no.alarm.likemann.followup.FollowUpSchedule.dueWeeks(today, met, null, 4).stream()
        .map(w -> w.start().toString()).toList());
    assertThat(starts).hasSizeGreaterThanOrEqualTo(2).first().isEqualTo(met.toString());
    endJourneys(pi);
  }

  @Test
  void theFollowUpCalendarOpensEveryEndedWeekOnceAndACheckInAfterEightWeeks() {
    ProcessInstance pi = inFollowUpWithLars();
    long coupling = ((Number) runtime.getVariable(pi.getId(), COUPLING_ID)).longValue();
    LocalDate today = LocalDate.now(no.alarm.likemann.calendar.OsloCalendar.OSLO);
    // as if the coupling meeting was held 60 days ago and the application has been down since
    jdbc.update("UPDATE coupling SET started_at = ? WHERE id = ?", java.sql.Timestamp.from(today.minusDays(60)
        .atTime(12, 0).atZone(no.alarm.likemann.calendar.OsloCalendar.OSLO).toInstant()), coupling);

    var pass = calendar.openDue(today);

    assertThat(pass.weeksOpened()).isGreaterThanOrEqualTo(4);
    assertThat(pass.checkInsOpened()).isGreaterThanOrEqualTo(1);
    List<Task> weeks = weeklyLogs(pi)
        .orderByDueDate().asc().list();
    // no more than four weeks back: older weeks are past remembering
    assertThat(weeks).hasSize(4).allSatisfy(t -> assertThat(t.getAssignee()).isEqualTo("likemann"));
    List<String> starts = weeks.stream().map(t -> (String) tasks.getVariable(t.getId(), WEEK_START)).toList();
    LocalDate lastMonday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
        .minusWeeks(1);
    assertThat(starts).containsExactly(lastMonday.minusWeeks(3).toString(), lastMonday.minusWeeks(2).toString(),
        lastMonday.minusWeeks(1).toString(), lastMonday.toString());
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(CHECK_IN_WITH_PARTICIPANT)
        .count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact_week WHERE coupling_id = ?", Integer.class, coupling))
        .isEqualTo(4);
    assertThat(jdbc.queryForObject("SELECT check_ins_opened FROM referral WHERE reference = ?", Integer.class,
        pi.getBusinessKey())).isEqualTo(1);

    // the steering group sees how many opened logs were sent; the oldest week's log is sent now
    var logsBefore = summary.now().weeklyLogs();
    assertThat(logsBefore.opened()).isGreaterThanOrEqualTo(3);
    complete("likemann", weeks.get(0), values(CONTACT_COUNT, 0, "coordinatorContact", "yes"));
    var logsAfter = summary.now().weeklyLogs();
    assertThat(logsAfter.opened()).isEqualTo(logsBefore.opened());
    assertThat(logsAfter.sent()).isEqualTo(logsBefore.sent() + 1);

    // the next pass the same day, or a second node's, opens nothing again
    calendar.openDue(today);
    assertThat(weeklyLogs(pi).count())
        .isEqualTo(3);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(CHECK_IN_WITH_PARTICIPANT)
        .count()).isEqualTo(1);
    assertThat(calendar.openWeek(coupling, pi.getId(), no.alarm.likemann.followup.ContactWeek.before(today, null)))
        .isEqualTo(no.alarm.likemann.followup.FollowUpCalendar.Outcome.OPENED_BEFORE);

    runtime.createMessageCorrelation(ParticipantJourney.MESSAGE_CONSENT_WITHDRAWN).processInstanceId(pi.getId())
        .correlate();
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  static Map<String, Object> contact(String date, String time, String type, String reached, int minutes) {
    return Map.of(CONTACT_DATE, date, CONTACT_TIME, time, CONTACT_TYPE, type, CONTACT_REACHED, reached,
        CONTACT_MINUTES, minutes);
  }

  /** The week's form as Tasklist submits it: the count, and each row as a JSON (Spin) object. */
  @SafeVarargs
  static Map<String, Object> contacts(Map<String, Object>... items) {
    Map<String, Object> values = new java.util.HashMap<>();
    values.put(CONTACT_COUNT, items.length);
    values.put(no.alarm.likemann.followup.CoordinatorContact.FIELD, "yes");
    try {
      for (int i = 0; i < items.length; i++) {
        values.put(ParticipantJourney.Var.contact(i + 1), org.camunda.spin.plugin.variable.SpinValues.jsonValue(
            new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(items[i])).create());
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return values;
  }

  @Test
  void theWeeklyLogRefusesContactsInTheFutureOutsideTheWeekOrWithNegativeMinutes() {
    ProcessInstance pi = inFollowUpWithLars();
    Task week = openWeeklyLog(pi);
    String start = (String) tasks.getVariable(week.getId(), WEEK_START);
    String end = (String) tasks.getVariable(week.getId(), WEEK_END);
    String tomorrow = LocalDate.now(java.time.ZoneId.of("Europe/Oslo")).plusDays(1).toString();
    String beforeWeek = LocalDate.parse(start).minusDays(1).toString();

    assertThatThrownBy(() -> work("likemann", pi, LOG_WEEKLY_CONTACTS,
        contacts(contact(tomorrow, "10:00", "phone", "yes", 10))))
        .hasMessageContaining("kan ikke være fram i tid").hasMessageContaining("Invalid input");
    assertThatThrownBy(() -> work("likemann", pi, LOG_WEEKLY_CONTACTS,
        contacts(contact(beforeWeek, "10:00", "phone", "yes", 10))))
        .hasMessageContaining("datoen må ligge i uke");
    assertThatThrownBy(() -> work("likemann", pi, LOG_WEEKLY_CONTACTS,
        contacts(contact(end, "10:00", "phone", "yes", -5))))
        .hasMessageContaining("Kontakt 1: «Minutter» må være minst 0");
    assertThatThrownBy(() -> work("likemann", pi, LOG_WEEKLY_CONTACTS,
        contacts(contact(end, "10:00", "fax", "yes", 5))))
        .hasMessageContaining("ugyldig valg");

    // nothing was kept, and the task is still there for a correct log
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM weekly_contact_log w JOIN coupling k ON k.id = w.coupling_id"
        + " WHERE k.referral_reference = ?", Integer.class, pi.getBusinessKey())).isZero();
    work("likemann", pi, LOG_WEEKLY_CONTACTS, contacts(contact(end, "15:30", "phone", "yes", 60)));
    assertThat(jdbc.queryForObject("SELECT minutes_outside_hours FROM contact_log c JOIN coupling k"
        + " ON k.id = c.coupling_id WHERE k.referral_reference = ?", Integer.class, pi.getBusinessKey()))
        .isEqualTo(no.alarm.likemann.calendar.WorkingHours.minutesOutside(
            LocalDate.parse(end).atTime(15, 30), 60));
  }

  @Test
  void aMentorAsksForANewMentorForTheirOwnParticipantOnlyAndTheCoordinatorRematches() {
    ProcessInstance pi = inFollowUpWithLars();
    ProcessInstance other = referByCounsellor();
    String change = latest(no.alarm.likemann.journey.JourneyChange.PROCESS_KEY);
    long before = history.createHistoricProcessInstanceQuery().processDefinitionId(change).count();

    as("likemann");
    assertThatThrownBy(() -> forms.submitStartForm(change, values(REFERRAL_REFERENCE, other.getBusinessKey(),
        "journeyChange", "newMentor", "changeRequestedBy", "mentor")))
        .hasMessageContaining("bare melde for deltakere du er likemann for");
    forms.submitStartForm(change, values(REFERRAL_REFERENCE, pi.getBusinessKey().toLowerCase(),
        "journeyChange", "newMentor", "changeRequestedBy", "mentor"));
    assertThatThrownBy(() -> forms.submitStartForm(change, values(REFERRAL_REFERENCE, pi.getBusinessKey(),
        "journeyChange", "newMentor", "changeRequestedBy", "participant")))
        .hasMessageContaining("allerede bedt om ny likemann");
    identity.clearAuthentication();

    assertThat(taskOf(pi, REMATCH_MENTOR)).isNotNull();
    assertThat(taskOf(pi, CLOSE_FOLLOW_UP)).isNotNull();
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionId(change).count())
        .isEqualTo(before + 1);

    // before matching there is no mentor to change
    as("ruskonsulent");
    assertThatThrownBy(() -> forms.submitStartForm(change, values(REFERRAL_REFERENCE, other.getBusinessKey(),
        "journeyChange", "newMentor", "changeRequestedBy", "counsellor")))
        .hasMessageContaining("ingen likemann å bytte ennå");
    identity.clearAuthentication();
  }

  @Test
  void consentWithdrawnAtAnyTimeEndsTheJourneyAndFreesTheSlot() {
    long lars = demoMentorId();
    int before = load(lars);
    ProcessInstance pi = inFollowUpWithLars();
    openWeeklyLog(pi);
    assertThat(load(lars)).isEqualTo(before + 1);
    String change = latest(no.alarm.likemann.journey.JourneyChange.PROCESS_KEY);

    as("ruskonsulent");
    forms.submitStartForm(change, values(REFERRAL_REFERENCE, pi.getBusinessKey(), "journeyChange", "consentWithdrawn"));
    assertThatThrownBy(() -> forms.submitStartForm(change, values(REFERRAL_REFERENCE, pi.getBusinessKey(),
        "journeyChange", "consentWithdrawn"))).hasMessageContaining("allerede avsluttet");
    identity.clearAuthentication();

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(load(lars)).isEqualTo(before);
    assertThat(jdbc.queryForMap("SELECT outcome, closing_reason FROM referral WHERE reference = ?", pi.getBusinessKey()))
        .containsEntry("outcome", "WITHDRAWN").containsEntry("closing_reason", "consentWithdrawn");
    assertThat(jdbc.queryForMap("SELECT status, end_reason FROM coupling WHERE referral_reference = ?",
        pi.getBusinessKey())).containsEntry("status", "ENDED").containsEntry("end_reason", "consentWithdrawn");

    // before a mentor is coupled too: a reserved slot is released
    ProcessInstance reserved = atMatching();
    work("koordinator", reserved, MATCH_MENTOR, values(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(lars)));
    assertThat(load(lars)).isEqualTo(before + 1);
    as("koordinator");
    forms.submitStartForm(change, values(REFERRAL_REFERENCE, reserved.getBusinessKey(), "journeyChange",
        "consentWithdrawn"));
    identity.clearAuthentication();
    assertThat(load(lars)).isEqualTo(before);
    assertThat(jdbc.queryForObject("SELECT status FROM coupling WHERE referral_reference = ?", String.class,
        reserved.getBusinessKey())).isEqualTo("RELEASED");
  }

  @Test
  void aPersonCarriesAReferralThroughEveryStageToTheClosingReport() {
    long mentorId = demoMentorId();
    int loadBefore = load(mentorId);

    ProcessInstance pi = referByCounsellor();
    String reference = pi.getBusinessKey();
    assertThat(reference).matches("HEN-\\d{4}-\\d{5}");
    assertThat(jdbc.queryForObject("SELECT municipality_code FROM referral WHERE reference = ?", String.class,
        reference)).isEqualTo("skien");

    work("koordinator", pi, ASSESS_REFERRAL, values("assessment", "offer"));
    work("koordinator", pi, HOLD_INFORMATION_MEETING, values(INFORMATION_MEETING_DATE, TODAY,
        "participantAttended", true, PARTICIPANT_WANTS_MENTOR, "yes"));

    // the coordinator is offered the active mentors with free capacity, as JSON for the form's valuesKey
    Task match = taskOf(pi, MATCH_MENTOR);
    as("koordinator");
    var options = tasks.getVariableTyped(match.getId(), MENTOR_OPTIONS, false);
    assertThat(options.getType().getName()).isEqualTo("json");
    String json = String.valueOf(tasks.getVariable(match.getId(), MENTOR_OPTIONS));
    assertThat(json).contains("\"value\":\"" + mentorId + "\"").contains("Lars Likemann").doesNotContain("Eva Moe");
    identity.clearAuthentication();
    // the steering group sees the participant waiting for a mentor, then coupled
    assertThat(matchingSince(reference)).isNotNull();
    var waitingBefore = summary.now().timeToMentor();
    var grenlandBefore = summary.now().capacityByRegion().get("Grenland");
    assertThat(grenlandBefore.waiting()).isPositive();

    work("koordinator", pi, MATCH_MENTOR, values(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(mentorId)));
    assertThat(load(mentorId)).isEqualTo(loadBefore + 1);
    work("koordinator", pi, HOLD_COUPLING_MEETING, couplingContract(true));
    var coupled = summary.now().timeToMentor();
    assertThat(coupled.waitingNow()).isEqualTo(waitingBefore.waitingNow() - 1);
    assertThat(coupled.coupled()).isEqualTo(waitingBefore.coupled() + 1);
    // Skien is in Grenland: one fewer waiting there, and Lars (Grenland) has one slot fewer
    var grenland = summary.now().capacityByRegion().get("Grenland");
    assertThat(grenland.waiting()).isEqualTo(grenlandBefore.waiting() - 1);
    assertThat(grenland.freeSlots()).isEqualTo(grenlandBefore.freeSlots() - 1);

    // Monday morning the mentor gets the week's contact log in their own task list
    Task week = openWeeklyLog(pi);
    assertThat(week.getAssignee()).isEqualTo("likemann");
    String day = (String) tasks.getVariable(week.getId(), WEEK_END);
    work("likemann", pi, LOG_WEEKLY_CONTACTS, contacts(
        contact(day, "18:00", "physicalMeeting", "yes", 45), contact(day, "10:00", "phone", "no", 5)));

    work("koordinator", pi, CLOSE_FOLLOW_UP, values(CLOSING_REASON, "goalsReached"));
    assertThat(load(mentorId)).isEqualTo(loadBefore);
    work("koordinator", pi, WRITE_CLOSING_REPORT, values("closingReportSummary", "Deltakeren har fått jobb.",
        "closingReportGoals", "Målene er nådd", "closingReportSentDate", TODAY));

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(JOURNEY_CLOSED).count()).isEqualTo(1);
    assertThat(jdbc.queryForMap("SELECT outcome, closing_reason FROM referral WHERE reference = ?", reference))
        .containsEntry("outcome", "CLOSED").containsEntry("closing_reason", "goalsReached");
    assertThat(jdbc.queryForObject("SELECT status FROM coupling WHERE referral_reference = ?", String.class,
        reference)).isEqualTo("ENDED");
    assertThat(jdbc.queryForMap("SELECT COUNT(*) AS contacts, SUM(minutes) AS minutes FROM contact_log c"
        + " JOIN coupling k ON k.id = c.coupling_id WHERE k.referral_reference = ?", reference))
        .containsEntry("contacts", 2L).containsEntry("minutes", 50L);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM weekly_contact_log w JOIN coupling k ON k.id = w.coupling_id"
        + " WHERE k.referral_reference = ?", Integer.class, reference)).isEqualTo(1);

    // the closing report is kept as PDF, for the roles that may read it
    String pdf = "/api/closing-reports/" + reference + ".pdf";
    ResponseEntity<byte[]> report = rest.withBasicAuth("koordinator", "koordinator").getForEntity(pdf, byte[].class);
    assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(report.getHeaders().getContentType()).hasToString("application/pdf");
    assertThat(report.getHeaders().get(HttpHeaders.CACHE_CONTROL)).as("a PDF of a case is not cached, said once")
        .containsExactly("no-store");
    assertThat(report.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(new String(report.getBody(), 0, 5)).isEqualTo("%PDF-");
    assertThat(rest.withBasicAuth("ruskonsulent", "ruskonsulent").getForEntity(pdf, byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth("likemann", "likemann").getForEntity(pdf, byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("styringsgruppe", "styringsgruppe").getForEntity(pdf, byte[].class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity(pdf, byte[].class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // a counsellor of another municipality does not read a Skien participant's report
    ensureUser("rkporsgrunn", Roles.COUNSELLOR, Roles.counsellorsOf("porsgrunn"));
    assertThat(rest.withBasicAuth("rkporsgrunn", "rkporsgrunn").getForEntity(pdf, byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("koordinator", "koordinator")
        .getForEntity("/api/closing-reports/HEN-1999-99999.pdf", byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  /**
   * Logs carry ids, never names or health details: a whole journey, a refused referral and a refused task completion
   * through the REST API leave none of the participant's, counsellor's or mentor's words or names in the output.
   */
  @Test
  @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
  void theLogsCarryIdsNeverNamesOrHealthDetails(org.springframework.boot.test.system.CapturedOutput output) {
    List<String> secrets = List.of("Rune Ruskonsulent", "ruskonsulent@likemann.example", "Heroin-loggvakt",
        "Ønske-loggvakt", "Mål-loggvakt", "Samtale-loggvakt", "Sluttrapport-loggvakt", "Lars Likemann");
    long mentorId = demoMentorId();
    as("ruskonsulent");
    ProcessInstance pi = forms.submitStartForm(latestJourney(), Referrals.with(SUBSTANCE_HISTORY, "Heroin-loggvakt",
        FUTURE_WISHES, "Ønske-loggvakt"));
    identity.clearAuthentication();
    // refused through the REST API, with the same words in it
    ResponseEntity<String> refused = rest.withBasicAuth("ruskonsulent", "ruskonsulent").postForEntity(
        "/engine-rest/process-definition/key/participantJourney/submit-form",
        json("{\"variables\":{\"futureWishes\":{\"value\":\"Ønske-loggvakt\"},"
            + "\"substanceHistory\":{\"value\":\"Heroin-loggvakt\"},\"age\":{\"value\":16}}}"), String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    work("koordinator", pi, ASSESS_REFERRAL, values("assessment", "offer"));
    Task meeting = taskOf(pi, HOLD_INFORMATION_MEETING);
    as("koordinator");
    tasks.claim(meeting.getId(), "koordinator");
    identity.clearAuthentication();
    ResponseEntity<String> refusedTask = rest.withBasicAuth("koordinator", "koordinator").postForEntity(
        "/engine-rest/task/" + meeting.getId() + "/submit-form", json("{\"variables\":{"
            + "\"informationMeetingNotes\":{\"value\":\"Samtale-loggvakt\"}}}"), String.class);
    assertThat(refusedTask.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    work("koordinator", pi, HOLD_INFORMATION_MEETING, values(INFORMATION_MEETING_DATE, TODAY,
        "participantAttended", true, PARTICIPANT_WANTS_MENTOR, "yes", "informationMeetingNotes", "Samtale-loggvakt"));
    work("koordinator", pi, MATCH_MENTOR, values(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(mentorId)));
    Map<String, Object> contract = couplingContract(true);
    contract.put("goals", "Mål-loggvakt");
    work("koordinator", pi, HOLD_COUPLING_MEETING, contract);
    Task week = openWeeklyLog(pi);
    String day = (String) tasks.getVariable(week.getId(), WEEK_END);
    work("likemann", pi, LOG_WEEKLY_CONTACTS, contacts(contact(day, "18:00", "physicalMeeting", "yes", 45)));
    work("koordinator", pi, CLOSE_FOLLOW_UP, values(CLOSING_REASON, "goalsReached"));
    work("koordinator", pi, WRITE_CLOSING_REPORT, values("closingReportSummary", "Sluttrapport-loggvakt",
        "closingReportGoals", "Mål-loggvakt", "closingReportSentDate", TODAY));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();

    // what was logged names the journey by its reference and ids, and the refusals in English
    assertThat(output.getAll()).contains(pi.getId()).contains("Refused input for form");
    for (String secret : secrets) {
      assertThat(output.getAll()).as("the logs must not hold «%s»", secret).doesNotContain(secret);
    }
  }

  @Test
  void consentRefusedEndsTheJourneyAndGivesTheSlotBack() {
    long mentorId = demoMentorId();
    int before = load(mentorId);
    ProcessInstance pi = atMatching();
    work("koordinator", pi, MATCH_MENTOR, values(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(mentorId)));
    assertThat(load(mentorId)).isEqualTo(before + 1);

    work("koordinator", pi, HOLD_COUPLING_MEETING, couplingContract(false));

    assertThat(load(mentorId)).isEqualTo(before);
    assertThat(jdbc.queryForObject("SELECT outcome FROM referral WHERE reference = ?", String.class,
        pi.getBusinessKey())).isEqualTo("CONSENT_REFUSED");
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(FOLLOW_UP).count()).isZero();
  }

  @Test
  void aMentorCannotSeeOrCompleteACoordinatorsTask() {
    ProcessInstance pi = referByCounsellor();
    Task assess = taskOf(pi, ASSESS_REFERRAL);

    as("likemann");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThatThrownBy(() -> tasks.complete(assess.getId(), values("assessment", "offer")))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> tasks.claim(assess.getId(), "likemann")).isInstanceOf(AuthorizationException.class);
    identity.clearAuthentication();

    // and through the REST API
    ResponseEntity<String> viaRest = rest.withBasicAuth("likemann", "likemann").postForEntity(
        "/engine-rest/task/" + assess.getId() + "/complete", json("{\"variables\":{}}"), String.class);
    assertThat(viaRest.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(taskOf(pi, ASSESS_REFERRAL).getId()).isEqualTo(assess.getId());
  }

  @Test
  void eachRoleSeesOnlyTheTasksItsWorkNeeds() {
    ProcessInstance pi = referByCounsellor();
    String tasksOfInstance = "/engine-rest/task?processInstanceId=" + pi.getId();

    assertThat(rest.withBasicAuth("koordinator", "koordinator").getForObject(tasksOfInstance, String.class))
        .contains(ASSESS_REFERRAL);
    for (String user : List.of("ruskonsulent", "likemann", "styringsgruppe", "prosjektleder", "radgiver")) {
      assertThat(rest.withBasicAuth(user, user).getForObject(tasksOfInstance, String.class)).as(user).isEqualTo("[]");
    }
    // the steering group sees no process instances and no variables (no personal data)
    assertThat(rest.withBasicAuth("styringsgruppe", "styringsgruppe")
        .getForObject("/engine-rest/process-instance?processInstanceIds=" + pi.getId(), String.class)).isEqualTo("[]");
    ResponseEntity<String> variables = rest.withBasicAuth("styringsgruppe", "styringsgruppe")
        .getForEntity("/engine-rest/process-instance/" + pi.getId() + "/variables", String.class);
    assertThat(variables.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(variables.getBody()).doesNotContain("Alkohol");
    // a counsellor may refer, a mentor may not
    assertThat(rest.withBasicAuth("likemann", "likemann").postForEntity(
        "/engine-rest/process-definition/key/participantJourney/submit-form",
        json("{\"variables\":{}}"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anonymousRequestsGet401() {
    for (String path : List.of("/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/user",
        "/camunda/api/engine/engine/default/task", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics")) {
      assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    assertThat(rest.postForEntity("/engine-rest/process-definition/key/participantJourney/submit-form",
        json("{\"variables\":{}}"), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  /**
   * The APIs' answers carry the same security headers as the webapps': not sniffed, not cached, not framed; on an
   * answer with a case, on a refusal, on the engine's REST API alike.
   */
  @Test
  void theApisAnswersAreNotSniffedCachedOrFramed() {
    List<ResponseEntity<String>> answers = List.of(
        rest.withBasicAuth("ruskonsulent", "ruskonsulent").getForEntity("/api/referrals", String.class),
        rest.withBasicAuth("koordinator", "koordinator").getForEntity("/engine-rest/task", String.class),
        rest.withBasicAuth("likemann", "likemann").getForEntity("/api/referrals", String.class),
        rest.getForEntity("/api/referrals", String.class),
        rest.getForEntity("/engine-rest/task", String.class));
    assertThat(answers).extracting(a -> a.getStatusCode().value()).containsExactly(200, 200, 403, 401, 401);
    for (ResponseEntity<String> answer : answers) {
      HttpHeaders h = answer.getHeaders();
      assertThat(h.get(HttpHeaders.CACHE_CONTROL)).as("Cache-Control").containsExactly("no-store");
      assertThat(h.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(h.getFirst("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
      assertThat(h.getFirst("X-Frame-Options")).isEqualTo("DENY");
      assertThat(h.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    }
  }

  /** All work comes from the processes: no role creates a free-standing task, and Tasklist does not offer it. */
  @Test
  void noRoleCreatesAFreeStandingTask() {
    long before = tasks.createTaskQuery().count();
    for (String user : List.of("koordinator", "ruskonsulent", "likemann", "prosjektleder", "radgiver",
        "styringsgruppe")) {
      ResponseEntity<String> created = rest.withBasicAuth(user, user).postForEntity("/engine-rest/task/create",
          json("{\"name\":\"Ring deltakeren\",\"assignee\":\"" + user + "\"}"), String.class);
      assertThat(created.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(tasks.createTaskQuery().count()).isEqualTo(before);
  }

  @Test
  void theRestApiPublishesNoDescriptionOfItself() {
    var coordinator = rest.withBasicAuth("koordinator", "koordinator");
    assertThat(coordinator.getForEntity("/engine-rest/application.wadl", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(coordinator.getForEntity("/engine-rest/engine", String.class).getStatusCode())
        .as("the API itself answers").isEqualTo(HttpStatus.OK);
  }

  @Autowired no.alarm.likemann.forms.DeployedForms deployedForms;

  @Test
  void inputIsCheckedAgainstTheFormsDeployedWithTheModel() {
    var commands = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration()).getCommandExecutorTxRequired();

    // every form of the journey is found in the journey's own deployment, as Tasklist finds it
    String journey = latestJourney();
    for (String form : List.of(REFERRAL_RECEIVED, ASSESS_REFERRAL, HOLD_INFORMATION_MEETING, MATCH_MENTOR,
        HOLD_COUPLING_MEETING, CLOSE_FOLLOW_UP, WRITE_CLOSING_REPORT)) {
      java.util.Optional<no.alarm.likemann.forms.FormSchema> deployed =
          commands.execute(c -> deployedForms.schema(journey, form));
      assertThat(deployed).as(form).isPresent();
    }
    String week = latest(ParticipantJourney.Element.CONTACT_WEEK_PROCESS);
    java.util.Optional<no.alarm.likemann.forms.FormSchema> weekForm =
        commands.execute(c -> deployedForms.schema(week, LOG_WEEKLY_CONTACTS));
    assertThat(weekForm).isPresent();
  }

  @Test
  void theWebappsPagesSayTheyAreNorwegian() {
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/default/", String.class);

      assertThat(page.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
      assertThat(page.getBody()).as(app).contains("<html lang=\"nb\">").doesNotContain("lang=\"en\"")
          .as("the rest of the page is Camunda's, with its nonce filled in").contains("nonce=")
          .doesNotContain("$CSP_NONCE").contains("/camunda/app/" + app + "/");
      assertThat(page.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE)).as(app).isEqualTo("nb");
    }
    assertThat(rest.getForEntity("/camunda/app/tasklist/scripts/config.js", String.class).getHeaders()
        .getFirst(HttpHeaders.CONTENT_LANGUAGE)).as("scripts pass untouched").isNull();
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteLaxOnce() {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);

    String session = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
        .filter(cookie -> cookie.startsWith("SESSION=")).findFirst().orElseThrow();
    assertThat(session).contains("HttpOnly").doesNotContain("Secure");
    assertThat(java.util.regex.Pattern.compile("SameSite=\\w+").matcher(session).results()
        .map(java.util.regex.MatchResult::group)).containsExactly("SameSite=Lax");
  }

  /**
   * A counsellor follows the referrals of their own municipality: the reference (which the treatment update and the
   * journey change ask for) and where each stands, nothing more. Another municipality's are not theirs to see.
   */
  @Test
  void aCounsellorFollowsTheirMunicipalitysReferralsByReferenceAndStage() throws Exception {
    ProcessInstance skien = referByCounsellor();
    as("koordinator");
    ProcessInstance porsgrunn = forms.submitStartForm(latestJourney(),
        no.alarm.likemann.support.Referrals.with(MUNICIPALITY, "porsgrunn"));
    identity.clearAuthentication();
    work("koordinator", skien, ASSESS_REFERRAL, values("assessment", "offer"));
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();

    ResponseEntity<String> counsellor = rest.withBasicAuth("ruskonsulent", "ruskonsulent")
        .getForEntity("/api/referrals", String.class);
    assertThat(counsellor.getStatusCode()).isEqualTo(HttpStatus.OK);
    var rows = mapper.readTree(counsellor.getBody());
    var own = java.util.stream.StreamSupport.stream(rows.spliterator(), false)
        .filter(r -> r.get("reference").asText().equals(skien.getBusinessKey())).findFirst().orElseThrow();
    assertThat(own.get("stage").asText()).isEqualTo("Informasjonsmøte");
    assertThat(own.get("municipality").asText()).isEqualTo("Skien");
    assertThat(own.get("receivedOn").asText()).isEqualTo(TODAY);
    var fields = new java.util.TreeSet<String>();
    own.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).as("no name, no health detail, no mentor")
        .containsExactly("assessment", "closingReport", "municipality", "municipalityView", "receivedOn", "reference",
            "stage", "stageKey");
    assertThat(rows.findValuesAsText("municipality")).containsOnly("Skien");
    assertThat(counsellor.getBody()).doesNotContain(porsgrunn.getBusinessKey(), "Rune", "Alkohol");

    ResponseEntity<String> coordinator = rest.withBasicAuth("koordinator", "koordinator")
        .getForEntity("/api/referrals", String.class);
    assertThat(coordinator.getBody()).contains(skien.getBusinessKey(), porsgrunn.getBusinessKey());
    assertThat(mapper.readTree(coordinator.getBody()).findValuesAsText("stage")).contains("Til vurdering");

    for (String user : List.of("likemann", "radgiver", "styringsgruppe")) {
      assertThat(rest.withBasicAuth(user, user).getForEntity("/api/referrals", String.class).getStatusCode())
          .as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    ResponseEntity<String> anonymous = rest.getForEntity("/api/referrals", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as("an API client is asked for Basic")
        .isEqualTo("Basic realm=\"Likemann\"");
    // Tasklist's script after the session has ended: 401 without a challenge, so no browser login box pops up
    HttpHeaders fromScript = new HttpHeaders();
    fromScript.set("X-Requested-With", "XMLHttpRequest");
    ResponseEntity<String> script = rest.exchange("/api/referrals", org.springframework.http.HttpMethod.GET,
        new org.springframework.http.HttpEntity<>(fromScript), String.class);
    assertThat(script.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(script.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
    assertThat(script.getBody()).isNull();
  }

  @Autowired
  no.alarm.likemann.notify.TaskDigests taskDigests;

  record Mail(String to, String subject, String body) {}

  /**
   * The daily e-mail: the coordinator learns that a new referral waits for the group, with counts and a link only;
   * nobody gets it twice a day; a failed e-mail is tried again at the next run.
   */
  @Test
  void aUserWithTasksWaitingGetsOneEmailADayThatNamesNothing() {
    ProcessInstance journey = referByCounsellor();
    // a day of its own: the table keeps every day's e-mails, and this database may hold another run's
    LocalDate day = LocalDate.of(2100, 1, 1).plusDays(Math.floorMod(System.nanoTime(), 30_000L));

    List<Mail> sent = new ArrayList<>();
    // the first try fails for the coordinator only: the others are sent, the coordinator's is not kept as sent
    int first = taskDigests.sendAll(day, (to, subject, body) -> {
      if (to.startsWith("koordinator@")) {
        throw new IllegalStateException("SMTP server not reachable");
      }
      sent.add(new Mail(to, subject, body));
    });
    assertThat(sent).extracting(Mail::to).doesNotContain("koordinator@likemann.example");
    assertThat(first).isEqualTo(sent.size());

    // the next run: the coordinator's e-mail goes now (and anyone's whose first task came in the meantime)
    List<Mail> secondRun = new ArrayList<>();
    taskDigests.sendAll(day, (to, subject, body) -> secondRun.add(new Mail(to, subject, body)));
    Mail coordinator = secondRun.stream().filter(m -> m.to().equals("koordinator@likemann.example")).findFirst()
        .orElseThrow(() -> new AssertionError("no e-mail to the coordinator at the second run: " + secondRun));
    java.util.Set<String> reachedFirst = new java.util.HashSet<>(sent.stream().map(Mail::to).toList());
    assertThat(secondRun).extracting(Mail::to).noneMatch(reachedFirst::contains);
    assertThat(coordinator.subject()).matches("Likemann: \\d+ oppgaver? venter");
    // the new referral waits for the coordinators' group, with whatever else other tests left there
    assertThat(coordinator.body()).containsPattern("- [1-9]\\d* oppgaver? til gruppen din som ingen har tatt ennå")
        .contains("/camunda/app/tasklist/")
        .doesNotContain(journey.getBusinessKey(), "Rune", "Alkohol", "Vurder");
    // the steering group has no tasks: no e-mail
    assertThat(sent).extracting(Mail::to).doesNotContain("styringsgruppe@likemann.example");

    // once a day: nobody who has had the day's e-mail gets another
    List<Mail> thirdRun = new ArrayList<>();
    taskDigests.sendAll(day, (to, subject, body) -> thirdRun.add(new Mail(to, subject, body)));
    assertThat(thirdRun).extracting(Mail::to).as("once a day").doesNotContain("koordinator@likemann.example")
        .noneMatch(reachedFirst::contains);
  }

  /**
   * Issue 16: the proxy's and docker-compose's liveness answer is open and says only UP; readiness (engine, database,
   * job executor) and the engine's metrics are for administrators.
   */
  @Test
  void livenessIsOpenAndSaysNothingReadinessAndMetricsAreTheAdministratorsOwn() {
    ResponseEntity<String> live = rest.getForEntity("/actuator/health/liveness", String.class);
    assertThat(live.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(live.getBody()).isEqualTo("{\"status\":\"UP\"}");
    for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/prometheus", "/actuator")) {
      assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(rest.withBasicAuth("koordinator", "koordinator").getForEntity(path, String.class).getStatusCode())
          .as(path).isEqualTo(HttpStatus.FORBIDDEN);
    }
    var admin = rest.withBasicAuth("admin", adminPassword);
    ResponseEntity<String> ready = admin.getForEntity("/actuator/health/readiness", String.class);
    assertThat(ready.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ready.getBody()).contains("\"processEngine\"", "\"jobExecutor\"", "\"db\"", "\"UP\"");
    referByCounsellor();
    ResponseEntity<String> metrics = admin.getForEntity("/actuator/prometheus", String.class);
    assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(metrics.getBody()).contains("likemann_tasks_open{process=\"participantJourney\"}",
        "likemann_incidents_open", "likemann_jobs_executed_total").doesNotContain("HEN-", "Rune");
  }

  /** Issue 15: the mentor learns from the daily e-mail that he has been coupled, with whom only in Tasklist. */
  @Test
  void aMentorIsToldInTheDailyEmailThatHeHasBeenCoupledOnce() {
    ProcessInstance pi = inFollowUpWithLars();
    try {
      LocalDate day = LocalDate.of(2200, 1, 1).plusDays(Math.floorMod(System.nanoTime(), 30_000L));
      List<Mail> sent = new ArrayList<>();
      taskDigests.sendAll(day, (to, subject, body) -> sent.add(new Mail(to, subject, body)));
      Mail lars = sent.stream().filter(m -> m.to().startsWith("likemann@")).findFirst()
          .orElseThrow(() -> new AssertionError("no e-mail to the mentor: " + sent));
      assertThat(lars.body()).containsPattern("- du er koblet med [1-9]\\d* nye? deltakere?: se «Mine deltakere»")
          .doesNotContain(pi.getBusinessKey(), "Rune", "Alkohol");
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupling WHERE referral_reference = ?"
          + " AND mentor_told_at IS NULL", Integer.class, pi.getBusinessKey())).isZero();
      // told once: the next day's e-mail (if any) says nothing of it
      List<Mail> nextDay = new ArrayList<>();
      taskDigests.sendAll(day.plusDays(1), (to, subject, body) -> nextDay.add(new Mail(to, subject, body)));
      assertThat(nextDay).filteredOn(m -> m.to().startsWith("likemann@")).extracting(Mail::body)
          .noneMatch(b -> b.contains("du er koblet med"));
    } finally {
      endJourneys(pi);
    }
  }

  /**
   * A model changed after journeys started: the administrator moves a running journey onto the new version with
   * Camunda's migration API (README, "Editing the models and forms"); no other role may.
   */
  @Test
  void onlyTheAdministratorMovesARunningJourneyOntoANewVersionOfTheModel() throws Exception {
    ProcessInstance pi = referByCounsellor();
    String before = pi.getProcessDefinitionId();
    var deployment = repository.createDeployment().name("it-new-journey-version")
        .addClasspathResource("processes/participant-journey.bpmn");
    for (var form : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
        .getResources("classpath*:forms/*.form")) {
      try (var in = form.getInputStream()) {
        deployment.addInputStream("forms/" + form.getFilename(), in);
      }
    }
    String deploymentId = deployment.deploy().getId();
    try {
      String after = latestJourney();
      assertThat(after).isNotEqualTo(before);
      var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
      var admin = rest.withBasicAuth("admin", adminPassword);
      ResponseEntity<String> plan = admin.postForEntity("/engine-rest/migration/generate", json(mapper
          .writeValueAsString(Map.of("sourceProcessDefinitionId", before, "targetProcessDefinitionId", after,
              "updateEventTriggers", true))), String.class);
      assertThat(plan.getStatusCode()).isEqualTo(HttpStatus.OK);
      String execute = mapper.writeValueAsString(Map.of("migrationPlan", mapper.readTree(plan.getBody()),
          "processInstanceIds", List.of(pi.getId())));

      for (String user : List.of("koordinator", "ruskonsulent", "likemann", "prosjektleder", "radgiver",
          "styringsgruppe")) {
        assertThat(rest.withBasicAuth(user, user).postForEntity("/engine-rest/migration/execute", json(execute),
            String.class).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      }
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
          .getProcessDefinitionId()).isEqualTo(before);

      assertThat(admin.postForEntity("/engine-rest/migration/execute", json(execute), String.class)
          .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
          .getProcessDefinitionId()).isEqualTo(after);
      // the journey goes on, on the new version and its forms
      assertThat(taskOf(pi, ASSESS_REFERRAL).getProcessDefinitionId()).isEqualTo(after);
      work("koordinator", pi, ASSESS_REFERRAL, values("assessment", "decline", "declineReason",
          "Henvist til et annet tilbud"));
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    } finally {
      repository.deleteDeployment(deploymentId, true, true);
    }
  }

  @Test
  void theAdminSetupCannotCreateAnAdministratorWithoutLogin() {
    ResponseEntity<String> setup = rest.postForEntity("/camunda/api/admin/setup/default/user/create",
        json("{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"N\",\"email\":\"i@n.no\"},"
            + "\"credentials\":{\"password\":\"intruder1\"}}"), String.class);

    assertThat(setup.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
    assertThat(identity.createUserQuery().memberOfGroup(Roles.CAMUNDA_ADMIN).userId("admin").count()).isEqualTo(1);
    assertThat(identity.createUserQuery().memberOfGroup(Roles.ADMIN).userId("admin").count()).isEqualTo(1);
  }

  @Test
  void aReferralWithImpossibleValuesIsRefusedInNorwegianAndNothingIsCreated() {
    long instances = runtime.createProcessInstanceQuery().count();
    long referrals = jdbc.queryForObject("SELECT COUNT(*) FROM referral", Long.class);

    ResponseEntity<String> refused = rest.withBasicAuth("ruskonsulent", "ruskonsulent").postForEntity(
        "/engine-rest/process-definition/key/participantJourney/submit-form",
        json("""
            {"variables":{"municipality":{"value":"oslo"},"age":{"value":17},"gender":{"value":"male"},
             "substanceHistory":{"value":"Alkohol"},"futureWishes":{"value":"Jobb"},
             "treatmentStatus":{"value":"after"},"atRiskOfFallingOut":{"value":false},
             "hasIndividualPlan":{"value":false},"hasBrukerplan":{"value":false},"referralConsent":{"value":true}}}"""),
        String.class);

    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("«Deltakerens alder» må være minst 18.")
        .contains("Kommunen «oslo» er ikke med i tjenesten.")
        .contains("age must be at least 18");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM referral", Long.class)).isEqualTo(referrals);

    ResponseEntity<String> tooOld = rest.withBasicAuth("ruskonsulent", "ruskonsulent").postForEntity(
        "/engine-rest/process-definition/key/participantJourney/submit-form",
        json(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of("variables",
            Map.of("age", Map.of("value", 121)))).toString()), String.class);
    assertThat(tooOld.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooOld.getBody()).contains("kan ikke være mer enn 120");
  }

  @Test
  void aTaskCompletedThroughTheApiIsCheckedLikeTheForm() {
    ProcessInstance pi = referByCounsellor();
    Task assess = taskOf(pi, ASSESS_REFERRAL);
    as("koordinator");
    tasks.claim(assess.getId(), "koordinator");
    identity.clearAuthentication();

    ResponseEntity<String> refused = rest.withBasicAuth("koordinator", "koordinator").postForEntity(
        "/engine-rest/task/" + assess.getId() + "/complete",
        json("{\"variables\":{\"assessment\":{\"value\":\"decline\"}}}"), String.class);

    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("Skriv en begrunnelse for avslaget.");
    assertThat(taskOf(pi, ASSESS_REFERRAL).getId()).isEqualTo(assess.getId());
  }

  @Test
  void aReferralWithNoFittingMentorWaitsAndIsNeverLost() {
    ProcessInstance pi = atMatching();
    java.sql.Timestamp since = matchingSince(pi.getBusinessKey());
    assertThat(since).isNotNull();
    work("koordinator", pi, MATCH_MENTOR, values(NO_MENTOR_FITS, true));
    assertThat(taskOf(pi, AWAIT_MENTOR)).isNotNull();

    work("koordinator", pi, AWAIT_MENTOR, values());
    assertThat(taskOf(pi, MATCH_MENTOR)).isNotNull();
    // the wait is counted from the first time in matching, not from the return
    assertThat(matchingSince(pi.getBusinessKey())).isEqualTo(since);
    assertThat(summary.now().timeToMentor().longestWaitDays()).isNotNegative();
  }

  java.sql.Timestamp matchingSince(String reference) {
    return jdbc.queryForObject("SELECT matching_since FROM referral WHERE reference = ?", java.sql.Timestamp.class,
        reference);
  }

  @Test
  void capacityHoldsWhenCoordinatorsMatchTheSameMentorAtTheSameMoment() throws Exception {
    long mentorId = mentors.add(new NewMentor(null, "Kapasitet Test", MentorStatus.ACTIVE, "grenland", "skien",
        "female", 1980, "own", null, null, 1));
    ProcessInstance first = atMatching();
    ProcessInstance second = atMatching();
    Task a = taskOf(first, MATCH_MENTOR);
    Task b = taskOf(second, MATCH_MENTOR);
    as("koordinator");
    tasks.claim(a.getId(), "koordinator");
    tasks.claim(b.getId(), "koordinator");
    identity.clearAuthentication();

    List<String> outcomes = matchAtOnce(List.of(a, b), mentorId);

    assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
    assertThat(outcomes).filteredOn(o -> !"ok".equals(o)).singleElement().asString()
        .contains("Likemannen har ikke lenger ledig kapasitet").contains("has no free capacity");
    assertThat(load(mentorId)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupling WHERE mentor_id = ?", Integer.class, mentorId))
        .isEqualTo(1);
  }

  @Test
  void theStartFormOffersExactlyTheMunicipalitiesOfTheService() throws Exception {
    // the form lists none of its own: the register's are filled in as the form is fetched (FormChoices)
    String form = rest.withBasicAuth("admin", adminPassword).getForObject("/engine-rest/process-definition/key/"
        + ParticipantJourney.PROCESS_KEY + "/deployed-start-form", String.class);
    assertThat(no.alarm.likemann.support.OfferedChoices.of(form, "municipality")).containsExactlyInAnyOrderElementsOf(
        jdbc.queryForList("SELECT code || '=' || name FROM municipality", String.class));
  }

  @Test
  void everyRoleFindsItsFiltersInTasklist() {
    for (String user : List.of("koordinator", "ruskonsulent", "likemann", "prosjektleder", "radgiver")) {
      String filters = rest.withBasicAuth(user, user).getForObject("/engine-rest/filter?resourceType=Task",
          String.class);
      assertThat(filters).as(user).contains("Mine oppgaver").contains("Gruppens oppgaver");
    }
    assertThat(rest.withBasicAuth("koordinator", "koordinator").getForObject("/engine-rest/filter", String.class))
        .contains("Venteliste").contains("Nye henvisninger").contains("Ukelogger");
    assertThat(rest.withBasicAuth("likemann", "likemann").getForObject("/engine-rest/filter", String.class))
        .doesNotContain("Venteliste").doesNotContain("Ukelogger");
  }


  @Test
  void aWaitingReferralIsOfferedTheSlotWhenAMentorBecomesAvailable() {
    long ola = ola();
    mentors.setStatus(ola, MentorStatus.PAUSED);
    ProcessInstance pi = toMatching(Referrals.with(MUNICIPALITY, "kristiansand"));
    Task match = taskOf(pi, MATCH_MENTOR);
    as(AGDER);
    assertThat(String.valueOf(tasks.getVariable(match.getId(), MENTOR_SUGGESTIONS))).contains("Ingen aktive likemenn");
    identity.clearAuthentication();
    work(AGDER, pi, MATCH_MENTOR, values(NO_MENTOR_FITS, true));
    assertThat(jdbc.queryForObject("SELECT waiting_since FROM referral WHERE reference = ?", Object.class,
        pi.getBusinessKey())).isNotNull();

    mentors.setStatus(ola, MentorStatus.ACTIVE);

    assertThat(taskOf(pi, MATCH_MENTOR)).isNotNull();
    assertThat(jdbc.queryForObject("SELECT waiting_since FROM referral WHERE reference = ?", Object.class,
        pi.getBusinessKey())).isNull();
    as(AGDER);
    assertThat(String.valueOf(tasks.getVariable(taskOf(pi, MATCH_MENTOR).getId(), MENTOR_SUGGESTIONS)))
        .contains("Ola Dahl");
  }

  @Test
  void aWaitingReferralIsOfferedTheSlotWhenAFollowUpInItsRegionCloses() {
    long ola = ola();
    int capacity = mentors.find(ola).orElseThrow().capacity();
    // Ola, the only mentor in Agder, has one slot left
    mentors.setCapacity(ola, load(ola) + 1);
    try {
      ProcessInstance first = toMatching(Referrals.with(MUNICIPALITY, "kristiansand"));
      work(AGDER, first, MATCH_MENTOR, values(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(ola)));
      work(AGDER, first, HOLD_COUPLING_MEETING, couplingContract(true));
      ProcessInstance second = toMatching(Referrals.with(MUNICIPALITY, "kristiansand"));
      work(AGDER, second, MATCH_MENTOR, values(NO_MENTOR_FITS, true));
      assertThat(taskOf(second, AWAIT_MENTOR)).isNotNull();

      work(AGDER, first, CLOSE_FOLLOW_UP, values(CLOSING_REASON, "goalsReached"));

      // the slot Ola got back goes to the referral waiting in the same region, as soon as the closing is committed
      assertThat(taskOf(second, MATCH_MENTOR)).isNotNull();
      assertThat(jdbc.queryForObject("SELECT waiting_since FROM referral WHERE reference = ?", Object.class,
          second.getBusinessKey())).isNull();
      for (ProcessInstance pi : List.of(first, second)) {
        runtime.createMessageCorrelation(ParticipantJourney.MESSAGE_CONSENT_WITHDRAWN).processInstanceId(pi.getId())
            .correlate();
      }
    } finally {
      mentors.setCapacity(ola, capacity);
    }
  }

  /** The demo mentor Ola Dahl, the only one in Agder (Kristiansand). */
  long ola() {
    return mentors.findAll().stream().filter(m -> m.displayName().equals("Ola Dahl")).findFirst().orElseThrow().id();
  }

  /** Agder's coordinator: Kristiansand's journeys are Agder's. */
  static final String AGDER = "koordinatoragder";

  /** A referral from the given values, offered and at matching, by Agder's coordinator. */
  ProcessInstance toMatching(Map<String, Object> referral) {
    ensureUserIn("agder", AGDER, Roles.COORDINATOR);
    // a coordinator refers from any municipality of their region; a counsellor only from their own
    as(AGDER);
    ProcessInstance pi = forms.submitStartForm(latestJourney(), referral);
    identity.clearAuthentication();
    work(AGDER, pi, ASSESS_REFERRAL, values("assessment", "offer"));
    work(AGDER, pi, HOLD_INFORMATION_MEETING, values(INFORMATION_MEETING_DATE, TODAY,
        "participantAttended", true, PARTICIPANT_WANTS_MENTOR, "yes"));
    return pi;
  }

  @Test
  void aParticipantGetsANewMentorWithoutLosingTheFollowUp() {
    long lars = demoMentorId();
    long per = mentors.findAll().stream().filter(m -> m.displayName().equals("Per Hansen")).findFirst().orElseThrow()
        .id();
    ProcessInstance pi = atMatching();
    work("koordinator", pi, MATCH_MENTOR, values(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(lars)));
    work("koordinator", pi, HOLD_COUPLING_MEETING, couplingContract(true));
    int larsBefore = load(lars);
    int perBefore = load(per);

    runtime.createMessageCorrelation(ParticipantJourney.MESSAGE_REMATCH_NEEDED).processInstanceId(pi.getId())
        .correlate();
    Task rematch = taskOf(pi, REMATCH_MENTOR);
    as("koordinator");
    assertThat(String.valueOf(tasks.getVariable(rematch.getId(), MENTOR_OPTIONS)))
        .doesNotContain("\"value\":\"" + lars + "\"");
    identity.clearAuthentication();
    work("koordinator", pi, REMATCH_MENTOR, values(MENTOR_ID, Long.toString(per)));

    assertThat(load(lars)).isEqualTo(larsBefore - 1);
    assertThat(load(per)).isEqualTo(perBefore + 1);
    assertThat(jdbc.queryForList("SELECT status FROM coupling WHERE referral_reference = ? ORDER BY id",
        String.class, pi.getBusinessKey())).containsExactly("ENDED", "ACTIVE");
    // Per has no login: the next weekly log goes to the coordinators
    assertThat(openWeeklyLog(pi).getAssignee()).isNull();
    assertThat(taskOf(pi, CLOSE_FOLLOW_UP)).isNotNull();
    work("koordinator", pi, CLOSE_FOLLOW_UP, values(CLOSING_REASON, "goalsReached"));
    assertThat(load(per)).isEqualTo(perBefore);
  }

  @Test
  void aMentorOutsideTheParticipantsRegionCannotBeTakenEvenThroughTheApi() {
    long lise = mentors.findAll().stream().filter(m -> m.displayName().equals("Lise Berg")).findFirst().orElseThrow()
        .id();
    int before = load(lise);
    ProcessInstance pi = atMatching();

    assertThatThrownBy(() -> work("koordinator", pi, MATCH_MENTOR,
        values(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(lise))))
        .hasMessageContaining("passer ikke deltakerens region");
    assertThat(load(lise)).isEqualTo(before);
    assertThat(taskOf(pi, MATCH_MENTOR)).isNotNull();
  }

  @Test
  void aRelapseReportPausesTheMentorAndEveryParticipantGetsANewOne() {
    long lars = demoMentorId();
    ProcessInstance pi = atMatching();
    work("koordinator", pi, MATCH_MENTOR, values(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(lars)));
    work("koordinator", pi, HOLD_COUPLING_MEETING, couplingContract(true));

    // the mentor reports it himself, without naming anyone
    String report = latest(ActiveMentor.RELAPSE_REPORT_KEY);
    as("likemann");
    forms.submitStartForm(report, values("relapseConfirmed", true));
    identity.clearAuthentication();

    assertThat(mentors.find(lars).orElseThrow().status()).isEqualTo(MentorStatus.PAUSED);
    assertThat(mentors.findMatchable()).extracting(m -> m.id()).doesNotContain(lars);
    Task rematch = taskOf(pi, REMATCH_MENTOR);
    assertThat(rematch.getName()).doesNotContainIgnoringCase("tilbakefall");
    ProcessInstance year = runtime.createProcessInstanceQuery().processDefinitionKey(ActiveMentor.PROCESS_KEY)
        .processInstanceBusinessKey(ActiveMentor.reference(lars)).singleResult();
    Task followUp = tasks.createTaskQuery().processInstanceId(year.getId())
        .taskDefinitionKey(ActiveMentor.Element.FOLLOW_UP_RELAPSE).singleResult();
    assertThat(followUp).isNotNull();
    // the coordinator may not decide the adviser's follow-up
    as("koordinator");
    assertThatThrownBy(() -> tasks.claim(followUp.getId(), "koordinator")).isInstanceOf(AuthorizationException.class);
    identity.clearAuthentication();

    long per = mentors.findAll().stream().filter(m -> m.displayName().equals("Per Hansen")).findFirst().orElseThrow()
        .id();
    work("koordinator", pi, REMATCH_MENTOR, values(MENTOR_ID, Long.toString(per)));
    assertThat(jdbc.queryForObject("SELECT mentor_id FROM coupling WHERE referral_reference = ? AND status = 'ACTIVE'",
        Long.class, pi.getBusinessKey())).isEqualTo(per);

    as("radgiver");
    tasks.claim(followUp.getId(), "radgiver");
    // the routine comes first: refused in Norwegian without it, and the task stays
    assertThatThrownBy(() -> forms.submitTaskForm(followUp.getId(), values("relapseFollowedUpOn", TODAY,
        "soberSince", LocalDate.parse(TODAY).minusYears(3).toString(), "internalRoutineFollowed", false,
        "relapseOutcome", "returnToActive"))).hasMessageContaining("interne handlingsrutiner");
    // the report proved wrong: the sober-since date of three years ago stands, the criteria are met
    forms.submitTaskForm(followUp.getId(), values("relapseFollowedUpOn", TODAY,
        "soberSince", LocalDate.parse(TODAY).minusYears(3).toString(), "internalRoutineFollowed", true,
        "relapseOutcome", "returnToActive"));
    identity.clearAuthentication();
    assertThat(mentors.find(lars).orElseThrow().status()).isEqualTo(MentorStatus.ACTIVE);
    assertThat(jdbc.queryForObject("SELECT outcome FROM mentor_pause WHERE mentor_id = ? ORDER BY id DESC LIMIT 1",
        String.class, lars)).isEqualTo("RETURNED");
    work("koordinator", pi, CLOSE_FOLLOW_UP, values(CLOSING_REASON, "goalsReached"));
  }

  /**
   * After a real relapse the criteria apply again: with a new sober-since date the mentor stays paused (not
   * matchable) until two years from it, and a return decided earlier is checked again and refused by the model.
   */
  @Test
  void aMentorWhoRelapsedStaysPausedUntilTwoYearsSoberAgain() {
    long mentor = ownMentor("ragnhild", "Ragnhild Tilbakefall");
    ProcessInstance year = runtime.startProcessInstanceByKey(ActiveMentor.PROCESS_KEY, ActiveMentor.reference(mentor),
        Map.of(ActiveMentor.Var.MENTOR_ID, mentor, ActiveMentor.Var.MENTOR_REFERENCE, ActiveMentor.reference(mentor),
            ActiveMentor.Var.MENTOR_NAME, "Ragnhild Tilbakefall"));
    as("koordinator");
    forms.submitStartForm(latest(ActiveMentor.RELAPSE_REPORT_KEY), values("mentorReference",
        ActiveMentor.reference(mentor), "relapseConfirmed", true));
    identity.clearAuthentication();
    String relapsed = LocalDate.parse(TODAY).minusDays(10).toString();

    work("radgiver", year, ActiveMentor.Element.FOLLOW_UP_RELAPSE, values("relapseFollowedUpOn", TODAY,
        "soberSince", relapsed, "internalRoutineFollowed", true, "relapseOutcome", "returnToActive"));

    assertThat(mentors.find(mentor).orElseThrow().status()).isEqualTo(MentorStatus.PAUSED);
    assertThat(mentors.findMatchable()).extracting(m -> m.id()).doesNotContain(mentor);
    assertThat(jdbc.queryForMap("SELECT sober_since, followed_up_by, internal_routine_followed FROM mentor_pause"
        + " WHERE mentor_id = ? AND ended_at IS NULL", mentor))
        .containsEntry("sober_since", java.sql.Date.valueOf(relapsed)).containsEntry("followed_up_by", "radgiver")
        .containsEntry("internal_routine_followed", true);
    org.camunda.bpm.engine.runtime.Job wait = management.createJobQuery().processInstanceId(year.getId()).singleResult();
    assertThat(wait.getDuedate().toInstant().atZone(no.alarm.likemann.calendar.OsloCalendar.OSLO).toLocalDate())
        .isEqualTo(LocalDate.parse(relapsed).plusYears(2));

    // the wait cut short: the adviser's return is checked again and the mentor waits again
    management.executeJob(wait.getId());
    work("radgiver", year, ActiveMentor.Element.RECONSIDER_RETURN, values("relapseFollowedUpOn", TODAY,
        "soberSince", relapsed, "internalRoutineFollowed", true, "relapseOutcome", "returnToActive"));
    assertThat(mentors.find(mentor).orElseThrow().status()).isEqualTo(MentorStatus.PAUSED);
    assertThat(management.createJobQuery().processInstanceId(year.getId()).count()).isEqualTo(1);
    // and a direct call of the register refuses too
    assertThatThrownBy(() -> mentorYear.resume(mentor)).isInstanceOf(IllegalStateException.class);
    runtime.deleteProcessInstance(year.getId(), "test done");
    jdbc.update("UPDATE mentor SET status = 'LEFT' WHERE id = ?", mentor);
  }

  @Autowired no.alarm.likemann.mentor.MentorYear mentorYear;
  @Autowired no.alarm.likemann.reporting.steering.SteeringFigures steeringFigures;

  @Test
  void aRelapseReportNamingNoActiveMentorIsRefused() {
    String report = latest(ActiveMentor.RELAPSE_REPORT_KEY);
    as("koordinator");
    assertThatThrownBy(() -> forms.submitStartForm(report, values("relapseConfirmed", true)))
        .hasMessageContaining("Fant ingen aktiv likemann");
    assertThatThrownBy(() -> forms.submitStartForm(report, values("mentorReference", "LM-9999",
        "relapseConfirmed", true))).hasMessageContaining("Fant ingen aktiv likemann");
    identity.clearAuthentication();
    as("ruskonsulent");
    assertThatThrownBy(() -> forms.submitStartForm(report, values("relapseConfirmed", true)))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void theCoordinatorRecordsMonthlySupervision() {
    long lars = demoMentorId();
    ProcessInstance year = runtime.createProcessInstanceQuery().processDefinitionKey(ActiveMentor.PROCESS_KEY)
        .processInstanceBusinessKey(ActiveMentor.reference(lars)).singleResult();
    var timer = management.createJobQuery().processInstanceId(year.getId()).timers().singleResult();
    management.executeJob(timer.getId());
    Task supervision = tasks.createTaskQuery().processInstanceId(year.getId())
        .taskDefinitionKey(ActiveMentor.Element.RECORD_SUPERVISION).singleResult();
    as("koordinator");
    tasks.claim(supervision.getId(), "koordinator");
    forms.submitTaskForm(supervision.getId(), values("supervisionAttended", "yes"));
    identity.clearAuthentication();

    assertThat(jdbc.queryForObject("SELECT attended FROM supervision WHERE mentor_id = ? ORDER BY supervision_month"
        + " DESC LIMIT 1", Boolean.class, lars)).isTrue();
    assertThat(management.createJobQuery().processInstanceId(year.getId()).timers().count()).isEqualTo(1);
  }

  /**
   * Report 001, ch. 4: a participant in an inpatient stay is coupled before the discharge; the coordinator records
   * the discharge (early, and why), the mentor takes part in the transition; the silence watch waits while the
   * participant is inpatient; an acute readmission during the follow-up starts a stay of its own; the journey's end
   * ends an open stay; the steering group's figures count them.
   */
  @Test
  void aParticipantCoupledInAnInpatientStayIsFollowedThroughTheDischarge() {
    LocalDate today = LocalDate.parse(TODAY);
    var before = steeringFigures.of(today.withDayOfYear(1), today, today);
    ProcessInstance pi = atMatching();
    try {
      work("koordinator", pi, MATCH_MENTOR, values(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(demoMentorId())));
      Map<String, Object> contract = new HashMap<>(couplingContract(true));
      contract.put("participantInpatient", "yes");
      assertThatThrownBy(() -> work("koordinator", pi, HOLD_COUPLING_MEETING, contract))
          .hasMessageContaining("Skriv inn forventet utskrivingsdato.");
      contract.put("expectedDischargeDate", today.plusDays(10).toString());
      work("koordinator", pi, HOLD_COUPLING_MEETING, contract);

      String reference = pi.getBusinessKey();
      ProcessInstance stay = runtime.createProcessInstanceQuery()
          .processDefinitionKey(no.alarm.likemann.journey.InpatientStay.PROCESS_KEY).processInstanceBusinessKey(reference)
          .singleResult();
      assertThat(stay).isNotNull();
      assertThat(stay.getTenantId()).isEqualTo("grenland");
      assertThat(runtime.getVariables(pi.getId())).doesNotContainKeys("participantInpatient", "expectedDischargeDate");
      Task discharge = tasks.createTaskQuery().processInstanceId(stay.getId()).taskDefinitionKey("recordDischarge")
          .singleResult();
      Task transition = tasks.createTaskQuery().processInstanceId(stay.getId())
          .taskDefinitionKey("takePartInDischarge").singleResult();
      assertThat(transition.getAssignee()).isEqualTo("likemann");
      assertThat(tasks.getVariableLocal(transition.getId(), "stayText")).asString()
          .startsWith("Innlagt da koblingen startet");
      as("likemann");
      assertThat(tasks.createTaskQuery().taskId(transition.getId()).count()).isEqualTo(1);
      assertThat(tasks.createTaskQuery().taskId(discharge.getId()).count()).isZero();
      identity.clearAuthentication();

      // inpatient: no silence warning, however long
      silenceWatch.warn(today.plusDays(40));
      assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(BRING_PARTICIPANT_BACK)
          .count()).isZero();
      // a second stay while the first is open is refused
      String change = latest(no.alarm.likemann.journey.JourneyChange.PROCESS_KEY);
      as("ruskonsulent");
      assertThatThrownBy(() -> forms.submitStartForm(change, values(REFERRAL_REFERENCE, reference, "journeyChange",
          "admitted", "admissionKind", "acute", "admittedDate", TODAY, "expectedDischargeDate", TODAY)))
          .hasMessageContaining("allerede registrert innlagt");
      identity.clearAuthentication();

      // discharged early: the reason is asked for
      assertThatThrownBy(() -> complete("koordinator", discharge, values("dischargeOutcome", "discharged",
          "dischargedOn", TODAY))).hasMessageContaining("før forventet dato");
      complete("koordinator", discharge, values("dischargeOutcome", "discharged", "dischargedOn", TODAY,
          "earlyDischargeReason", "acuteAdmission", "dischargeNote", "Sengeplass trengtes"));
      complete("likemann", transition, values("mentorPart", "atDischarge", "mentorPartOn", TODAY));
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(stay.getId()).count()).isZero();
      assertThat(jdbc.queryForObject("SELECT admission || ':' || CASE WHEN discharged_early THEN 'early' ELSE '-' END || ':'"
          + " || early_reason || ':' || mentor_part || ':' || end_reason FROM inpatient_stay WHERE process_instance_id = ?",
          String.class, stay.getId())).isEqualTo("atCoupling:early:acuteAdmission:atDischarge:discharged");
      // silence counts from the discharge, not from the coupling
      silenceWatch.warn(today.plusDays(13));
      assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(BRING_PARTICIPANT_BACK)
          .count()).isZero();

      // an acute readmission during the follow-up, reported by the counsellor
      as("ruskonsulent");
      forms.submitStartForm(change, values(REFERRAL_REFERENCE, reference, "journeyChange", "admitted",
          "admissionKind", "acute", "admittedDate", TODAY, "expectedDischargeDate", today.plusDays(5).toString()));
      identity.clearAuthentication();
      ProcessInstance again = runtime.createProcessInstanceQuery()
          .processDefinitionKey(no.alarm.likemann.journey.InpatientStay.PROCESS_KEY).processInstanceBusinessKey(reference)
          .singleResult();
      assertThat(jdbc.queryForObject("SELECT recorded_as FROM inpatient_stay WHERE process_instance_id = ?",
          String.class, again.getId())).isEqualTo("counsellor");

      var after = steeringFigures.of(today.withDayOfYear(1), today, today);
      assertThat(after.staysByAdmission().getOrDefault("atCoupling", 0))
          .isEqualTo(before.staysByAdmission().getOrDefault("atCoupling", 0) + 1);
      assertThat(after.staysByAdmission().getOrDefault("acute", 0))
          .isEqualTo(before.staysByAdmission().getOrDefault("acute", 0) + 1);
      assertThat(after.dischargesEarly()).isEqualTo(before.dischargesEarly() + 1);
      assertThat(after.dischargesMentorTookPart()).isEqualTo(before.dischargesMentorTookPart() + 1);

      // the journey ends during the second stay: the stay ends with it, and its tasks go
      endJourneys(pi);
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(again.getId()).count()).isZero();
      assertThat(tasks.createTaskQuery().processInstanceId(again.getId()).count()).isZero();
      assertThat(jdbc.queryForObject("SELECT end_reason FROM inpatient_stay WHERE process_instance_id = ?",
          String.class, again.getId())).isEqualTo("journeyEnded");
    } finally {
      endJourneys(pi);
    }
  }

  @Test
  void aSilentParticipantRaisesTheWarningAndMayCloseAsDropOut() {
    long lars = demoMentorId();
    int before = load(lars);
    ProcessInstance pi = atMatching();
    work("koordinator", pi, MATCH_MENTOR, values(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(lars)));
    work("koordinator", pi, HOLD_COUPLING_MEETING, couplingContract(true));

    // a contact that did not reach the participant does not count. The weekly logs show 14 silent days on the
    // 14th day; the morning watch warns then, once
    Task week = openWeeklyLog(pi);
    work("likemann", pi, LOG_WEEKLY_CONTACTS, contacts(
        contact((String) tasks.getVariable(week.getId(), WEEK_END), "12:00", "phone", "no", 5)));
    java.time.LocalDate today = java.time.LocalDate.parse(TODAY);
    long coupling = jdbc.queryForObject("SELECT id FROM coupling WHERE referral_reference = ? AND status = 'ACTIVE'",
        Long.class, pi.getBusinessKey());
    silenceWatch.warn(today.plusDays(13));
    jdbc.update("INSERT INTO weekly_contact_log (coupling_id, activity_instance_id, week_start, week_end, logged_at)"
        + " VALUES (?, 'later-weeks', ?, ?, CURRENT_TIMESTAMP)", coupling, java.sql.Date.valueOf(today),
        java.sql.Date.valueOf(today.plusDays(14)));
    silenceWatch.warn(today.plusDays(13));
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(BRING_PARTICIPANT_BACK)
        .count()).isZero();
    silenceWatch.warn(today.plusDays(14));
    silenceWatch.warn(today.plusDays(15));
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(BRING_PARTICIPANT_BACK)
        .count()).isEqualTo(1);

    Task bringBack = taskOf(pi, BRING_PARTICIPANT_BACK);
    as("likemann");
    assertThat(tasks.createTaskQuery().taskId(bringBack.getId()).count()).isZero();
    identity.clearAuthentication();
    var dropOutBefore = summary.now().dropOut();
    work("koordinator", pi, BRING_PARTICIPANT_BACK, values(BRING_BACK_OUTCOME, "dropOut"));

    assertThat(load(lars)).isEqualTo(before);
    work("koordinator", pi, WRITE_CLOSING_REPORT, values("closingReportSummary", "Frafall etter to uker.",
        "closingReportGoals", "Ikke nådd", "closingReportSentDate", TODAY));
    assertThat(jdbc.queryForMap("SELECT outcome, closing_reason FROM referral WHERE reference = ?",
        pi.getBusinessKey())).containsEntry("outcome", "CLOSED").containsEntry("closing_reason", "dropOut");
    assertThat(jdbc.queryForObject("SELECT end_reason FROM coupling WHERE referral_reference = ?", String.class,
        pi.getBusinessKey())).isEqualTo("dropOut");

    // drop-out counts from the coupling until TSB treatment ends (plan §7): with no end yet, it counts
    var dropOut = summary.now().dropOut();
    assertThat(dropOut.counted()).isEqualTo(dropOutBefore.counted() + 1);
    assertThat(dropOut.afterTreatmentEnded()).isEqualTo(dropOutBefore.afterTreatmentEnded());
    // had the treatment ended before, the participant is shown apart and not counted
    jdbc.update("UPDATE referral SET tsb_started_on = ?, tsb_ended_on = ? WHERE reference = ?",
        java.sql.Date.valueOf(today.minusDays(60)), java.sql.Date.valueOf(today.minusDays(1)), pi.getBusinessKey());
    assertThat(summary.now().dropOut().counted()).isEqualTo(dropOutBefore.counted());
    assertThat(summary.now().dropOut().afterTreatmentEnded()).isEqualTo(dropOutBefore.afterTreatmentEnded() + 1);
  }

  @Test
  void aClosedJourneyIsEvaluatedByParticipantMentorAndCounsellor() {
    long lars = demoMentorId();
    ProcessInstance pi = atMatching();
    work("koordinator", pi, MATCH_MENTOR, values(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(lars)));
    work("koordinator", pi, HOLD_COUPLING_MEETING, couplingContract(true));
    work("koordinator", pi, CLOSE_FOLLOW_UP, values(CLOSING_REASON, "goalsReached"));
    work("koordinator", pi, WRITE_CLOSING_REPORT, values("closingReportSummary", "Bra.", "closingReportGoals", "Nådd",
        "closingReportSentDate", TODAY));

    String evaluation = latest("closingEvaluation");
    as("koordinator");
    assertThatThrownBy(() -> forms.submitStartForm(evaluation, values(REFERRAL_REFERENCE, "HEN-1999-00001")))
        .hasMessageContaining("Fant ikke et avsluttet forløp");
    ProcessInstance ev = forms.submitStartForm(evaluation, values(REFERRAL_REFERENCE, pi.getBusinessKey()));
    identity.clearAuthentication();

    Map<String, Object> scores = new java.util.HashMap<>();
    for (int q = 1; q <= 12; q++) {
      scores.put("evaluationQ" + q, 8);
    }
    Map<String, Object> outOfRange = new java.util.HashMap<>(scores);
    outOfRange.put("evaluationQ5", 11);
    assertThatThrownBy(() -> work("likemann", ev, "answerEvaluationMentor", outOfRange))
        .hasMessageContaining("kan ikke være mer enn 10");
    work("likemann", ev, "answerEvaluationMentor", scores);
    // the participant is asked about the experienced quality of life as well (plan 000 §7, goal 6)
    assertThatThrownBy(() -> work("likemann", ev, "answerEvaluationParticipant", scores))
        .hasMessageContaining("må fylles ut");
    Map<String, Object> participant = new java.util.HashMap<>(scores);
    participant.put("evaluationQualityOfLife", 7);
    work("likemann", ev, "answerEvaluationParticipant", participant);
    // a counsellor of another municipality does not get the questionnaire about a Skien participant
    ensureUser("rkporsgrunn", Roles.COUNSELLOR, Roles.counsellorsOf("porsgrunn"));
    Task counsellorsQuestions = taskOf(ev, "answerEvaluationCounsellor");
    as("rkporsgrunn");
    assertThat(tasks.createTaskQuery().taskId(counsellorsQuestions.getId()).count()).isZero();
    assertThatThrownBy(() -> tasks.claim(counsellorsQuestions.getId(), "rkporsgrunn"))
        .isInstanceOf(AuthorizationException.class);
    identity.clearAuthentication();
    work("ruskonsulent", ev, "answerEvaluationCounsellor", scores);

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(ev.getId()).count()).isZero();
    assertThat(jdbc.queryForList("SELECT respondent FROM evaluation_answer WHERE referral_reference = ?",
        String.class, pi.getBusinessKey())).containsExactlyInAnyOrder("participant", "mentor", "counsellor");
    assertThat(jdbc.queryForObject("SELECT quality_of_life FROM evaluation_answer WHERE referral_reference = ?"
        + " AND respondent = 'participant'", Integer.class, pi.getBusinessKey())).isEqualTo(7);
  }

  @Test
  void treatmentIpAndBrukerplanCanBeUpdatedAtAnyTime() {
    ProcessInstance pi = referByCounsellor();
    String update = latest("treatmentUpdate");
    String started = java.time.LocalDate.parse(TODAY).minusDays(10).toString();

    as("ruskonsulent");
    assertThatThrownBy(() -> forms.submitStartForm(update, values(REFERRAL_REFERENCE, pi.getBusinessKey(),
        "tsbStartedOn", TODAY, "tsbEndedOn", started))).hasMessageContaining("avsluttet før den startet");
    forms.submitStartForm(update, values(REFERRAL_REFERENCE, pi.getBusinessKey(), "tsbStartedOn", started,
        "individualPlanUpdate", "no"));
    // how treatment ended goes with the day it ended (drop-out is counted until then)
    assertThatThrownBy(() -> forms.submitStartForm(update, values(REFERRAL_REFERENCE, pi.getBusinessKey(),
        "tsbEndedOn", TODAY))).hasMessageContaining("fullført eller avbrutt");
    forms.submitStartForm(update, values(REFERRAL_REFERENCE, pi.getBusinessKey(), "tsbEndedOn", TODAY,
        "tsbOutcome", "brokenOff"));
    identity.clearAuthentication();
    assertThat(jdbc.queryForObject("SELECT tsb_outcome FROM referral WHERE reference = ?", String.class,
        pi.getBusinessKey())).isEqualTo("brokenOff");

    assertThat(jdbc.queryForMap("SELECT tsb_started_on, has_individual_plan, has_brukerplan FROM referral"
        + " WHERE reference = ?", pi.getBusinessKey()))
        .containsEntry("has_individual_plan", false).containsEntry("has_brukerplan", true);
    assertThat(runtime.getVariable(pi.getId(), HAS_INDIVIDUAL_PLAN)).isEqualTo(false);
    assertThat(runtime.getVariable(pi.getId(), "tsbStartedOn")).isEqualTo(started);
  }

  /** A counsellor works for one municipality: another municipality's participants are not theirs to refer or change. */
  @Test
  void aCounsellorRefersUpdatesAndReportsForTheirOwnMunicipalityOnly() {
    as("koordinator");
    ProcessInstance porsgrunn = forms.submitStartForm(latestJourney(),
        no.alarm.likemann.support.Referrals.with(MUNICIPALITY, "porsgrunn"));
    identity.clearAuthentication();
    String update = latest("treatmentUpdate");
    String change = latest(no.alarm.likemann.journey.JourneyChange.PROCESS_KEY);

    as("ruskonsulent");
    assertThatThrownBy(() -> forms.submitStartForm(update, values(REFERRAL_REFERENCE, porsgrunn.getBusinessKey(),
        "individualPlanUpdate", "no")))
        .hasMessageContaining("Du kan bare oppdatere henvisninger fra din egen kommune")
        .hasMessageContaining("own municipality");
    assertThatThrownBy(() -> forms.submitStartForm(change, values(REFERRAL_REFERENCE, porsgrunn.getBusinessKey(),
        no.alarm.likemann.journey.JourneyChange.CHANGE, "consentWithdrawn")))
        .hasMessageContaining("Du kan bare melde for deltakere fra din egen kommune");
    long referrals = jdbc.queryForObject("SELECT COUNT(*) FROM referral", Long.class);
    assertThatThrownBy(() -> forms.submitStartForm(latestJourney(),
        no.alarm.likemann.support.Referrals.with(MUNICIPALITY, "porsgrunn")))
        .hasMessageContaining("Du kan bare henvise deltakere fra din egen kommune");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM referral", Long.class)).as("nothing half-created")
        .isEqualTo(referrals);
    identity.clearAuthentication();

    // nothing changed: the plan is as referred, and the journey runs
    assertThat(jdbc.queryForObject("SELECT has_individual_plan FROM referral WHERE reference = ?", Boolean.class,
        porsgrunn.getBusinessKey())).isTrue();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(porsgrunn.getId()).count()).isOne();

    // a coordinator works for every municipality
    as("koordinator");
    forms.submitStartForm(update, values(REFERRAL_REFERENCE, porsgrunn.getBusinessKey(), "individualPlanUpdate", "no"));
    identity.clearAuthentication();
    assertThat(jdbc.queryForObject("SELECT has_individual_plan FROM referral WHERE reference = ?", Boolean.class,
        porsgrunn.getBusinessKey())).isFalse();
    work("koordinator", porsgrunn, ASSESS_REFERRAL, values("assessment", "decline", "declineReason",
        "Henvist til et annet tilbud"));
  }

  @Test
  void theSteeringGroupSeesFiguresWithoutPersonalData() {
    referByCounsellor();

    ResponseEntity<String> summary = rest.withBasicAuth("styringsgruppe", "styringsgruppe")
        .getForEntity("/api/reports/summary", String.class);

    assertThat(summary.getStatusCode()).isEqualTo(HttpStatus.OK);
    // served as last computed (FigureSnapshots), with when that was
    assertThat(summary.getHeaders().getLastModified()).isPositive();
    assertThat(summary.getHeaders().getContentType()).hasToString("application/json");
    assertThat(summary.getBody()).contains("\"referralsByMunicipality\"", "\"smallestCountShown\":5",
        "\"individualPlanShare\"", "\"participantsInService\"", "\"plansByMunicipality\"",
        "\"portalenJoined\"", "\"dropOut\"", "\"minutesOutsideHours\"", "\"perWeekLastFourWeeks\"",
        "\"timeToMentor\"", "\"medianDaysInMatching\"", "\"capacityByRegion\"", "\"freeSlots\"")
        .doesNotContain("Rune", "Alkohol", "Lars", "HEN-");
    assertThat(rest.withBasicAuth("likemann", "likemann").getForEntity("/api/reports/summary", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // the months for the charts: the same readers, counts only
    ResponseEntity<String> trends = rest.withBasicAuth("styringsgruppe", "styringsgruppe")
        .getForEntity("/api/reports/trends", String.class);
    assertThat(trends.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(trends.getBody()).contains("\"months\"", "\"referrals\"", "\"minutesOutsideHours\"",
        "\"smallestCountShown\":5").doesNotContain("Rune", "Alkohol", "HEN-");
    assertThat(rest.withBasicAuth("likemann", "likemann").getForEntity("/api/reports/trends", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/reports/trends", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // the diagram's counts per step: the journey's and the onboarding's only, counts only
    ResponseEntity<String> steps = rest.withBasicAuth("styringsgruppe", "styringsgruppe")
        .getForEntity("/api/reports/process-counts/participantJourney", String.class);
    assertThat(steps.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(steps.getBody()).contains("\"referralReceived\"", "\"passedThisYear\"")
        .doesNotContain("Rune", "Alkohol", "HEN-").doesNotContainPattern("\":\"[1-4]\"");
    assertThat(rest.withBasicAuth("styringsgruppe", "styringsgruppe").getForEntity(
        "/api/reports/process-counts/erasePerson", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth("likemann", "likemann").getForEntity(
        "/api/reports/process-counts/participantJourney", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/reports/summary", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
