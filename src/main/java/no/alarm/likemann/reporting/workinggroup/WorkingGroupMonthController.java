package no.alarm.likemann.reporting.workinggroup;

import static no.alarm.likemann.security.Roles.ADMIN;
import static no.alarm.likemann.security.Roles.ADVISER;
import static no.alarm.likemann.security.Roles.CAMUNDA_ADMIN;
import static no.alarm.likemann.security.Roles.PROJECT_LEADER;
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
 * The working group's months: {@code GET /api/working-group-months} lists them, {@code GET
 * /api/working-group-months/{id}.pdf} gives one. For the region's working group, project leaders and advisers, and
 * administrators; every other role 403, another region's month 403, anonymous requests 401. Every read is logged, with
 * ids only.
 */
@RestController
public class WorkingGroupMonthController {

  private static final Logger LOG = LoggerFactory.getLogger(WorkingGroupMonthController.class);
  static final Set<String> READERS = Set.of(WORKING_GROUP, PROJECT_LEADER, ADVISER, ADMIN, CAMUNDA_ADMIN);

  private final WorkingGroupMonths months;
  private final RequestUsers users;

  public WorkingGroupMonthController(WorkingGroupMonths months, RequestUsers users) {
    this.months = months;
    this.users = users;
  }

  @GetMapping("/api/working-group-months")
  public ResponseEntity<List<WorkingGroupMonths.Listed>> list(HttpServletRequest request) {
    Optional<RequestUser> user = users.of(request);
    if (user.isEmpty()) {
      return RequestUsers.unauthorized(request);
    }
    if (!user.get().inAny(READERS)) {
      // Cockpit's dashboard asks on every load, to know whether to show the list: a refusal is expected
      LOG.debug("User {} may not list the working group's months", user.get().id());
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    List<WorkingGroupMonths.Listed> listed = months.produced(user.get().isAdministrator() ? null
        : user.get().regions());
    LOG.info("User {} listed working group months {}", user.get().id(),
        listed.stream().map(WorkingGroupMonths.Listed::id).toList());
    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(listed);
  }

  @GetMapping("/api/working-group-months/{id}.pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable("id") long id, HttpServletRequest request) {
    Optional<RequestUser> user = users.of(request);
    if (user.isEmpty()) {
      return RequestUsers.unauthorized(request);
    }
    if (!user.get().inAny(READERS)) {
      LOG.info("User {} was refused working group month {}", user.get().id(), id);
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    Optional<String> region = months.regionOf(id);
    if (region.isPresent() && !user.get().isAdministrator() && !user.get().regions().contains(region.get())) {
      LOG.info("User {} was refused working group month {}: another region's", user.get().id(), id);
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    Optional<byte[]> pdf = region.isEmpty() ? Optional.empty() : months.pdf(id);
    if (pdf.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    LOG.info("User {} read working group month {}", user.get().id(), id);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"arbeidsgruppen-" + id + ".pdf\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store").body(pdf.get());
  }
}
