package no.alarm.likemann.referral;

import static no.alarm.likemann.security.Roles.ADMIN;
import static no.alarm.likemann.security.Roles.CAMUNDA_ADMIN;
import static no.alarm.likemann.security.Roles.COORDINATOR;
import static no.alarm.likemann.security.Roles.COUNSELLOR;
import static no.alarm.likemann.security.Roles.PROJECT_LEADER;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import no.alarm.likemann.security.RequestUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/referrals}: the referrals a user may follow (Tasklist's "Henvisninger"). A counsellor gets their own
 * municipality's; coordinators, project leaders and administrators get every municipality's; mentors, advisers and
 * the steering group 403; anonymous requests 401.
 */
@RestController
public class ReferralOverviewController {

  private static final Logger LOG = LoggerFactory.getLogger(ReferralOverviewController.class);
  static final Set<String> READERS = Set.of(COORDINATOR, COUNSELLOR, PROJECT_LEADER, ADMIN, CAMUNDA_ADMIN);

  private final ReferralOverview overview;
  private final MunicipalityRegistry municipalities;
  private final RequestUsers users;

  public ReferralOverviewController(ReferralOverview overview, MunicipalityRegistry municipalities,
                                    RequestUsers users) {
    this.overview = overview;
    this.municipalities = municipalities;
    this.users = users;
  }

  /** Whether the user may follow referrals (Tasklist asks, to know whether to offer the list): 204, 403 or 401. */
  @GetMapping("/api/referrals/access")
  public ResponseEntity<Void> access(HttpServletRequest request) {
    return users.access(request, user -> user.inAny(READERS));
  }

  @GetMapping("/api/referrals")
  public ResponseEntity<List<ReferralOverview.Row>> referrals(HttpServletRequest request) {
    var user = users.of(request);
    if (user.isEmpty()) {
      return RequestUsers.unauthorized(request);
    }
    if (!user.get().inAny(READERS)) {
      // Tasklist asks on every load, to know whether to offer "Henvisninger": a mentor's refusal is expected
      LOG.debug("User {} may not list referrals", user.get().id());
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    List<String> readable = municipalities.all().values().stream()
        .filter(m -> user.get().mayReadMunicipality(m.code(), m.region())).map(Municipality::code).toList();
    List<ReferralOverview.Row> rows = overview.of(readable);
    rows.forEach(row -> no.alarm.likemann.readlog.RequestReads.add(row.reference(), "referral list"));
    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(rows);
  }
}
