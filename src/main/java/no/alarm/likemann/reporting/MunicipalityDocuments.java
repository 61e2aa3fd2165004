package no.alarm.likemann.reporting;

import static no.alarm.likemann.security.Roles.*;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import no.alarm.likemann.security.RequestUsers;
import no.alarm.likemann.security.RequestUsers.RequestUser;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Who gets a PDF about a municipality's participants, and how it is served. Coordinators, project leaders and
 * administrators read every municipality's; a counsellor only their own municipality's (403 otherwise); mentors and
 * the steering group get 403, anonymous requests 401 (Tasklist and Cockpit users by their session, API clients by
 * HTTP Basic). Logs carry the user's and the document's ids only.
 */
@Component
public class MunicipalityDocuments {

  private static final Logger LOG = LoggerFactory.getLogger(MunicipalityDocuments.class);
  static final Set<String> READERS = Set.of(COORDINATOR, COUNSELLOR, PROJECT_LEADER, ADMIN, CAMUNDA_ADMIN);

  private final RequestUsers users;
  private final no.alarm.likemann.region.Regions regions;

  public MunicipalityDocuments(RequestUsers users, no.alarm.likemann.region.Regions regions) {
    this.regions = regions;
    this.users = users;
  }

  /**
   * Serves {@code pdf} as {@code fileName}, once the caller may read documents about {@code municipality}.
   *
   * @param what for the log: the kind of document and its id, e.g. "closing report HEN-2026-00000"
   * @param municipality the municipality the document is about; empty when there is no such document (404)
   */
  public ResponseEntity<byte[]> serve(HttpServletRequest request, String what, Supplier<Optional<String>> municipality,
                                      Supplier<Optional<byte[]>> pdf, String fileName) {
    Optional<RequestUser> reader = users.of(request);
    if (reader.isEmpty()) {
      return RequestUsers.unauthorized(request);
    }
    if (!reader.get().inAny(READERS)) {
      LOG.info("User {} may not read {}", reader.get().id(), what);
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    Optional<String> about = municipality.get();
    if (about.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    if (!reader.get().mayReadMunicipality(about.get(), regions.ofMunicipality(about.get()).orElse(null))) {
      LOG.info("User {} may not read {}: another municipality's or region's", reader.get().id(), what);
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    Optional<byte[]> bytes = pdf.get();
    if (bytes.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    LOG.info("{} read by {}", what, reader.get().id());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(bytes.get());
  }
}
