package no.alarm.likemann.readlog;

import static no.alarm.likemann.security.Roles.ADMIN;
import static no.alarm.likemann.security.Roles.CAMUNDA_ADMIN;
import static no.alarm.likemann.security.Roles.PROJECT_LEADER;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import no.alarm.likemann.security.RequestUsers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/case-reads/<reference>}: who has read a case (the participant's right to know, GDPR art. 15 and
 * Normen), for the project leader of the case's region and the administrator only; every other role 403, anonymous requests 401. Looking
 * is itself a read of the case, and logged.
 */
@RestController
public class CaseReadController {

  static final Set<String> READERS = Set.of(PROJECT_LEADER, ADMIN, CAMUNDA_ADMIN);

  /** One read as the project leader sees it. */
  public record Row(String readBy, String readAt, String what, String via) {}

  private final CaseReads reads;
  private final RequestUsers users;
  private final no.alarm.likemann.region.Regions regions;

  public CaseReadController(CaseReads reads, RequestUsers users, no.alarm.likemann.region.Regions regions) {
    this.reads = reads;
    this.users = users;
    this.regions = regions;
  }

  /** Whether the user may see read logs (Tasklist asks, to know whether to offer them): 204, 403 or 401. */
  @GetMapping("/api/case-reads")
  public ResponseEntity<Void> access(HttpServletRequest request) {
    return users.access(request, user -> user.inAny(READERS));
  }

  @GetMapping("/api/case-reads/{reference}")
  public ResponseEntity<List<Row>> of(@PathVariable String reference, HttpServletRequest request) {
    var user = users.of(request);
    if (user.isEmpty()) {
      return RequestUsers.unauthorized(request);
    }
    if (!user.get().inAny(READERS)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    String ref = reference.strip().toUpperCase(java.util.Locale.ROOT);
    if (!ref.matches("[A-Z]{2,4}-[0-9A-Z-]{1,30}")) {
      return ResponseEntity.badRequest().build();
    }
    // the region's project leader: a referral of another region is not theirs to look into
    var region = regions.ofReferral(ref);
    if (!user.get().isAdministrator() && region.isPresent() && !user.get().regions().contains(region.get())) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    List<Row> rows = reads.of(ref).stream().map(r -> new Row(r.readBy(), r.readAt().toString(), r.what(),
        r.via().name())).toList();
    RequestReads.add(ref, "read log");
    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(rows);
  }
}
