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
 * Camunda 7.24.0 CE, CVE-2026-77226: the Admin app's first-run setup can create an administrator without login.
 * Administrators are created by the application itself, so the setup endpoint is closed for everyone.
 */
public class SetupEndpointBlocker extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(SetupEndpointBlocker.class);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    LOG.warn("Blocked a call to the Admin setup endpoint from {}", request.getRemoteAddr());
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"type\":\"Forbidden\",\"message\":\"The Admin setup is disabled in Likemann"
        + " (CVE-2026-77226). Administrators are created by the application.\"}");
  }
}
