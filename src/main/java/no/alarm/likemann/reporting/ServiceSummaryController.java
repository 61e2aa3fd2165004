package no.alarm.likemann.reporting;

import static no.alarm.likemann.security.Roles.*;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import no.alarm.likemann.security.RequestUsers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/summary}: the steering group's figures, for the roles that follow the service, each
 * counting their own regions only (the administrator all of them), with the small numbers hidden for everyone;
 * {@code GET /api/reports/trends} the same month by month, for the charts.
 */
@RestController
public class ServiceSummaryController {

  static final Set<String> READERS = Set.of(STEERING_GROUP, WORKING_GROUP, PROJECT_LEADER, COORDINATOR, ADVISER, ADMIN, CAMUNDA_ADMIN);

  private final FigureSnapshots snapshots;
  private final RequestUsers users;

  public ServiceSummaryController(FigureSnapshots snapshots, RequestUsers users) {
    this.snapshots = snapshots;
    this.users = users;
  }

  /**
   * {@code GET /api/reports/process-counts/{key}}: for the diagram in Cockpit, how many stand at each step of the
   * journey's or the onboarding's model now and how many passed it this year (ProcessCounts); the same readers and
   * scope; another model 404.
   */
  @GetMapping("/api/reports/process-counts/{key}")
  public ResponseEntity<String> processCounts(
      @org.springframework.web.bind.annotation.PathVariable("key") String key, HttpServletRequest request) {
    var user = users.of(request);
    if (user.isEmpty()) {
      return RequestUsers.unauthorized(request);
    }
    if (!user.get().inAny(READERS)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    if (!ProcessCounts.PROCESSES.contains(key)) {
      return ResponseEntity.notFound().build();
    }
    return figures(ServiceFigures.processCounts(key), user.get());
  }

  /** {@code GET /api/reports/trends}: the last twelve months, for the charts; the same readers and scope. */
  @GetMapping("/api/reports/trends")
  public ResponseEntity<String> trends(HttpServletRequest request) {
    var user = users.of(request);
    if (user.isEmpty()) {
      return RequestUsers.unauthorized(request);
    }
    if (!user.get().inAny(READERS)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    return figures(ServiceFigures.TRENDS, user.get());
  }

  @GetMapping("/api/reports/summary")
  public ResponseEntity<String> summary(HttpServletRequest request) {
    var user = users.of(request);
    if (user.isEmpty()) {
      return RequestUsers.unauthorized(request);
    }
    if (!user.get().inAny(READERS)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    return figures(ServiceFigures.SUMMARY, user.get());
  }

  /**
   * The figures as last computed (FigureSnapshots), with the moment they were computed as {@code Last-Modified}:
   * each region's people count their own region's service; the administrator counts them all.
   */
  private ResponseEntity<String> figures(String kind, RequestUsers.RequestUser user) {
    RegionScope scope = user.isAdministrator() ? RegionScope.ALL : RegionScope.of(user.regions());
    FigureSnapshots.Served served = snapshots.get(kind, scope);
    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).lastModified(served.computedAt())
        .body(served.json());
  }
}
