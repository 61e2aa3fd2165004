package no.alarm.likemann.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Who calls the project's own endpoints under /api: a user logged in to Tasklist or Cockpit (their session), or an
 * API client with HTTP Basic credentials of an engine user. Anything else is anonymous.
 */
@Component
public class RequestUsers {

  /** An engine user, the groups they are in and the regions (tenants) they work in. */
  public record RequestUser(String id, List<String> groups, List<String> regions) {

    public RequestUser(String id, List<String> groups) {
      this(id, groups, List.of());
    }

    public boolean inAny(java.util.Collection<String> allowed) {
      return groups.stream().anyMatch(allowed::contains);
    }

    public boolean isAdministrator() {
      return groups.contains(Roles.ADMIN) || groups.contains(Roles.CAMUNDA_ADMIN);
    }

    /**
     * Whether a document about a municipality's participants is this user's to read: administrators read all;
     * coordinators and project leaders their own regions' municipalities; a counsellor their own municipality's.
     */
    public boolean mayReadMunicipality(String municipalityCode, String region) {
      if (isAdministrator()) {
        return true;
      }
      if (inAny(java.util.Set.of(Roles.COORDINATOR, Roles.PROJECT_LEADER)) && regions.contains(region)) {
        return true;
      }
      return groups.contains(Roles.COUNSELLOR) && groups.contains(Roles.counsellorsOf(municipalityCode));
    }
  }

  private final IdentityService identity;

  /** The header the webapps' own scripts send with {@code fetch}, as Angular's and jQuery's requests do. */
  static final String REQUESTED_WITH = "X-Requested-With";

  /**
   * The answer to an anonymous request for one of the project's own endpoints: 401. An API client is asked for HTTP
   * Basic. A script on a Tasklist or Cockpit page whose session has ended is not: the challenge would make the
   * browser pop up its own login box over the page, where Camunda's login page is the way back in.
   */
  public static <T> ResponseEntity<T> unauthorized(HttpServletRequest request) {
    var answer = ResponseEntity.status(HttpStatus.UNAUTHORIZED);
    if (!"XMLHttpRequest".equalsIgnoreCase(request.getHeader(REQUESTED_WITH))) {
      answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Likemann\"");
    }
    return answer.build();
  }

  /** 204 when the user may, 403 when not, 401 when anonymous: what a page's script asks before it offers a link. */
  public ResponseEntity<Void> access(HttpServletRequest request, java.util.function.Predicate<RequestUser> may) {
    Optional<RequestUser> user = of(request);
    if (user.isEmpty()) {
      return unauthorized(request);
    }
    return ResponseEntity.status(may.test(user.get()) ? HttpStatus.NO_CONTENT : HttpStatus.FORBIDDEN).build();
  }

  public RequestUsers(IdentityService identity) {
    this.identity = identity;
  }

  public Optional<RequestUser> of(HttpServletRequest request) {
    return basic(request).or(() -> session(request));
  }

  /** The user name and password of an HTTP Basic header, as sent: not yet checked. */
  public record Credentials(String user, String password) {}

  public static Optional<Credentials> basicCredentials(HttpServletRequest request) {
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
    return colon < 1 ? Optional.empty()
        : Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }

  /** The user logged in to a webapp on this request's session, or empty. */
  public static Optional<UserAuthentication> sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications != null
        && authentications.getAuthenticationForProcessEngine("default") instanceof UserAuthentication user
        ? Optional.of(user) : Optional.empty();
  }

  private Optional<RequestUser> basic(HttpServletRequest request) {
    Optional<Credentials> credentials = basicCredentials(request);
    if (credentials.isEmpty() || !identity.checkPassword(credentials.get().user(), credentials.get().password())) {
      return Optional.empty();
    }
    String user = credentials.get().user();
    return Optional.of(new RequestUser(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList(), identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list()
        .stream().map(org.camunda.bpm.engine.identity.Tenant::getId).toList()));
  }

  private static Optional<RequestUser> session(HttpServletRequest request) {
    return sessionUser(request).map(user -> new RequestUser(user.getName(), user.getGroupIds(),
        user.getTenantIds() == null ? List.of() : user.getTenantIds()));
  }

}
