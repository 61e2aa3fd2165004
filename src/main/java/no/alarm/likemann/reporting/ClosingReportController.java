package no.alarm.likemann.reporting;

import static no.alarm.likemann.security.Roles.*;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import no.alarm.likemann.journey.ParticipantJourney;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
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

  record Reader(String userId, List<String> groups) {}

  private final ClosingReports reports;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final TaskService tasks;

  public ClosingReportController(ClosingReports reports, IdentityService identity, RuntimeService runtime,
                                 TaskService tasks) {
    this.reports = reports;
    this.identity = identity;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  @GetMapping("/api/closing-reports/{reference}.pdf")
  public ResponseEntity<byte[]> download(@PathVariable String reference, HttpServletRequest request) {
    Optional<Reader> reader = basic(request).or(() -> session(request));
    if (reader.isEmpty()) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Likemann\"")
          .build();
    }
    if (reader.get().groups().stream().noneMatch(READERS::contains)) {
      LOG.info("User {} may not read closing report {}", reader.get().userId(), reference);
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    Optional<byte[]> pdf = reports.find(reference).or(() -> preview(reference));
    if (pdf.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    LOG.info("Closing report {} read by {}", reference, reader.get().userId());
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

  private Optional<Reader> basic(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 1) {
      return Optional.empty();
    }
    String user = decoded.substring(0, colon);
    if (!identity.checkPassword(user, decoded.substring(colon + 1))) {
      return Optional.empty();
    }
    return Optional.of(new Reader(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList()));
  }

  private static Optional<Reader> session(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null
        || !(authentications.getAuthenticationForProcessEngine("default") instanceof UserAuthentication user)) {
      return Optional.empty();
    }
    return Optional.of(new Reader(user.getName(), user.getGroupIds()));
  }
}
