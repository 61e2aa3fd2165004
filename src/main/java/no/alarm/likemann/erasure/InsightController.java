package no.alarm.likemann.erasure;

import static no.alarm.likemann.security.Roles.ADMIN;
import static no.alarm.likemann.security.Roles.CAMUNDA_ADMIN;
import static no.alarm.likemann.security.Roles.PROJECT_LEADER;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import no.alarm.likemann.readlog.RequestReads;
import no.alarm.likemann.region.Regions;
import no.alarm.likemann.security.RequestUsers;

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
 * {@code GET /api/persons/<reference>/insight.pdf}: everything stored about the person of this referral, for the
 * project leader of its region and the administrator (the person's right of access, GDPR art. 15); every other role
 * 403, anonymous requests 401, an unknown reference 404. Producing it is a read of each of the person's cases.
 */
@RestController
public class InsightController {

  private static final Logger LOG = LoggerFactory.getLogger(InsightController.class);
  static final Set<String> READERS = Set.of(PROJECT_LEADER, ADMIN, CAMUNDA_ADMIN);

  private final PersonInsight insight;
  private final RequestUsers users;
  private final Regions regions;
  private final Clock clock;

  public InsightController(PersonInsight insight, RequestUsers users, Regions regions, Clock clock) {
    this.insight = insight;
    this.users = users;
    this.regions = regions;
    this.clock = clock;
  }

  @GetMapping("/api/persons/{reference}/insight.pdf")
  public ResponseEntity<byte[]> insight(@PathVariable String reference, HttpServletRequest request) {
    var user = users.of(request);
    if (user.isEmpty()) {
      return RequestUsers.unauthorized(request);
    }
    if (!user.get().inAny(READERS)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    String ref = reference.strip().toUpperCase(Locale.ROOT);
    if (!ref.matches(no.alarm.likemann.referral.ReferralRegistry.REFERENCE_PATTERN)) {
      return ResponseEntity.badRequest().build();
    }
    var region = regions.ofReferral(ref);
    if (region.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    if (!user.get().isAdministrator() && !user.get().regions().contains(region.get())) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    var all = insight.of(ref);
    if (all.references().isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    byte[] pdf = InsightPdf.render(all, clock.instant());
    all.references().forEach(r -> RequestReads.add(r, "insight (PDF)"));
    LOG.info("Insight for a person of {} journeys produced by {}", all.references().size(), user.get().id());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"innsyn-" + ref + ".pdf\"")
        .body(pdf);
  }
}
