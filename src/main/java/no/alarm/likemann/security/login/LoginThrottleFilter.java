package no.alarm.likemann.security.login;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of every way to log in: the webapps' login form, HTTP Basic on /engine-rest and on the project's /api.
 * A request that brings credentials from an address that has failed too often gets 429 without its password being
 * checked; a request whose credentials are refused (401) counts as a failure of its address. Requests without
 * credentials are not counted: anonymous requests get their 401 as before.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottleFilter.class);

  private final LoginThrottle throttle;

  public LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!bringsCredentials(request)) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    Optional<Duration> wait = throttle.waitFor(address);
    if (wait.isPresent()) {
      long seconds = Math.max(1, wait.get().toSeconds());
      LOG.info("Refused a login from {}: too many failed logins, {} s to wait", address, seconds);
      response.setStatus(429);
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"type\":\"TooManyRequests\",\"message\":\"For mange mislykte innlogginger fra"
          + " denne adressen. Prøv igjen om " + Math.max(1, (seconds + 59) / 60) + " minutter. [Too many failed logins"
          + " from this address; try again in " + seconds + " s]\"}");
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(address);
      LOG.info("Failed login from {}", address);
    }
  }

  static boolean bringsCredentials(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod()) && path.startsWith("/camunda/api/admin/auth/user/")
        && path.contains("/login/");
  }
}
