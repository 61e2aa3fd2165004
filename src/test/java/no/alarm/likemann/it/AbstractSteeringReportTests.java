package no.alarm.likemann.it;

import static no.alarm.likemann.reporting.steering.SteeringReporting.Var.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;


import no.alarm.likemann.reporting.steering.SteeringFigures;
import no.alarm.likemann.reporting.steering.SteeringReporting;
import no.alarm.likemann.reporting.steering.SteeringReporting.Element;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The report to the steering group in the real application (nested in the H2 and PostgreSQL test classes): the
 * period's figures from the tables, the project leader's task and text, the PDF, and who may start, write and read.
 */
abstract class AbstractSteeringReportTests extends ApplicationTestSupport {

  @Autowired SteeringFigures steeringFigures;

  static final LocalDate OSLO_TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));

  @Test
  void aNewReferralCountsInThePeriodsFiguresByMunicipalityAndNothingElseMoves() {
    LocalDate from = OSLO_TODAY.withDayOfYear(1);
    var before = steeringFigures.of(from, OSLO_TODAY, OSLO_TODAY);
    var untilYesterdayBefore = steeringFigures.of(from.minusYears(1), OSLO_TODAY.minusDays(1), OSLO_TODAY);
    ProcessInstance journey = referByCounsellor();
    var after = steeringFigures.of(from, OSLO_TODAY, OSLO_TODAY);

    assertThat(after.referrals()).isEqualTo(before.referrals() + 1);
    assertThat(after.referralsByMunicipality().get("Skien"))
        .isEqualTo(before.referralsByMunicipality().getOrDefault("Skien", 0) + 1);
    assertThat(after.newCouplings()).isEqualTo(before.newCouplings());
    // a period that ended yesterday does not see today's referral
    assertThat(steeringFigures.of(from.minusYears(1), OSLO_TODAY.minusDays(1), OSLO_TODAY).referrals())
        .isEqualTo(untilYesterdayBefore.referrals());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM referral WHERE reference = ?", Integer.class,
        journey.getBusinessKey())).isEqualTo(1);
  }

  /** Plan 000 §12: the evaluation report from the mentors and the counsellors, read by the working group too. */
  @Test
  void theEvaluationReportHasTheEvaluationAndThePlansGoalsForTheWorkingGroupAndTheSteeringGroup() throws Exception {
    int year = OSLO_TODAY.getYear() - 1;
    as("prosjektleder");
    ProcessInstance report = forms.submitStartForm(latest(SteeringReporting.PROCESS_KEY),
        values(REPORT_KIND, "evaluation", REPORT_YEAR, year));
    identity.clearAuthentication();
    assertThat(report.getBusinessKey()).isEqualTo("SG-" + year + "-evaluation-grenland");
    assertThat((String) runtime.getVariable(report.getId(), PERIOD_FIGURES))
        .contains("Evalueringen (snitt, 1 til 10)", "Målene i prosjektplanen").doesNotContain("Henvisninger mottatt");
    work("prosjektleder", report, Element.WRITE_STEERING_REPORT, values(RESULTS_ACHIEVED,
        "Deltakerne føler seg lyttet til.", MEASURES, "Flere ansvarsgruppemøter.", FINANCES, null,
        NEXT_PERIOD_PLAN, null));
    awaitEnd(report);
    long id = jdbc.queryForObject("SELECT id FROM steering_report WHERE process_instance_id = ?", Long.class,
        report.getId());
    for (String reader : List.of("arbeidsgruppe", "styringsgruppe")) {
      ResponseEntity<byte[]> pdf = rest.withBasicAuth(reader, reader).getForEntity("/api/steering-reports/" + id
          + ".pdf", byte[].class);
      assertThat(pdf.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
      assertThat(text(pdf.getBody())).contains("Evalueringsrapport fra likemenn og ruskonsulenter " + year,
          "Deltakerne føler seg lyttet til.", "Evalueringen (snitt, 1 til 10)", "Målene i prosjektplanen")
          .doesNotContain("Henvisninger mottatt", "HEN-");
    }
  }

  @Test
  void theProjectLeaderWritesTheReportAndOnlyTheSteeringGroupProjectLeadersAndAdministratorsReadIt()
      throws Exception {
    int year = OSLO_TODAY.getYear() - 1;
    String definition = latest(SteeringReporting.PROCESS_KEY);
    as("koordinator");
    assertThatThrownBy(() -> forms.submitStartForm(definition,
        values(REPORT_KIND, "yearResults", REPORT_YEAR, year))).isInstanceOf(AuthorizationException.class);

    as("prosjektleder");
    ProcessInstance report = forms.submitStartForm(definition,
        values(REPORT_KIND, "yearResults", REPORT_YEAR, year));
    identity.clearAuthentication();
    // the project leader's region's report
    assertThat(report.getBusinessKey()).isEqualTo("SG-" + year + "-yearResults-grenland");
    assertThat((String) runtime.getVariable(report.getId(), PERIOD_FIGURES)).contains("Henvisninger mottatt")
        .doesNotContain("HEN-");
    // the coordinator does not see the project leader's task
    as("koordinator");
    assertThat(tasks.createTaskQuery().processInstanceId(report.getId()).count()).isZero();
    identity.clearAuthentication();

    long id = jdbc.queryForObject("SELECT id FROM steering_report WHERE process_instance_id = ?", Long.class,
        report.getId());
    // another report's id sent with the form, as a REST client could: refused, nothing is written
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> work("prosjektleder", report,
        Element.WRITE_STEERING_REPORT, values(RESULTS_ACHIEVED, "Flere henvisninger enn i fjor.", MEASURES,
            "Rekruttere to likemenn i Skien.", FINANCES, null, NEXT_PERIOD_PLAN, null, STEERING_REPORT_ID, id + 1000)))
        .hasMessageContaining("steeringReportId is not a field of form writeSteeringReport");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM steering_report WHERE written_by IS NOT NULL AND id = ?",
        Integer.class, id)).isZero();
    work("prosjektleder", report, Element.WRITE_STEERING_REPORT, values(RESULTS_ACHIEVED,
        "Flere henvisninger enn i fjor.", MEASURES, "Rekruttere to likemenn i Skien.", FINANCES, null,
        NEXT_PERIOD_PLAN, null));
    awaitEnd(report);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(report.getId()).singleResult()
        .getEndActivityId()).isEqualTo(Element.STEERING_REPORT_DELIVERED);
    assertThat(jdbc.queryForObject("SELECT written_by FROM steering_report WHERE id = ?", String.class, id))
        .isEqualTo("prosjektleder");

    ResponseEntity<String> list = rest.withBasicAuth("styringsgruppe", "styringsgruppe")
        .getForEntity("/api/steering-reports", String.class);
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list.getBody()).contains("Resultatrapport " + year + " (1.1." + year + "–31.12." + year + ")",
        "\"id\":" + id);

    // Grenland's report: Sør-Rogaland's steering group neither lists nor reads it
    assertThat(rest.withBasicAuth("styringsgruppesr", "styringsgruppesr").getForEntity("/api/steering-reports",
        String.class).getBody()).doesNotContain("\"id\":" + id + ",");
    assertThat(rest.withBasicAuth("styringsgruppesr", "styringsgruppesr").getForEntity("/api/steering-reports/" + id
        + ".pdf", byte[].class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<byte[]> pdf = rest.withBasicAuth("styringsgruppe", "styringsgruppe")
        .getForEntity("/api/steering-reports/" + id + ".pdf", byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    String text = text(pdf.getBody());
    assertThat(text).contains("Til styringsgruppen", "Flere henvisninger enn i fjor.",
        "Rekruttere to likemenn i Skien.", "Henvisninger mottatt", "Kontaktpunkter per uke")
        .doesNotContain("HEN-", "Rune", "Lars", "Økonomi");

    assertThat(rest.withBasicAuth("prosjektleder", "prosjektleder")
        .getForEntity("/api/steering-reports/" + id + ".pdf", byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth("admin", adminPassword).getForEntity("/api/steering-reports", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    for (String user : List.of("koordinator", "ruskonsulent", "likemann", "radgiver")) {
      assertThat(rest.withBasicAuth(user, user).getForEntity("/api/steering-reports", String.class)
          .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(rest.withBasicAuth(user, user).getForEntity("/api/steering-reports/" + id + ".pdf", byte[].class)
          .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    ResponseEntity<String> anonymous = rest.getForEntity("/api/steering-reports/" + id + ".pdf", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    assertThat(rest.withBasicAuth("styringsgruppe", "styringsgruppe")
        .getForEntity("/api/steering-reports/999999.pdf", byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theRestApiIsRefusedAYearBeforeTheServiceBeganAndNothingStarts() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(SteeringReporting.PROCESS_KEY).count();
    ResponseEntity<String> refused = rest.withBasicAuth("prosjektleder", "prosjektleder").postForEntity(
        "/engine-rest/process-definition/key/" + SteeringReporting.PROCESS_KEY + "/submit-form",
        json("{\"variables\": {\"reportKind\": {\"value\": \"halfYear\"}, \"reportYear\": {\"value\": 2016,"
            + " \"type\": \"Integer\"}}}"), String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("Året må være fra 2017", "reportYear must be between 2017");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(SteeringReporting.PROCESS_KEY).count())
        .isEqualTo(before);
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

  static String text(byte[] pdf) throws Exception {
    return no.alarm.likemann.support.PdfText.of(pdf);
  }
}
