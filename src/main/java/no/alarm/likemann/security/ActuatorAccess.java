package no.alarm.likemann.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read Spring Boot Actuator's endpoints under /actuator: anyone the bare liveness answer ({@code UP}, which
 * reveals nothing: the proxy and docker-compose ask it); administrators, logged in or with HTTP Basic, the rest
 * (readiness with its components, the metrics). Anonymous 401, any other role 403.
 */
public class ActuatorAccess extends OncePerRequestFilter {

  static final String LIVENESS = "/actuator/health/liveness";
  private static final Logger LOG = LoggerFactory.getLogger(ActuatorAccess.class);

  private final RequestUsers users;

  public ActuatorAccess(RequestUsers users) {
    this.users = users;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (LIVENESS.equals(path)) {
      chain.doFilter(request, response);
      return;
    }
    var user = users.of(request);
    if (user.isEmpty()) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Likemann\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    if (!user.get().isAdministrator()) {
      LOG.info("User {} was refused {}", user.get().id(), path);
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    chain.doFilter(request, response);
  }
}
