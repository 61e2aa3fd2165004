package no.alarm.likemann.reporting;

import static no.alarm.likemann.security.Roles.*;

import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

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
 * A municipality's monthly report as PDF, for that municipality's counsellors (the municipal representatives),
 * coordinators, project leaders and administrators; a counsellor of another municipality gets 403. Mentors and the steering group get 403, anonymous requests 401 (Tasklist users by
 * their session, API clients by HTTP Basic, as for the closing report).
 */
@RestController
public class MonthlyReportController {

  private static final Logger LOG = LoggerFactory.getLogger(MonthlyReportController.class);
  static final Set<String> READERS = Set.of(COUNSELLOR, COORDINATOR, PROJECT_LEADER, ADMIN, CAMUNDA_ADMIN);

  private final MonthlyReports reports;
  private final RequestUsers users;

  public MonthlyReportController(MonthlyReports reports, RequestUsers users) {
    this.reports = reports;
    this.users = users;
  }

  @GetMapping("/api/monthly-reports/{id}.pdf")
  public ResponseEntity<byte[]> download(@PathVariable long id, HttpServletRequest request) {
    Optional<RequestUser> reader = users.of(request);
    if (reader.isEmpty()) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Likemann\"").build();
    }
    if (!reader.get().inAny(READERS)) {
      LOG.info("User {} may not read monthly report {}", reader.get().id(), id);
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    Optional<String> municipality = reports.municipalityOf(id);
    if (municipality.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    if (!reader.get().mayReadMunicipality(municipality.get())) {
      LOG.info("User {} may not read monthly report {}: another municipality's", reader.get().id(), id);
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    Optional<byte[]> pdf = reports.find(id);
    if (pdf.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    LOG.info("Monthly report {} read by {}", id, reader.get().id());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"maanedsrapport-" + id + ".pdf\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(pdf.get());
  }
}
