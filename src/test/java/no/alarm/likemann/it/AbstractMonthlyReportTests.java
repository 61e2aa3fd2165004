package no.alarm.likemann.it;

import static no.alarm.likemann.journey.ParticipantJourney.Element.*;
import static no.alarm.likemann.journey.ParticipantJourney.Var.*;
import static no.alarm.likemann.reporting.MonthlyReporting.Var.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;


import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.mentor.MentorStatus;
import no.alarm.likemann.mentor.NewMentor;
import no.alarm.likemann.reporting.MonthlyReporting;
import no.alarm.likemann.reporting.MonthlyReporting.Element;
import no.alarm.likemann.security.Roles;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The monthly reports in the real application (nested in the H2 and PostgreSQL test classes): a mentor with a
 * participant in follow-up and contacts this month reports, the coordinator writes the region's report, each
 * municipality gets its own PDF and its counsellors a task; and who may do and read what.
 */
abstract class AbstractMonthlyReportTests extends ApplicationTestSupport {

  @org.springframework.beans.factory.annotation.Autowired
  no.alarm.likemann.referral.MunicipalityRegistry municipalityRegister;

  static final String MENTOR_USER = "mona";

  @Autowired no.alarm.likemann.reporting.ServiceSummary summary;

  /** A mentor with a login of their own (the demo mentor's slots are other tests' business). */
  long monthlyMentor() {
    if (identity.createUserQuery().userId(MENTOR_USER).count() == 0) {
      User user = identity.newUser(MENTOR_USER);
      user.setFirstName("Mona");
      user.setLastName("Månedsrapport");
      user.setPassword(MENTOR_USER);
      // a test user, like the demo users: past the password policy
      ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identity).saveUser(user, true);
      identity.createMembership(MENTOR_USER, Roles.MENTOR);
      identity.createTenantUserMembership("grenland", MENTOR_USER);
    }
    return mentors.findByUsername(MENTOR_USER).map(m -> m.id()).orElseGet(() -> mentors.add(new NewMentor(
        MENTOR_USER, "Mona Månedsrapport", MentorStatus.ACTIVE, "grenland", "skien", "female", 1980, "own", null,
        null, 2)));
  }

  /** A participant from Skien in follow-up with the mentor, with two contacts today (one reached). */
  ProcessInstance participantInFollowUp(long mentorId) {
    ProcessInstance journey = referByCounsellor();
    work("koordinator", journey, ASSESS_REFERRAL, values("assessment", "offer"));
    work("koordinator", journey, HOLD_INFORMATION_MEETING, values(INFORMATION_MEETING_DATE, TODAY,
        "participantAttended", true, PARTICIPANT_WANTS_MENTOR, "yes"));
    work("koordinator", journey, MATCH_MENTOR, values(NO_MENTOR_FITS, false, ParticipantJourney.Var.MENTOR_ID,
        Long.toString(mentorId)));
    work("koordinator", journey, HOLD_COUPLING_MEETING, couplingContract(true));
    // two contacts today, as a weekly log records them (the week's log itself opens on Monday): 45 minutes from
    // 15:30, of which 15 after four, and an unanswered call at ten
    long coupling = jdbc.queryForObject("SELECT id FROM coupling WHERE referral_reference = ? AND status = 'ACTIVE'",
        Long.class, journey.getBusinessKey());
    int outside = no.alarm.likemann.calendar.WorkingHours.minutesOutside(LocalDate.parse(TODAY).atTime(15, 30), 45);
    jdbc.update("INSERT INTO contact_log (coupling_id, contact_date, contact_time, contact_type, reached, minutes,"
        + " minutes_outside_hours, logged_at) VALUES (?, ?, '15:30', 'physicalMeeting', TRUE, 45, ?, CURRENT_TIMESTAMP),"
        + " (?, ?, '10:00', 'phone', FALSE, 5, ?, CURRENT_TIMESTAMP)", coupling, java.sql.Date.valueOf(TODAY), outside,
        coupling, java.sql.Date.valueOf(TODAY),
        no.alarm.likemann.calendar.WorkingHours.minutesOutside(LocalDate.parse(TODAY).atTime(10, 0), 5));
    return journey;
  }

  /** The minutes outside ordinary hours of today's two contacts (today may be a weekend or a holiday). */
  static int outsideToday() {
    LocalDate today = LocalDate.parse(TODAY);
    return no.alarm.likemann.calendar.WorkingHours.minutesOutside(today.atTime(15, 30), 45)
        + no.alarm.likemann.calendar.WorkingHours.minutesOutside(today.atTime(10, 0), 5);
  }

  List<Task> tasksOf(ProcessInstance pi, String key) {
    identity.clearAuthentication();
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
  }

  Task taskWhere(ProcessInstance pi, String key, String variable, Object value) {
    return tasksOf(pi, key).stream().filter(t -> value.equals(tasks.getVariable(t.getId(), variable))).findFirst()
        .orElseThrow(() -> new AssertionError("no task " + key + " with " + variable + " = " + value));
  }

  /** The counsellors' tasks appear once the send job ran: run it here unless the job executor is at it. */
  List<Task> awaitDelivery(ProcessInstance pi, int municipalities) throws InterruptedException {
    long until = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < until) {
      if (tasksOf(pi, Element.READ_MONTHLY_REPORT).size() >= municipalities) {
        break;
      }
      for (Job job : management.createJobQuery().processInstanceId(pi.getId()).activityId(Element.SEND_MONTHLY_REPORT)
          .list()) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException e) {
          // the job executor ran it at the same moment: one of the two is refused by the table's unique key and
          // rolled back, and the job is done once
        }
      }
      Thread.sleep(100);
    }
    return tasksOf(pi, Element.READ_MONTHLY_REPORT);
  }

  static String text(byte[] pdf) throws Exception {
    return no.alarm.likemann.support.PdfText.of(pdf);
  }

  ResponseEntity<byte[]> pdf(String user, long reportId) {
    String path = "/api/monthly-reports/" + reportId + ".pdf";
    return user == null ? rest.getForEntity(path, byte[].class)
        : rest.withBasicAuth(user, user).getForEntity(path, byte[].class);
  }

  @Test
  void aMonthWithARealCouplingReachesEachMunicipalityAsItsOwnPdf() throws Exception {
    long mentorId = monthlyMentor();
    ProcessInstance journey = participantInFollowUp(mentorId);
    String reference = journey.getBusinessKey();
    String month = YearMonth.now(ZoneId.of("Europe/Oslo")).toString();

    as("koordinator");
    ProcessInstance monthly = forms.submitStartForm(latest(MonthlyReporting.PROCESS_KEY), values(REPORT_MONTH, month));
    identity.clearAuthentication();
    // the coordinator's region's reporting: Grenland's mentors and municipalities only
    assertThat(monthly.getBusinessKey()).isEqualTo("MR-" + month + "-grenland");
    // Sør-Rogaland's coordinator sees nothing of it
    as("koordinatorsr");
    try {
      assertThat(tasks.createTaskQuery().processInstanceId(monthly.getId()).count()).isZero();
    } finally {
      identity.clearAuthentication();
    }

    // the mentor's own task shows the month's figures per participant from the contact log
    Task report = tasksOf(monthly, Element.WRITE_MONTHLY_MENTOR_REPORT).stream()
        .filter(t -> MENTOR_USER.equals(t.getAssignee())).findFirst().orElseThrow();
    as(MENTOR_USER);
    assertThat(tasks.createTaskQuery().processInstanceId(monthly.getId()).list()).extracting(Task::getId)
        .containsExactly(report.getId());
    assertThat((String) tasks.getVariable(report.getId(), PARTICIPANT_FIGURES))
        .isEqualTo("- " + reference + " (Skien): 2 kontakter, 1 nådde deltakeren, 50 minutter (" + outsideToday()
            + " utenom vanlig arbeidstid).");
    assertThat(tasks.getVariable(report.getId(), PARTICIPANT_STATUS)).isEqualTo(reference + ": ");
    identity.clearAuthentication();

    assertThatThrownBy(() -> complete(MENTOR_USER, report, values(PARTICIPANT_STATUS, reference + ": Møter fast",
        MENTOR_MILEAGE_KM, -10, MENTOR_EXPENSES_KR, 0))).hasMessageContaining("må være minst 0");
    complete(MENTOR_USER, report, values(PARTICIPANT_STATUS, reference + ": Møter fast, søker jobb",
        MENTOR_MILEAGE_KM, 64, MENTOR_EXPENSES_KR, 120, MENTOR_EXPENSES_FOR, "Kaffe på møte"));

    // the other mentors with couplings this month (other tests' journeys) do not report: seven days pass
    for (Job overdue : management.createJobQuery().processInstanceId(monthly.getId())
        .activityId(Element.MENTOR_REPORT_OVERDUE).list()) {
      management.executeJob(overdue.getId());
    }
    assertThat(jdbc.queryForMap("SELECT status, mileage_km, expenses_kr, recorded_by FROM monthly_mentor_report"
        + " WHERE mentor_id = ? AND region = 'grenland'", mentorId))
        .containsEntry("status", "RECEIVED").containsEntry("mileage_km", 64).containsEntry("expenses_kr", 120)
        .containsEntry("recorded_by", MENTOR_USER);
    assertThat(tasksOf(monthly, Element.WRITE_MONTHLY_MENTOR_REPORT)).isEmpty();

    // the coordinator writes the region's report; a mentor may not
    Task grenland = taskWhere(monthly, Element.WRITE_MONTHLY_COORDINATOR_REPORT, REGION, "grenland");
    assertThat((String) tasks.getVariable(grenland.getId(), MENTOR_REPORTS_SUMMARY))
        .contains("Mona Månedsrapport**: rapport mottatt. Kjøring 64 km, utlegg 120 kr (Kaffe på møte).")
        .contains(reference + " (Skien): 2 kontakter, 1 nådde deltakeren, 50 minutter (" + outsideToday()
            + " utenom vanlig arbeidstid). Status: Møter fast, søker jobb");
    for (String mentor : List.of("likemann", MENTOR_USER)) {
      as(mentor);
      assertThat(tasks.createTaskQuery().taskId(grenland.getId()).count()).isZero();
      assertThatThrownBy(() -> tasks.claim(grenland.getId(), mentor)).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> forms.submitTaskForm(grenland.getId(), values(NEXT_MONTH_PLAN, "x")))
          .isInstanceOf(AuthorizationException.class);
      identity.clearAuthentication();
    }
    complete("koordinator", grenland, values(PARTICIPANT_GOALS, reference + ": Arbeidstrening innen jul",
        NEXT_MONTH_PLAN, "Samarbeidsmøte med NAV om arbeidstrening", PARTNERS_INVOLVED, "NAV Grenland, rustjenesten",
        COORDINATOR_MILEAGE_KM, 36, COORDINATOR_EXPENSES_KR, 0));
    // the steering group's summary counts the month's driving and expenses: Mona's and the coordinator's
    assertThat(summary.now().mileageAndExpensesByMonth()).containsKey(month);
    assertThat(summary.now().mileageAndExpensesByMonth().get(month).km()).isGreaterThanOrEqualTo(64 + 36);
    assertThat(summary.now().mileageAndExpensesByMonth().get(month).kr()).isGreaterThanOrEqualTo(120);
    assertThat(jdbc.queryForObject("SELECT goals_text FROM monthly_participant_goal WHERE referral_reference = ?",
        String.class, reference)).isEqualTo("Arbeidstrening innen jul");

    // one PDF per municipality of the region, each with a task for the counsellors
    // (the register's: another test may have added one)
    int grenlands = (int) municipalityRegister.all().values().stream().filter(m -> m.region().equals("grenland"))
        .count();
    assertThat(grenlands).isGreaterThanOrEqualTo(6);
    List<Task> reading = awaitDelivery(monthly, grenlands);
    assertThat(reading).hasSize(grenlands);
    Task skienTask = taskWhere(monthly, Element.READ_MONTHLY_REPORT, MUNICIPALITY_NAME, "Skien");
    long skien = ((Number) tasks.getVariable(skienTask.getId(), MONTHLY_REPORT_ID)).longValue();
    long porsgrunn = ((Number) tasks.getVariable(taskWhere(monthly, Element.READ_MONTHLY_REPORT, MUNICIPALITY_NAME,
        "Porsgrunn").getId(), MONTHLY_REPORT_ID)).longValue();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monthly_report WHERE region = 'grenland'"
        + " AND municipality_code = 'skien'", Integer.class)).isEqualTo(1);

    ResponseEntity<byte[]> counsellor = pdf("ruskonsulent", skien);
    assertThat(counsellor.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(counsellor.getHeaders().getContentType()).hasToString("application/pdf");
    assertThat(text(counsellor.getBody())).contains("Skien", reference, "Møter fast, søker jobb",
        "Arbeidstrening innen jul", "Mona Månedsrapport", "Samarbeidsmøte med NAV om arbeidstrening");
    assertThat(text(pdf("koordinator", porsgrunn).getBody())).contains("Porsgrunn").doesNotContain(reference);
    assertThat(pdf("prosjektleder", skien).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf("likemann", skien).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(pdf(MENTOR_USER, skien).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(pdf("styringsgruppe", skien).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(pdf(null, skien).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(pdf("ruskonsulent", 999_999).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    // the demo counsellor works for Skien: Porsgrunn's report and its task are not theirs
    assertThat(pdf("ruskonsulent", porsgrunn).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    as("ruskonsulent");
    assertThat(tasks.createTaskQuery().processInstanceId(monthly.getId()).taskDefinitionKey(Element.READ_MONTHLY_REPORT)
        .list()).extracting(Task::getId).containsExactly(skienTask.getId());
    identity.clearAuthentication();

    // the counsellor's task links the PDF and carries no other municipality's lines
    as("ruskonsulent");
    Map<String, Object> visible = tasks.getVariables(skienTask.getId());
    assertThat(visible).containsKeys(MONTHLY_REPORT_ID, MUNICIPALITY_NAME, REPORT_MONTH)
        .doesNotContainKeys(PARTICIPANT_GOALS, MENTOR_REPORTS_SUMMARY, PARTICIPANT_STATUS, NEXT_MONTH_PLAN);
    identity.clearAuthentication();
    assertThat(rest.withBasicAuth("ruskonsulent", "ruskonsulent").getForObject("/engine-rest/filter", String.class))
        .contains("Månedsrapporter");
    complete("ruskonsulent", skienTask, values(MONTHLY_REPORT_READ, true));
    assertThat(jdbc.queryForObject("SELECT acknowledged_by FROM monthly_report_delivery WHERE report_id = ?",
        String.class, skien)).isEqualTo("ruskonsulent");

    // the same month again while it runs: nothing is made twice
    as("koordinator");
    ProcessInstance again = forms.submitStartForm(latest(MonthlyReporting.PROCESS_KEY), values(REPORT_MONTH, month));
    identity.clearAuthentication();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(again.getId()).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(again.getId())
        .activityId(Element.NOTHING_TO_REPORT).count()).isEqualTo(1);
  }

  @Test
  void onlyCoordinatorsStartAMonthAndNeverOneInTheFuture() {
    String definition = latest(MonthlyReporting.PROCESS_KEY);
    String nextMonth = YearMonth.now(ZoneId.of("Europe/Oslo")).plusMonths(1).toString();

    as("koordinator");
    assertThatThrownBy(() -> forms.submitStartForm(definition, values(REPORT_MONTH, nextMonth)))
        .hasMessageContaining("Måneden kan ikke være fram i tid.");
    identity.clearAuthentication();
    for (String user : List.of("likemann", "ruskonsulent")) {
      as(user);
      assertThatThrownBy(() -> forms.submitStartForm(definition, values(REPORT_MONTH, "2020-01")))
          .isInstanceOf(AuthorizationException.class);
      identity.clearAuthentication();
    }
    ResponseEntity<String> viaRest = rest.withBasicAuth("koordinator", "koordinator").postForEntity(
        "/engine-rest/process-definition/key/monthlyReporting/submit-form",
        json("{\"variables\":{\"reportMonth\":{\"value\":\"" + nextMonth + "\"}}}"), String.class);
    assertThat(viaRest.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(viaRest.getBody()).contains("reportMonth must not be in the future");
  }
}
