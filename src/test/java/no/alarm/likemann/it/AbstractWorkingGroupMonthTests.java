package no.alarm.likemann.it;

import static no.alarm.likemann.reporting.workinggroup.WorkingGroupMonth.Var.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.reporting.RegionScope;
import no.alarm.likemann.reporting.steering.SteeringFigures;
import no.alarm.likemann.reporting.workinggroup.WorkingGroupMonth;
import no.alarm.likemann.reporting.workinggroup.WorkingGroupMonth.Element;
import no.alarm.likemann.security.Roles;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The working group's month in the real application (nested in the H2 and PostgreSQL test classes): the project
 * leader starts a missed month once, the adviser writes the monthly report, the project leader records the meeting,
 * the PDF is made and read by the region's working group, project leaders and advisers only, and the steering
 * group's figures count the meeting and the report.
 */
abstract class AbstractWorkingGroupMonthTests extends ApplicationTestSupport {

  @Autowired SteeringFigures steeringFigures;

  @Test
  void aMonthRunsFromTheAdvisersReportToThePdfThatOnlyTheRegionsWorkingGroupProjectLeadersAndAdvisersRead()
      throws Exception {
    LocalDate today = LocalDate.now(no.alarm.likemann.calendar.OsloCalendar.OSLO);
    YearMonth month = YearMonth.from(today).minusMonths(1);
    boolean june = month.getMonthValue() == WorkingGroupMonth.HALF_YEAR_EVALUATION_MONTH;
    String definition = latest(WorkingGroupMonth.PROCESS_KEY);
    as("koordinator");
    assertThatThrownBy(() -> forms.submitStartForm(definition, values(GROUP_MONTH, month.toString())))
        .isInstanceOf(AuthorizationException.class);

    as("prosjektleder");
    ProcessInstance pi = forms.submitStartForm(definition, values(GROUP_MONTH, month.toString()));
    identity.clearAuthentication();
    // the project leader's region's month
    assertThat(pi.getBusinessKey()).isEqualTo("AG-" + month + "-grenland");
    assertThat(pi.getTenantId()).isEqualTo("grenland");

    // the same month again: refused with the reason, in Tasklist's words and the API's
    ResponseEntity<String> twice = rest.withBasicAuth("prosjektleder", "prosjektleder").postForEntity(
        "/engine-rest/process-definition/key/" + WorkingGroupMonth.PROCESS_KEY + "/submit-form",
        json("{\"variables\": {\"groupMonth\": {\"value\": \"" + month + "\"}}}"), String.class);
    assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(twice.getBody()).contains("er allerede startet for regionen", "already started for the region");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(WorkingGroupMonth.PROCESS_KEY)
        .processInstanceBusinessKey(pi.getBusinessKey()).count()).isEqualTo(1);

    // the adviser's task, with the previous month's figures on it; the coordinator does not see it
    as("koordinator");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    identity.clearAuthentication();
    var adviserTask = taskOf(pi, Element.WRITE_ADVISER_REPORT);
    assertThat((String) tasks.getVariableLocal(adviserTask.getId(), MONTH_FIGURES))
        .contains("Tall for " + no.alarm.likemann.reporting.MonthlyReportPdf.monthName(month.minusMonths(1)),
            "Kjøring meldt i månedsrapportene (km)");
    // another row's id sent with the form, as a REST client could: refused, nothing is written
    assertThatThrownBy(() -> work("radgiver", pi, Element.WRITE_ADVISER_REPORT, adviserReport(
        WORKING_GROUP_MONTH_ID, 999))).hasMessageContaining("workingGroupMonthId is not a field of form"
        + " writeAdviserReport");
    work("radgiver", pi, Element.WRITE_ADVISER_REPORT, adviserReport());
    long id = jdbc.queryForObject("SELECT id FROM working_group_month WHERE process_instance_id = ?", Long.class,
        pi.getId());
    assertThat(jdbc.queryForMap("SELECT adviser_report, costs_kr, adviser_written_by FROM working_group_month"
        + " WHERE id = ?", id)).containsValues("received", 41000, "radgiver");

