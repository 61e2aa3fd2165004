package no.alarm.likemann.reporting;

import static no.alarm.likemann.security.Roles.*;

import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.security.RequestUsers;
import no.alarm.likemann.security.RequestUsers.RequestUser;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The closing report as PDF, for the roles that may see it: coordinators, counsellors, project leaders and
 * administrators. Logged-in Tasklist and Cockpit users are recognised by their session; API clients send HTTP Basic
 * credentials; anonymous requests get 401. While the report is being written the link shows a preview from what
 * the coordinator has saved; once the journey has produced it, the kept PDF.
 */
@RestController
public class ClosingReportController {

  private static final Logger LOG = LoggerFactory.getLogger(ClosingReportController.class);
  static final Set<String> READERS = Set.of(COORDINATOR, COUNSELLOR, PROJECT_LEADER, ADMIN, CAMUNDA_ADMIN);

  private final ClosingReports reports;
  private final RequestUsers users;
  private final RuntimeService runtime;
  private final TaskService tasks;

  public ClosingReportController(ClosingReports reports, RequestUsers users, RuntimeService runtime,
                                 TaskService tasks) {
    this.reports = reports;
    this.users = users;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  @GetMapping("/api/closing-reports/{reference}.pdf")
  public ResponseEntity<byte[]> download(@PathVariable String reference, HttpServletRequest request) {
    Optional<RequestUser> reader = users.of(request);
    if (reader.isEmpty()) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Likemann\"")
          .build();
    }
    if (!reader.get().inAny(READERS)) {
      LOG.info("User {} may not read closing report {}", reader.get().id(), reference);
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    Optional<String> municipality = reports.municipalityOf(reference);
    if (municipality.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    if (!reader.get().mayReadMunicipality(municipality.get())) {
      LOG.info("User {} may not read closing report {}: another municipality's", reader.get().id(), reference);
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    Optional<byte[]> pdf = reports.find(reference).or(() -> preview(reference));
    if (pdf.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    LOG.info("Closing report {} read by {}", reference, reader.get().id());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"sluttrapport-" + reference + ".pdf\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(pdf.get());
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
