package no.alarm.likemann.reporting;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import no.alarm.likemann.journey.ParticipantJourney;

import no.alarm.likemann.referral.ReferralRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The closing report as PDF, for the roles that may see it ({@link MunicipalityDocuments}: coordinators, project
 * leaders, administrators, and the counsellors of the participant's municipality). While the report is being
 * written the link shows a preview from what the coordinator has saved; once the journey has produced it, the kept
 * PDF.
 */
@RestController
public class ClosingReportController {

  private final ClosingReports reports;
  private final ReferralRegistry referrals;
  private final MunicipalityDocuments documents;
  private final RuntimeService runtime;
  private final TaskService tasks;

  public ClosingReportController(ClosingReports reports, ReferralRegistry referrals, MunicipalityDocuments documents,
                                 RuntimeService runtime, TaskService tasks) {
    this.reports = reports;
    this.referrals = referrals;
    this.documents = documents;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  @GetMapping("/api/closing-reports/{reference}.pdf")
  public ResponseEntity<byte[]> download(@PathVariable String reference, HttpServletRequest request) {
    // logged when the PDF goes out (a refusal reads nothing)
    no.alarm.likemann.readlog.RequestReads.add(reference, "closing report (PDF)");
    return documents.serve(request, "closing report " + reference, () -> referrals.municipalityOf(reference),
        () -> reports.find(reference).or(() -> preview(reference)), "sluttrapport-" + reference + ".pdf");
  }

  /** While {@code writeClosingReport} is open: the report as saved so far. */
  private Optional<byte[]> preview(String reference) {
    ProcessInstance journey = runtime.createProcessInstanceQuery()
        .processDefinitionKey(ParticipantJourney.PROCESS_KEY).processInstanceBusinessKey(reference).singleResult();
    if (journey == null || tasks.createTaskQuery().processInstanceId(journey.getId())
        .taskDefinitionKey(ParticipantJourney.Element.WRITE_CLOSING_REPORT).count() == 0) {
      return Optional.empty();
    }
    var task = tasks.createTaskQuery().processInstanceId(journey.getId())
        .taskDefinitionKey(ParticipantJourney.Element.WRITE_CLOSING_REPORT).singleResult();
    var variables = tasks.getVariables(task.getId());
    return Optional.of(ClosingReportPdf.render(reports.fromJourney(variables::get)));
  }
}