    String meeting = june ? Element.HOLD_HALF_YEAR_EVALUATION : Element.HOLD_WORKING_GROUP_MEETING;
    Map<String, Object> minutes = values(MEETING_HELD, "yes", MEETING_DATE, month.atDay(1).toString(),
        MEETING_ATTENDEES, List.of("municipalities", "alarm", "coordinator", "nav"),
        CASES_DISCUSSED, "Rekruttering av likemenn i Bamble", DECISIONS, "Nytt kurs i februar",
        MEASURES_INITIATED, "Informasjonsmøte for fastlegene", STEERING_AGENDA, "Budsjett for neste år");
    if (june) {
      minutes.put(EVALUATION_SUMMARY, "Halvåret i rute");
    }
    var meetingTask = taskOf(pi, meeting);
    assertThat((String) tasks.getVariableLocal(meetingTask.getId(), ADVISER_REPORT_TEXT))
        .contains("To nye likemenn i arbeid");
    work("prosjektleder", pi, meeting, minutes);
    awaitEnd(pi);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getEndActivityId()).isEqualTo(Element.WORKING_GROUP_MONTH_DONE);
    assertThat(jdbc.queryForMap("SELECT meeting_held, nav_attended, specialist_health_attended, meeting_recorded_by"
        + " FROM working_group_month WHERE id = ?", id)).containsValues(true, false, "prosjektleder");

    for (String reader : List.of("arbeidsgruppe", "prosjektleder", "radgiver")) {
      ResponseEntity<byte[]> pdf = rest.withBasicAuth(reader, reader).getForEntity("/api/working-group-months/" + id
          + ".pdf", byte[].class);
      assertThat(pdf.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
      assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
      assertThat(pdf.getHeaders().getCacheControl()).isEqualTo("no-store");
      String text = no.alarm.likemann.support.PdfText.of(pdf.getBody());
      assertThat(text).contains("Arbeidsgruppens måned", "Rådgiverens månedsrapport", "To nye likemenn i arbeid",
          "Kommunenes representanter", "Rekruttering av likemenn i Bamble", "Budsjett for neste år", "41 000 kr")
          .doesNotContain("HEN-", "Pia", "Rita", "Arne", "Lars");
    }
    ResponseEntity<String> list = rest.withBasicAuth("arbeidsgruppe", "arbeidsgruppe")
        .getForEntity("/api/working-group-months", String.class);
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list.getHeaders().getCacheControl()).isEqualTo("no-store");
    assertThat(list.getBody()).contains("\"id\":" + id + ",", "\"month\":\"" + month + "\"");
    assertThat(rest.withBasicAuth("admin", adminPassword).getForEntity("/api/working-group-months/" + id + ".pdf",
        byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);

    for (String user : List.of("koordinator", "likemann", "ruskonsulent", "styringsgruppe")) {
      assertThat(rest.withBasicAuth(user, user).getForEntity("/api/working-group-months", String.class)
          .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(rest.withBasicAuth(user, user).getForEntity("/api/working-group-months/" + id + ".pdf",
          byte[].class).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    // Grenland's month: Sør-Rogaland's project leader and working group neither list nor read it
    ensureUserIn("sorRogaland", "prosjektledersr", Roles.PROJECT_LEADER);
    ensureUserIn("sorRogaland", "arbeidsgruppesr", Roles.WORKING_GROUP);
    for (String user : List.of("prosjektledersr", "arbeidsgruppesr")) {
      assertThat(rest.withBasicAuth(user, user).getForEntity("/api/working-group-months/" + id + ".pdf",
          byte[].class).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      ResponseEntity<String> theirs = rest.withBasicAuth(user, user).getForEntity("/api/working-group-months",
          String.class);
      assertThat(theirs.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
      assertThat(theirs.getBody()).as(user).doesNotContain("\"id\":" + id + ",");
    }
    ResponseEntity<String> anonymous = rest.getForEntity("/api/working-group-months/" + id + ".pdf", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    assertThat(rest.getForEntity("/api/working-group-months", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("arbeidsgruppe", "arbeidsgruppe")
        .getForEntity("/api/working-group-months/999999.pdf", byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    // the working group reads the steering group's reports and the service's figures, as the steering group does
    assertThat(rest.withBasicAuth("arbeidsgruppe", "arbeidsgruppe").getForEntity("/api/steering-reports",
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth("arbeidsgruppe", "arbeidsgruppe").getForEntity("/api/reports/summary",
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

    // the steering group's report counts the meeting held and the adviser's report received
    var figures = steeringFigures.of(month.atDay(1), month.atEndOfMonth(), today,
        RegionScope.of(List.of("grenland")));
    assertThat(figures.workingGroupMeetingsHeld()).isEqualTo(1);
    assertThat(figures.adviserReportsReceived()).isEqualTo(1);
    assertThat(steeringFigures.of(month.atDay(1), month.atEndOfMonth(), today,
        RegionScope.of(List.of("sorRogaland"))).workingGroupMeetingsHeld()).isZero();
  }

  @Test
  void theTimersStartIsTheNamedRegionsOwnAndOnlyItsPeopleSeeIt() {
    YearMonth month = YearMonth.now(no.alarm.likemann.calendar.OsloCalendar.OSLO).minusMonths(1);
    // as the timer starts it: no user, the region named
    identity.clearAuthentication();
    ProcessInstance pi = runtime.startProcessInstanceByKey(WorkingGroupMonth.PROCESS_KEY, values(GROUP_MONTH,
        month.toString(), GROUP_REGION, "sorRogaland"));
    try {
      assertThat(pi.getTenantId()).isEqualTo("sorRogaland");
      assertThat(pi.getBusinessKey()).isEqualTo("AG-" + month + "-sorRogaland");
      assertThat(jdbc.queryForObject("SELECT region FROM working_group_month WHERE process_instance_id = ?",
          String.class, pi.getId())).isEqualTo("sorRogaland");
      // Grenland's adviser does not see Sør-Rogaland's task; one of Sør-Rogaland does
      ensureUserIn("sorRogaland", "radgiversr", Roles.ADVISER);
      as("radgiver");
      assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
      as("radgiversr");
      assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Element.WRITE_ADVISER_REPORT)
          .taskCandidateGroup(Roles.ADVISER).count()).isEqualTo(1);
    } finally {
      identity.clearAuthentication();
      runtime.deleteProcessInstance(pi.getId(), "test over");
    }
  }

  static Map<String, Object> adviserReport(Object... more) {
    Map<String, Object> v = values(ADVISER_STATUS, "To nye likemenn i arbeid.", ADVISER_PROGRESS, "I rute.",
        COSTS_KR, 41000, OUTLAYS_KR, 350, OUTLAYS_NOTE, "Kursmateriell", TRAVEL_COSTS_KR, 1200, TRAVEL_NOTE,
        "Kurs i Skien");
    v.putAll(values(more));
    return v;
  }

  /** The PDF is made in a job of its own: run it here unless the job executor is at it. */
  void awaitEnd(ProcessInstance pi) throws InterruptedException {
    long until = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < until
        && runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0) {
      for (Job job : management.createJobQuery().processInstanceId(pi.getId()).list()) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException e) {
          // the job executor ran it at the same moment: one of the two is rolled back, and the job is done once
        }
      }
      Thread.sleep(100);
    }
  }
}
