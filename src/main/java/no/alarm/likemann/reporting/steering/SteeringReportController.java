package no.alarm.likemann.reporting.steering;

import static no.alarm.likemann.security.Roles.ADMIN;
import static no.alarm.likemann.security.Roles.CAMUNDA_ADMIN;
import static no.alarm.likemann.security.Roles.PROJECT_LEADER;
import static no.alarm.likemann.security.Roles.STEERING_GROUP;
import static no.alarm.likemann.security.Roles.WORKING_GROUP;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import no.alarm.likemann.security.RequestUsers;
import no.alarm.likemann.security.RequestUsers.RequestUser;

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
 * The reports to the steering group: {@code GET /api/steering-reports} lists them, {@code GET
 * /api/steering-reports/{id}.pdf} gives one. For the steering group, the working group, project leaders and
 * administrators; every other role 403, anonymous requests 401.
 */
@RestController
public class SteeringReportController {

  private static final Logger LOG = LoggerFactory.getLogger(SteeringReportController.class);
  // the working group reads them too: the results report goes "to the working group by 1 December" (plan 000 §5)
  static final Set<String> READERS = Set.of(STEERING_GROUP, WORKING_GROUP, PROJECT_LEADER, ADMIN, CAMUNDA_ADMIN);

  private final SteeringReports reports;
  private final RequestUsers users;

  public SteeringReportController(SteeringReports reports, RequestUsers users) {
    this.reports = reports;
    this.users = users;
  }

  @GetMapping("/api/steering-reports")
  public ResponseEntity<List<SteeringReports.Listed>> list(HttpServletRequest request) {
    Optional<RequestUser> user = users.of(request);
    if (user.isEmpty()) {
      return RequestUsers.unauthorized(request);
    }
    if (!user.get().inAny(READERS)) {
      // Cockpit's dashboard asks on every load, to know whether to show the list: a refusal is expected
      LOG.debug("User {} may not list the steering group's reports", user.get().id());
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    // each region's steering group and project leaders read their region's reports; the administrator all
    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(reports.produced(user.get().isAdministrator() ? null : user.get().regions()));
  }

  @GetMapping("/api/steering-reports/{id}.pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable("id") long id, HttpServletRequest request) {
    Optional<RequestUser> user = users.of(request);
    if (user.isEmpty()) {
      return RequestUsers.unauthorized(request);
    }
    if (!user.get().inAny(READERS)) {
      LOG.info("User {} was refused steering group report {}", user.get().id(), id);
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    if (!user.get().isAdministrator() && !reports.mayRead(id, user.get().regions())) {
      LOG.info("User {} was refused steering group report {}: another region's", user.get().id(), id);
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    return reports.pdf(id)
        .map(pdf -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"styringsgruppen-" + id + ".pdf\"")
            .header(HttpHeaders.CACHE_CONTROL, "no-store").body(pdf))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
